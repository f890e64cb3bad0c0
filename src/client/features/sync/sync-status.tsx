// The header's sync corner, telling the truth: 离线 · 待同步 N when the server cannot be reached (nothing failed:
// the changes wait on the device), 同步失败 only when the server refused or broke, with its reason in words; the
// conflicts mark only for those who can resolve them. Its dialog lists refused changes and conflicts, exports what
// is not yet on the server, and lets a coordinator import another device's export.
import { useState } from 'react';
import { canCarryChanges, canResolveConflicts } from '#shared/auth/permissions.ts';
import { useDevice, useObservable } from '#client/context/device-context.tsx';
import { useSettings, useT } from '#client/context/ledger-context.tsx';
import { downloadText } from '#client/lib/download.ts';
import { formatNumber } from '#client/lib/format.ts';
import { describeFailure } from '#client/sync/describe-server-error.ts';
import type { SyncState } from '#client/sync/sync-engine.ts';
import type { Translate } from '#shared/i18n/translate.ts';
import { Dialog } from '#client/ui/dialog.tsx';
import { CarryImport } from './carry-import.tsx';
import { ConflictList } from './conflict-list.tsx';
import { RejectedList } from './rejected-list.tsx';
import { formatLocalDateTime } from '#shared/model/local-time.ts';

/** The header's word for the sync state. */
export function syncLabel(t: Translate, state: SyncState, locale = 'zh-CN'): string {
  // 待同步 10,000 after a bulk edit: counts grouped as the language writes them.
  const waiting = formatNumber(locale, state.pending + state.unsentFiles);
  const anyWaiting = state.pending + state.unsentFiles > 0;
  if (state.syncing) return t('sync.syncing');
  if (state.error?.kind === 'network') return anyWaiting ? t('sync.offlinePending', { count: waiting }) : t('sync.offline');
  if (state.error?.kind === 'unavailable') return anyWaiting ? t('sync.unavailablePending', { count: waiting }) : t('sync.unavailable');
  if (state.error) return t('sync.failed');
  if (anyWaiting) return t('sync.pending', { count: waiting });
  return state.lastSyncAt ? t('sync.synced') : t('sync.never');
}

export function SyncStatus() {
  const { sync } = useDevice();
  const state = useObservable(sync.state);
  const { account, locale } = useSettings();
  const t = useT();
  const [open, setOpen] = useState(false);
  const resolver = account !== null && canResolveConflicts(account);
  const conflicts = resolver && (state.openConflicts ?? 0) > 0;
  const attention = state.error?.kind === 'server' || state.rejected > 0 || conflicts;
  // Never "all uploaded" above a list of refused changes.
  const summary =
    state.rejected > 0
      ? t('sync.rejectedSummary', { count: formatNumber(locale, state.rejected) })
      : state.pending > 0
        ? t('sync.pendingDetail', { count: formatNumber(locale, state.pending) })
        : state.unsentFiles === 0
          ? t('sync.allUploaded')
          : '';

  return (
    <>
      <button type="button" className={attention ? 'button button--danger' : 'button'} data-testid="sync-status" onClick={() => setOpen(true)}>
        {syncLabel(t, state, locale)}
        {conflicts && <span className="sync-badge">{t('sync.conflictsBadge', { count: state.openConflicts ?? 0 })}</span>}
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
        <p data-testid="sync-pending">{summary}</p>
        {state.unsentFiles > 0 && <p>{t('sync.filesPending', { count: formatNumber(locale, state.unsentFiles) })}</p>}
        <p className="note">{state.lastSyncAt ? t('sync.last', { time: formatLocalDateTime(state.lastSyncAt) }) : t('sync.never')}</p>
        {state.error && (
          <p className={state.error.kind === 'server' ? 'warning' : 'note'} role="alert">
            {state.error.kind === 'network' ? t('sync.errorOffline') : state.error.kind === 'unavailable' ? t('sync.errorUnavailable') : state.error.code === 'foreignClient' ? t('sync.errorForeignClient') : t('sync.errorServer', { reason: describeFailure(t, state.error) })}
          </p>
        )}
        {open && state.rejected > 0 && <RejectedList />}
        {open && <ConflictList resolver={resolver} />}
        {open && canCarryChanges(account) && <CarryImport />}
      </Dialog>
    </>
  );
}
