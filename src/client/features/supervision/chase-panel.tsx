// 督办: the red and yellow measures to chase, ticked and sent a notice each (level, what is asked, reply date) to
// their lead unit; the notices sent, with their state, printable as 督办单 (一事一单) and exported as a list.
import { useMemo, useState } from 'react';
import { type NoticeRow, noticeTable } from '#shared/csv/notice-table.ts';
import { describeLight } from '#shared/i18n/describe-light.ts';
import type { Department } from '#shared/model/department.ts';
import type { Measure } from '#shared/model/measure.ts';
import { issueNotice } from '#shared/model/supervision-steps.ts';
import { type NoticeLevel, noticeLevels } from '#shared/model/supervision.ts';
import { explainLight, isAlarm, type LightSettings } from '#shared/model/warning.ts';
import { useT } from '#client/context/ledger-context.tsx';
import { downloadBlob } from '#client/lib/download.ts';
import { fileName, tableBlob } from '#client/lib/spreadsheet-file.ts';
import { useStep } from './use-step.ts';

type Props = { measures: readonly Measure[]; departments: ReadonlyMap<string, Department>; rows: readonly NoticeRow[]; today: string; light: LightSettings; onPrint: () => void; canIssue: boolean };

export function ChasePanel({ measures, departments, rows, today, light, onPrint, canIssue }: Props) {
  const t = useT();
  const step = useStep();
  const candidates = useMemo(() => measures.filter((m) => isAlarm(explainLight(m, today, light).light)), [measures, today, light]);
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const [level, setLevel] = useState<NoticeLevel>('supervise');
  const [asked, setAsked] = useState('');
  const [replyBy, setReplyBy] = useState('');
  const toggle = (id: string) => setPicked((p) => (p.has(id) ? new Set([...p].filter((x) => x !== id)) : new Set([...p, id])));
  const send = async () => {
    const chosen = candidates.filter((m) => picked.has(m.id));
    if (await step(chosen, (m, who) => issueNotice(m, { level, asked, replyBy }, who), 'notice.issued')) {
      setPicked(new Set());
      setAsked('');
    }
  };
  const exportList = async (format: 'csv' | 'xlsx') => {
    const name = fileName(t('supervision.export'), format);
    downloadBlob(name, await tableBlob(noticeTable(rows, t), format));
  };
  return (
    <>
      {canIssue && (
      <section className="supervision__section" aria-labelledby="chase-title">
        <h3 id="chase-title">{t('supervision.chase', { count: candidates.length })}</h3>
        <p className="form-hint">{t('supervision.chaseHint')}</p>
        <label className="form-row">
          <input type="checkbox" checked={candidates.length > 0 && picked.size === candidates.length} onChange={(e) => setPicked(new Set(e.target.checked ? candidates.map((m) => m.id) : []))} />
          {t('supervision.selectAll')}
        </label>
        <ul className="plain-list chase-list">
          {candidates.map((m) => {
            const explained = explainLight(m, today, light);
            return (
              <li key={m.id}>
                <label className="form-row">
                  <input type="checkbox" checked={picked.has(m.id)} onChange={() => toggle(m.id)} aria-label={m.title} />
                  <span className={`light-badge light-badge--${explained.light}`}>
                    <span className={`light light--${explained.light}`} /> {describeLight(t, explained, light.scheme).text}
                  </span>
                  <span>{m.title}</span>
                  <small>{m.leadDepartmentId ? departments.get(m.leadDepartmentId)?.name : t('supervision.unitNone')}</small>
                </label>
              </li>
            );
          })}
        </ul>
        <div className="form-row">
          <select className="input" aria-label={t('notice.level')} value={level} onChange={(e) => setLevel(e.target.value as NoticeLevel)}>
            {noticeLevels.map((l) => (
              <option key={l} value={l}>
                {t(`notice.level.${l}`)}
              </option>
            ))}
          </select>
          <input className="input" aria-label={t('notice.askedLabel')} placeholder={t('notice.askedLabel')} value={asked} onChange={(e) => setAsked(e.target.value)} />
          <label className="form-row">
            {t('notice.replyBy')}
            <input type="date" className="input" value={replyBy} onChange={(e) => setReplyBy(e.target.value)} />
          </label>
          <button type="button" className="button button--primary" disabled={picked.size === 0} onClick={() => void send()}>
            {t('notice.issue')}
          </button>
        </div>
      </section>
      )}
      <section className="supervision__section" aria-labelledby="notices-title">
        <h3 id="notices-title">{t('supervision.noticeList', { count: rows.length })}</h3>
        <div className="form-row">
          <button type="button" className="button" disabled={rows.length === 0} onClick={onPrint}>
            {t('supervision.print')}
          </button>
          <button type="button" className="button" disabled={rows.length === 0} onClick={() => void exportList('xlsx')}>
            {t('supervision.export')}
          </button>
        </div>
        <table className="notice-table">
          <thead>
            <tr>
              {noticeTable([], t).header.map((h) => (
                <th key={h}>{h}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.notice.id} className={`notice-row notice-row--${r.state}`} data-testid="notice-row">
                {noticeTable([r], t).rows[0]!.map((cell, i) => (
                  <td key={i}>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        {rows.length === 0 && <p className="form-hint">{t('notice.none')}</p>}
      </section>
    </>
  );
}
