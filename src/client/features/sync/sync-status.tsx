// The header's sync corner: pending changes, last sync, errors, 立即同步; its dialog lists refused changes
// and conflicts, and exports what is not yet on the server.
import { useState } from 'react';
import { useDevice, useObservable } from '#client/context/device-context.tsx';
import { useSettings, useT } from '#client/context/ledger-context.tsx';
import { downloadText } from '#client/lib/download.ts';
import { Dialog } from '#client/ui/dialog.tsx';
import { ConflictList } from './conflict-list.tsx';
import { RejectedList } from './rejected-list.tsx';


export function SyncStatus() {
  const { sync } = useDevice();
  const state = useObservable(sync.state);
  const { locale } = useSettings();
  const t = useT();
  const [open, setOpen] = useState(false);
  const time = (iso: string) => new Date(iso).toLocaleString(locale, { hour12: false });
  const label = state.syncing
    ? t('sync.syncing')
    : state.error
      ? t('sync.failed')
      : state.pending + state.unsentFiles > 0
        ? t('sync.pending', { count: state.pending + state.unsentFiles })
        : state.lastSyncAt
          ? t('sync.synced')
          : t('sync.never');
  const attention = state.error !== null || state.rejected > 0 || (state.openConflicts ?? 0) > 0;

  return (
    <>
      <button type="button" className={attention ? 'button button--danger' : 'button'} data-testid="sync-status" onClick={() => setOpen(true)}>
        {label}
      </button>
      <Dialog
        open={open}
        title={t('sync.title')}
        onClose={() => setOpen(false)}
        actions={
          <>
            <button type="button" className="button" onClick={() => void sync.exportUnsynced().then((text) => downloadText(`unsynced-changes-${new Date().toISOString().slice(0, 10)}.json`, text))}>
              {t('sync.export')}
            </button>
            <button type="button" className="button button--primary" disabled={state.syncing} onClick={() => void sync.syncNow()}>
              {state.syncing ? t('sync.syncing') : t('sync.now')}
            </button>
            <button type="button" className="button" onClick={() => setOpen(false)}>
              {t('action.close')}
            </button>
          </>
        }
      >
        <p data-testid="sync-pending">{state.pending > 0 ? t('sync.pendingDetail', { count: state.pending }) : state.unsentFiles === 0 ? t('sync.allUploaded') : ''}</p>
        {state.unsentFiles > 0 && <p>{t('sync.filesPending', { count: state.unsentFiles })}</p>}
        <p className="note">{state.lastSyncAt ? t('sync.last', { time: time(state.lastSyncAt) }) : t('sync.never')}</p>
        {state.error && (
          <p className="warning" role="alert">
            {state.error.kind === 'network'
              ? t('sync.errorNetwork', { detail: state.error.message })
              : state.error.code === 'foreignClient'
                ? t('sync.errorForeignClient')
                : t('sync.errorServer', { status: state.error.status ?? '', detail: state.error.message })}
          </p>
        )}
        {open && state.rejected > 0 && <RejectedList />}
        {open && <ConflictList />}
      </Dialog>
    </>
  );
}
