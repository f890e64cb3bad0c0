// Changes the server refused: kept on the device with the reason until the user removes them.
import { useEffect, useState } from 'react';
import { fieldLabel } from '#shared/i18n/describe-error.ts';
import { useDevice } from '#client/context/device-context.tsx';
import { useStorage, useT } from '#client/context/ledger-context.tsx';
import type { OutboxRow } from '#client/storage/db.ts';
import { formatValue, recordTitle } from '#client/storage/format-value.ts';
import { describeRefusal } from './describe-refusal.ts';

export function RejectedList() {
  const { sync } = useDevice();
  const { cache } = useStorage();
  const t = useT();
  const [rows, setRows] = useState<OutboxRow[]>([]);
  useEffect(() => {
    void sync.listRejected().then(setRows);
  }, [sync]);

  return (
    <section className="menu-section" data-testid="rejected-list">
      <h3>{t('sync.rejectedTitle', { count: rows.length })}</h3>
      <p className="note">{t('sync.rejectedHelp')}</p>
      <ul className="change-list">
        {rows.map((row) => {
          const m = row.mutation;
          const name = recordTitle(cache, m.entity, m.id);
          const text = describeRefusal(t, m, row.reason ?? { code: 'invalid' }, t('error.rowOf', { entity: t(`entity.${m.entity}`), name }));
          return (
            <li key={row.seq} className="change-list__item">
              <div>
                <strong>{t(`sync.op.${m.op}`)}</strong> {t(`entity.${m.entity}`)}“{name}”
                {Object.entries(m.fields)
                  .slice(0, 6)
                  .map(([field, value]) => (
                    <div key={field} className="note">
                      {fieldLabel(t, m.entity, field)}：{formatValue(cache, t, m.entity, field, value)}
                    </div>
                  ))}
                <div className="warning">{text}</div>
              </div>
              <button type="button" className="button" onClick={() => void sync.discardRejected(row.seq ?? -1).then(() => setRows((list) => list.filter((r) => r.seq !== row.seq)))}>
                {t('sync.discard')}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
