// 撤销 / 重做: buttons in the header and Ctrl/Cmd+Z, Ctrl+Y, Ctrl/Cmd+Shift+Z anywhere outside a text field,
// over the session's undo stack (every change this tab saved, whichever view it came from).
import { useCallback, useEffect } from 'react';
import { describeFieldError } from '#shared/i18n/describe-error.ts';
import { useObservable } from '#client/context/device-context.tsx';
import { useStorage, useT } from '#client/context/ledger-context.tsx';
import type { SaveResult } from '#client/storage/save-changes.ts';
import { describeStorageError } from '#client/storage/storage-error.ts';
import { useToast } from '#client/ui/toast.tsx';

/** A text field keeps its own undo; the grid's keyboard proxy is a text field only in name. */
function ownsUndo(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement) || target.classList.contains('keyboard-proxy')) return false;
  return target.isContentEditable || target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
}

export function UndoControls() {
  const storage = useStorage();
  const t = useT();
  const toast = useToast();
  const { undo, redo } = useObservable(storage.undo.state);

  const run = useCallback(
    async (step: () => Promise<SaveResult | null>) => {
      try {
        const result = await step();
        if (!result || result.ok) return;
        // One toast (a new one replaces the last), naming every refusal of the first rows.
        const reasons = result.errors.slice(0, 3).flatMap((refused) => {
          const row = t('error.rowOf', { entity: t(`entity.${refused.entity}`), name: refused.id });
          return refused.errors.map((error) => describeFieldError(t, refused.entity, error, row));
        });
        toast.show({ kind: 'error', text: `${t('undo.refused')}${reasons.join(t('common.separator'))}` });
      } catch (error) {
        toast.show({ kind: 'error', text: describeStorageError(t, error) });
      }
    },
    [t, toast],
  );

  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || ownsUndo(e.target) || document.querySelector('dialog[open]')) return;
      const key = e.key.toLowerCase();
      if (key === 'z' && !e.shiftKey) {
        e.preventDefault();
        void run(storage.undo.undo);
      } else if ((key === 'z' && e.shiftKey) || (key === 'y' && !e.metaKey)) {
        e.preventDefault();
        void run(storage.undo.redo);
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [run, storage]);

  return (
    <span className="undo-controls">
      <button type="button" className="button" disabled={undo === 0} title={t('undo.hint')} onClick={() => void run(storage.undo.undo)}>
        {t('action.undo')}
      </button>
      <button type="button" className="button" disabled={redo === 0} title={t('redo.hint')} onClick={() => void run(storage.undo.redo)}>
        {t('action.redo')}
      </button>
    </span>
  );
}
