// An administrator clears the contents of everyone's shared ledger, a server action confirmed by typing the
// ledger's name; the server keeps what it removed, and each clearing listed here can be restored (恢复).
import { useEffect, useState } from 'react';
import type { LedgerClear } from '#shared/sync/protocol.ts';
import { useDevice } from '#client/context/device-context.tsx';
import { useSettings, useT } from '#client/context/ledger-context.tsx';
import { describeServerError } from '#client/sync/describe-server-error.ts';
import { Dialog } from '#client/ui/dialog.tsx';
import { useToast } from '#client/ui/toast.tsx';
import { formatLocalDateTime } from '#shared/model/local-time.ts';

export function SharedClearDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { sync } = useDevice();
  const { ledger } = useSettings();
  const t = useT();
  const toast = useToast();
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [clears, setClears] = useState<LedgerClear[] | null>(null);
  const name = ledger?.name ?? t('app.title');
  const time = formatLocalDateTime;

  useEffect(() => {
    if (!open) return;
    setTyped('');
    sync.sharedClears().then(setClears, () => setClears(null));
  }, [open, sync]);

  const act = async (task: () => Promise<string>) => {
    setBusy(true);
    try {
      toast.show({ kind: 'info', text: await task() });
      setTyped('');
      setClears(await sync.sharedClears());
    } catch (error) {
      toast.show({ kind: 'error', text: describeServerError(t, error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      open={open}
      title={t('action.clearShared')}
      onClose={onClose}
      actions={
        <button type="button" className="button" onClick={onClose}>
          {t('action.close')}
        </button>
      }
    >
      <p className="warning">{t('confirm.clearShared', { name })}</p>
      <label className="field">
        <span>{t('data.clearTypeName', { name })}</span>
        <input className="input" value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" />
      </label>
      <div className="menu-row">
        <button type="button" className="button button--danger" disabled={busy || typed.trim() !== name} onClick={() => void act(async () => t('toast.sharedCleared', { count: await sync.clearShared(typed.trim()) }))}>
          {t('action.clearShared')}
        </button>
      </div>
      <h3>{t('data.clearsTitle')}</h3>
      {clears === null && <p className="note">{t('data.clearsOffline')}</p>}
      {clears?.length === 0 && <p className="note">{t('data.clearsNone')}</p>}
      <ul className="change-list">
        {clears?.map((c) => (
          <li key={c.id} className="change-list__item">
            <span>{t('data.clearLine', { time: time(c.clearedAt), by: c.clearedBy, count: c.count })}</span>
            {c.restoredAt ? (
              <span className="note">{t('data.clearRestored', { time: time(c.restoredAt), by: c.restoredBy ?? '' })}</span>
            ) : (
              <button type="button" className="button" disabled={busy} onClick={() => void act(async () => t('toast.sharedRestored', { count: await sync.restoreShared(c.id) }))}>
                {t('action.restore')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
