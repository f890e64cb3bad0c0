// 修改记录: a record's audit trail, newest first: who changed which field from what to what, and when.
import { useEffect, useState } from 'react';
import { fieldLabel } from '#shared/i18n/describe-error.ts';
import type { EntityName } from '#shared/model/entities.ts';
import type { AuditEntry } from '#shared/sync/protocol.ts';
import { useDevice } from '#client/context/device-context.tsx';
import { useSettings, useStorage, useT } from '#client/context/ledger-context.tsx';
import { formatValue, recordTitle } from '#client/storage/format-value.ts';
import { Dialog } from '#client/ui/dialog.tsx';

export type HistoryTarget = { entity: EntityName; id: string };

export function HistoryDialog({ target, onClose }: { target: HistoryTarget | null; onClose: () => void }) {
  const { sync } = useDevice();
  const { cache } = useStorage();
  const { locale } = useSettings();
  const t = useT();
  const [entries, setEntries] = useState<AuditEntry[] | 'offline' | null>(null);
  useEffect(() => {
    setEntries(null);
    if (target) sync.history(target.entity, target.id).then(setEntries, () => setEntries('offline'));
  }, [sync, target]);
  if (!target) return null;
  const show = (field: string, value: unknown) => (field === '*' ? '' : formatValue(cache, t, target.entity, field, value));

  return (
    <Dialog
      open
      title={t('history.title', { name: recordTitle(cache, target.entity, target.id) })}
      onClose={onClose}
      actions={
        <>
          <a className="button" href={`/api/audit.csv?entity=${target.entity}&id=${target.id}`} download>
            {t('history.export')}
          </a>
          <button type="button" className="button" onClick={onClose}>
            {t('action.close')}
          </button>
        </>
      }
    >
      {entries === null && <p>{t('common.loading')}</p>}
      {entries === 'offline' && <p>{t('history.offline')}</p>}
      {Array.isArray(entries) && entries.length === 0 && <p>{t('history.none')}</p>}
      {Array.isArray(entries) && (
        <table className="history" data-testid="history">
          <tbody>
            {entries.map((e, i) => (
              <tr key={`${e.seq}-${e.field}-${i}`}>
                <td className="history__when">
                  {t('history.entry', { time: new Date(e.at).toLocaleString(locale, { hour12: false }), user: e.user })}
                  {e.carriedBy && ` ${t('history.carried', { by: e.carriedBy })}`}
                </td>
                <td>{t(`history.op.${e.op}`)}</td>
                <td>{e.field === '*' ? '' : fieldLabel(t, target.entity, e.field)}</td>
                <td className="history__old">{show(e.field, e.oldValue)}</td>
                <td>→</td>
                <td className="history__new">{show(e.field, e.newValue)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Dialog>
  );
}
