// 每周调度: a dispatch week (this one by default, any past one), and per unit its measures, the notes it filed,
// status changes, what fell overdue and what is due next week, 已报送 / 未报送; printable (A4 landscape, title,
// page numbers, header rows repeated, no app chrome) and as .xlsx or .csv, the same cells everywhere.
import { useDeferredValue, useMemo, useState } from 'react';
import '../dashboard/dashboard.css';
import './weekly.css';
import { todayIso } from '#shared/model/dates.ts';
import { addDays, computeWeekly, parseWeek, weekOf, weeklySheet } from '#shared/report/index.ts';
import { useLightSettings, useRecords, useT } from '#client/context/ledger-context.tsx';
import { downloadBlob } from '#client/lib/download.ts';
import { sheetBlob } from './weekly-file.ts';

export function WeeklyView() {
  const t = useT();
  const lightSettings = useLightSettings();
  const areas = useRecords('area');
  const departments = useRecords('department');
  const problems = useRecords('problem');
  const measures = useRecords('measure');
  const today = todayIso();
  const [label, setLabel] = useState(() => weekOf(today).label);
  const week = parseWeek(label) ?? weekOf(today);
  const records = useDeferredValue(useMemo(() => ({ areas: [...areas], departments: [...departments], problems: [...problems], measures: [...measures] }), [areas, departments, problems, measures]));
  const sheet = useMemo(() => weeklySheet(computeWeekly(records, week, { today, settings: lightSettings }), t), [records, week.label, today, lightSettings, t]); // eslint-disable-line react-hooks/exhaustive-deps -- the week by its label
  const shift = (days: number) => setLabel(weekOf(addDays(week.start, days)).label);
  const save = async (format: 'xlsx' | 'csv') => downloadBlob(`${t('weekly.fileName')}-${week.label}.${format}`, await sheetBlob(sheet, format));

  return (
    <section className="view weekly" aria-label={t('weekly.title')} data-testid="weekly">
      <div className="toolbar weekly__tools">
        <label>
          {t('weekly.week')} <input type="week" value={label} onChange={(e) => e.target.value && setLabel(e.target.value)} />
        </label>
        <button type="button" className="button" onClick={() => shift(-7)}>
          {t('weekly.prev')}
        </button>
        <button type="button" className="button" disabled={week.end >= today} onClick={() => shift(7)}>
          {t('weekly.next')}
        </button>
        <button type="button" className="button" onClick={() => setLabel(weekOf(today).label)}>
          {t('weekly.current')}
        </button>
        <button type="button" className="button button--primary" onClick={() => print()}>
          {t('weekly.print')}
        </button>
        <button type="button" className="button" onClick={() => void save('xlsx')}>
          {t('weekly.xlsx')}
        </button>
        <button type="button" className="button" onClick={() => void save('csv')}>
          {t('weekly.csv')}
        </button>
      </div>
      <div className="print-sheet">
        <h2 className="print-sheet__title">{sheet.title}</h2>
        <p className="print-sheet__subtitle">{sheet.subtitle}</p>
        {sheet.rows.length === 0 ? (
          <p>{t('weekly.empty')}</p>
        ) : (
          <table className="report-table weekly__table" data-testid="weekly-sheet">
            <thead>
              <tr>
                {sheet.header.map((h) => (
                  <th key={h}>{h}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {sheet.rows.map((row, i) => (
                <tr key={i} className={row[2]?.text === t('weekly.unreported') ? 'weekly__row--unreported' : undefined}>
                  {row.map((c, j) => (
                    <td key={j} className={c.light ? `light-cell light-cell--${c.light}` : undefined}>
                      {c.text}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </section>
  );
}
