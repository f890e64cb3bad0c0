// 更多: the header's secondary items. Wide windows show them in the row (the toggle hides); narrower ones fold them
// into a drop-down, so that no button wraps inside its words. The items stay mounted either way: their dialogs
// live inside them, and a folded panel is only invisible (a modal dialog shows through it, see header.css).
import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { useT } from '#client/context/ledger-context.tsx';

export function HeaderMenu({ children }: { children: ReactNode }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  useEffect(() => {
    if (!open) return undefined;
    const onPointerDown = (e: PointerEvent) => {
      if (!ref.current?.contains(e.target as Node)) setOpen(false);
    };
    const onKeyDown = (e: KeyboardEvent) => {
      // A dialog opened from the menu handles its own Escape.
      if (e.key !== 'Escape' || document.querySelector('dialog[open]')) return;
      setOpen(false);
      toggle.current?.focus();
    };
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [open]);

  return (
    <div className="header-menu" ref={ref}>
      <button ref={toggle} type="button" className="button header-menu__toggle" aria-expanded={open} aria-controls={panelId} aria-label={t('header.moreLabel')} onClick={() => setOpen(!open)}>
        {t('header.more')}
      </button>
      {/* Choosing an item folds the menu; what it opens (a dialog) stays. */}
      <div
        id={panelId}
        className="header-menu__panel"
        data-open={open}
        onClick={(e) => {
          if ((e.target as HTMLElement).closest('button') && !(e.target as HTMLElement).closest('dialog')) setOpen(false);
        }}
      >
        {children}
      </div>
    </div>
  );
}
