// Keeps keyboard focus on a hidden text field placed over the focused cell, so that the very first key of a
// Chinese IME composition reaches an editable element (a focused <div> gets raw letters: the first pinyin
// letter would be lost). Navigation keys are handed back to the grid; typed or composed text starts the edit.
import type { Column, GridApi, IRowNode } from 'ag-grid-community';

export type ProxyHooks = {
  onCopy?: () => string | null;
  onPaste?: (text: string) => void;
  onShortcut?: (key: string, shift: boolean) => boolean;
  /** Someone typed, deleted or pressed F2 in a cell they may not change: tell them why. */
  onReadOnly?: (node: IRowNode, column: Column) => void;
};

// Keys that would change a cell: on a read-only one they are answered with the reason instead of silence.
const EDIT_KEYS = new Set(['Delete', 'Backspace', 'F2']);

// Pressed alone these change nothing in the grid, and Shift toggles many Chinese IMEs: focus stays put.
const MODIFIERS = new Set(['Shift', 'Control', 'Alt', 'Meta', 'CapsLock', 'Process', 'Unidentified', 'Dead']);
const GRID_KEYS = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End', 'PageUp', 'PageDown', 'Tab', 'Enter', 'F2', 'Escape', 'Delete', 'Backspace', ' ']);

/** Whether this device types with a keyboard and a fine pointer; on touch screens the proxy would pop up the on-screen keyboard. */
export function wantsKeyboardProxy(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(pointer: fine)').matches;
}

export function attachKeyboardProxy(host: HTMLElement, api: GridApi, hooks: ProxyHooks = {}): () => void {
  const proxy = document.createElement('textarea');
  proxy.className = 'keyboard-proxy';
  proxy.setAttribute('autocomplete', 'off');
  proxy.setAttribute('spellcheck', 'false');
  proxy.tabIndex = -1;
  host.append(proxy);
  let composing = false;

  const focusedCellElement = (): HTMLElement | null => {
    const cell = api.getFocusedCell();
    if (!cell) return null;
    const rowId = api.getDisplayedRowAtIndex(cell.rowIndex)?.id;
    if (rowId === undefined) return null;
    const id = CSS.escape(rowId);
    const col = CSS.escape(cell.column.getColId());
    // Spanned cells sit in a row container of their own, which carries the row id but not .ag-row.
    return host.querySelector<HTMLElement>(`[row-id="${id}"] .ag-cell[col-id="${col}"]`);
  };

  const place = () => {
    const cell = focusedCellElement();
    if (!cell) return;
    const a = cell.getBoundingClientRect();
    const b = host.getBoundingClientRect();
    proxy.style.left = `${a.left - b.left}px`;
    proxy.style.top = `${a.top - b.top}px`;
    proxy.style.width = `${a.width}px`;
    proxy.style.height = `${a.height}px`;
    // An empty cell lends no name: the host's general one (data-label) stands in, never the previous cell's.
    const name = cell.getAttribute('aria-label') || cell.textContent || (proxy.dataset.label ?? '');
    // A locked cell's reason (cell-renderers.ts) is heard with its value, and the field says it is read-only.
    const locked = cell.getAttribute('aria-readonly') === 'true';
    proxy.setAttribute('aria-label', locked && cell.title ? `${name}（${cell.title}）` : name);
    if (locked) proxy.setAttribute('aria-readonly', 'true');
    else proxy.removeAttribute('aria-readonly');
  };

  const capture = () => {
    if (api.getEditingCells().length > 0 || !api.getFocusedCell()) return;
    // Only take focus the grid itself holds: never steal it from the search box or a dialog.
    const active = document.activeElement;
    if (active !== proxy && !(active instanceof HTMLElement && active.closest('.ag-cell'))) return;
    place();
    proxy.focus({ preventScroll: true });
  };

  /** The focused body cell when the user may not change it (pinned totals rows are not records). */
  const lockedCell = (): { node: IRowNode; column: Column } | null => {
    const cell = api.getFocusedCell();
    const node = cell && !cell.rowPinned ? api.getDisplayedRowAtIndex(cell.rowIndex) : undefined;
    return cell && node && !cell.column.isCellEditable(node) ? { node, column: cell.column } : null;
  };

  const startEdit = (text: string) => {
    const cell = api.getFocusedCell();
    if (!cell) return;
    const locked = lockedCell();
    if (locked) {
      hooks.onReadOnly?.(locked.node, locked.column);
      return;
    }
    api.startEditingCell({ rowIndex: cell.rowIndex, colKey: cell.column, key: text, rowPinned: cell.rowPinned ?? undefined });
  };

  // Hands a key to the grid as if the focused cell had received it, so AG Grid's own navigation applies.
  const forward = (e: KeyboardEvent) => {
    const cell = focusedCellElement();
    if (!cell) return;
    e.preventDefault();
    cell.focus({ preventScroll: true });
    const init = { key: e.key, code: e.code, shiftKey: e.shiftKey, ctrlKey: e.ctrlKey, metaKey: e.metaKey, altKey: e.altKey, bubbles: true, cancelable: true };
    cell.dispatchEvent(new KeyboardEvent('keydown', init));
    // Keys that leave the grid state unchanged (Escape) leave focus on the cell: take it back.
    requestAnimationFrame(capture);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (composing || e.isComposing || e.keyCode === 229 || MODIFIERS.has(e.key)) return;
    const mod = e.ctrlKey || e.metaKey;
    if (mod && !e.altKey) {
      const key = e.key.toLowerCase();
      if (key === 'v') return; // the native paste event follows
      if (key === 'c' && hooks.onCopy) {
        const text = hooks.onCopy();
        if (text !== null) {
          // The browser's own copy follows this key: it takes our text as it is (a textarea would turn CRLF
          // into LF), with no clipboard permission needed. The selected text is the fallback.
          const onCopyEvent = (event: ClipboardEvent) => {
            if (!event.clipboardData) return;
            event.clipboardData.setData('text/plain', text);
            event.preventDefault();
          };
          document.addEventListener('copy', onCopyEvent, { capture: true, once: true });
          proxy.value = text;
          proxy.select();
          setTimeout(() => {
            document.removeEventListener('copy', onCopyEvent, { capture: true });
            proxy.value = '';
          }, 0);
        }
        return;
      }
      if (hooks.onShortcut?.(key, e.shiftKey)) e.preventDefault();
      return;
    }
    if (EDIT_KEYS.has(e.key) && !e.shiftKey && !e.altKey) {
      const locked = lockedCell();
      if (locked) {
        e.preventDefault();
        hooks.onReadOnly?.(locked.node, locked.column);
        return;
      }
    }
    if (GRID_KEYS.has(e.key) || e.key.length > 1) {
      forward(e);
      return;
    }
    if (e.key.length === 1 && !e.altKey) {
      e.preventDefault();
      startEdit(e.key);
    }
  };

  const onCompositionStart = () => {
    composing = true;
    place();
    proxy.classList.add('keyboard-proxy--composing');
  };
  const onCompositionEnd = (e: CompositionEvent) => {
    composing = false;
    proxy.classList.remove('keyboard-proxy--composing');
    const text = e.data || proxy.value;
    proxy.value = '';
    if (text) startEdit(text);
  };
  // Text inserted without key events or composition (dictation, handwriting panels) also starts the edit.
  const onInput = (e: Event) => {
    if (composing || (e as InputEvent).isComposing) return;
    const text = proxy.value;
    proxy.value = '';
    if (text) startEdit(text);
  };
  const onPaste = (e: ClipboardEvent) => {
    const text = e.clipboardData?.getData('text/plain') ?? '';
    e.preventDefault();
    hooks.onPaste?.(text);
  };

  proxy.addEventListener('keydown', onKeyDown);
  proxy.addEventListener('compositionstart', onCompositionStart);
  proxy.addEventListener('compositionend', onCompositionEnd);
  proxy.addEventListener('input', onInput);
  proxy.addEventListener('paste', onPaste);
  const onFocused = () => requestAnimationFrame(capture);
  api.addEventListener('cellFocused', onFocused);
  // Clicking the cell that already has focus moves the browser's focus to it without a cellFocused event.
  api.addEventListener('cellClicked', onFocused);
  api.addEventListener('cellEditingStopped', onFocused);
  api.addEventListener('bodyScroll', place);

  return () => {
    api.removeEventListener('cellFocused', onFocused);
    api.removeEventListener('cellClicked', onFocused);
    api.removeEventListener('cellEditingStopped', onFocused);
    api.removeEventListener('bodyScroll', place);
    proxy.remove();
  };
}
