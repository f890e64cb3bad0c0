// 修改记录: a record's audit trail as a timeline, newest first: one entry per change (who, when, which fields from
// what to what), a creation as one entry with its initial values; its CSV is made here from the same entries.
import { useEffect, useMemo, useState } from 'react';
import { writeTable } from '#shared/csv/table.ts';
import type { EntityName } from '#shared/model/entities.ts';
import { historyTable, historyTimeline, type TimelineGroup } from '#shared/report/history-timeline.ts';
import type { AuditEntry } from '#shared/sync/protocol.ts';
import { useDevice } from '#client/context/device-context.tsx';
import { useStorage, useT } from '#client/context/ledger-context.tsx';
import { downloadText } from '#client/lib/download.ts';
import { createCodecContext } from '#client/storage/codec-context.ts';
import { recordTitle } from '#client/storage/format-value.ts';
import { Dialog } from '#client/ui/dialog.tsx';
import './history.css';

export type HistoryTarget = { entity: EntityName; id: string };

export function HistoryDialog({ target, onClose }: { target: HistoryTarget | null; onClose: () => void }) {
  const { sync } = useDevice();
  const { cache } = useStorage();
  const t = useT();
  const [entries, setEntries] = useState<AuditEntry[] | 'offline' | null>(null);
  useEffect(() => {
    setEntries(null);
    if (target) sync.history(target.entity, target.id).then(setEntries, () => setEntries('offline'));
  }, [sync, target]);
  const groups = useMemo(
    () => (target && Array.isArray(entries) ? historyTimeline(entries, target.entity, createCodecContext(cache, t)) : null),
    [entries, target, cache, t],
  );
  if (!target) return null;
  const name = recordTitle(cache, target.entity, target.id);
  const exportCsv = () => {
    if (!groups) return;
    const table = historyTable(groups, t);
    downloadText(t('history.file', { name: name.slice(0, 40) }), writeTable(table.header, table.rows), 'text/csv;charset=utf-8');
  };

  return (
    <Dialog
      open
      wide
      title={t('history.title', { name })}
      onClose={onClose}
      actions={
        <>
          <button type="button" className="button" onClick={exportCsv} disabled={!groups || groups.length === 0}>
            {t('history.export')}
          </button>
          <button type="button" className="button" onClick={onClose}>
            {t('action.close')}
          </button>
        </>
      }
    >
      {entries === null && <p>{t('common.loading')}</p>}
      {entries === 'offline' && <p>{t('history.offline')}</p>}
      {groups?.length === 0 && <p>{t('history.none')}</p>}
      {groups && groups.length > 0 && (
        <ol className="history-timeline" data-testid="history">
          {groups.map((g) => (
            <HistoryGroup key={g.key} group={g} />
          ))}
        </ol>
      )}
    </Dialog>
  );
}

function HistoryGroup({ group: g }: { group: TimelineGroup }) {
  const t = useT();
  const none = t('common.none');
  return (
    <li className={`history-group history-group--${g.op}`} data-testid="history-group">
      <p className="history-group__head">
        <time className="history-group__time" dateTime={g.at}>
          {g.time}
        </time>
        <span className="history-group__user">{g.user}</span>
        <span className="history-group__op">{t(`history.op.${g.op}`)}</span>
        {g.changes.length > 0 && <span className="history-group__count">{g.op === 'create' ? t('history.initial') : t('history.fields', { count: g.changes.length })}</span>}
        {g.carriedBy && <span className="history-group__carried">{t('history.carried', { by: g.carriedBy })}</span>}
      </p>
      {g.note && <p className="history-group__note">{g.note}</p>}
      {g.changes.length > 0 && (
        <table className="history-changes">
          <tbody>
            {g.changes.map((c) => (
              <tr key={c.field}>
                <th scope="row" className="history-changes__field">
                  {c.label}
                </th>
                {g.op === 'create' ? (
                  <td className="history-changes__new" colSpan={3}>
                    {c.to}
                  </td>
                ) : (
                  <>
                    <td className="history-changes__old">{c.from || none}</td>
                    <td className="history-changes__arrow" aria-hidden="true">
                      →
                    </td>
                    <td className="history-changes__new">{c.to || none}</td>
                  </>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </li>
  );
}
