// A numeric box replaces its content when entered: a box showing 0 reads 65 after typing 65, not 065. Spread
// `selectOnFocus` into the <input>; it works for mouse, keyboard and touch.
import type { FocusEvent, KeyboardEvent, MouseEvent } from 'react';

// Boxes focused by a press that has not been released yet: the release would collapse the selection.
const pressed = new WeakSet<HTMLInputElement>();

export const selectOnFocus = {
  onFocus(e: FocusEvent<HTMLInputElement>) {
    const box = e.currentTarget;
    box.select();
    pressed.add(box);
    // iPadOS Safari selects only after the focus has settled (its tap sends the mouse events late).
    setTimeout(() => {
      if (document.activeElement === box && pressed.has(box)) box.select();
    }, 0);
  },
  onMouseUp(e: MouseEvent<HTMLInputElement>) {
    if (pressed.delete(e.currentTarget)) e.preventDefault();
  },
  onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    pressed.delete(e.currentTarget);
  },
  onBlur(e: FocusEvent<HTMLInputElement>) {
    pressed.delete(e.currentTarget);
  },
};
