// The dashboard as a sheet (the command line's .xlsx, and the tables beside the charts read the same figures):
// the totals, then one row per unit with its lead and cooperating figures.
import type { Translate } from '../i18n/translate.ts';
import type { Dashboard } from './dashboard.ts';
import { numberCell, type ReportSheet, type SheetCell, text } from './sheet.ts';
import { warningLights } from './rules.ts';

export const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);

export function dashboardSheet(d: Dashboard, t: Translate): ReportSheet {
  const line = (label: string, value: number, shown?: string): SheetCell[] => [text(''), text(label), numberCell(value, shown)];
  const totals: SheetCell[][] = [
    line(t('dashboard.problems'), d.problems),
    line(t('dashboard.measures'), d.measures.count),
    ...Object.entries(d.byStatus).map(([status, f]) => line(t(`status.${status as keyof Dashboard['byStatus']}`), f.count)),
    ...warningLights.map((l) => line(t(`light.${l}`), d.byLight[l].count)),
    line(t('dashboard.completion'), d.completion.done.count, percent(d.completion.rate)),
    line(t('dashboard.completionNoOngoing'), d.completionExcludingOngoing.done.count, percent(d.completionExcludingOngoing.rate)),
    line(t('dashboard.overdue'), d.overdue.count),
    line(t('dashboard.dueSoon'), d.dueSoon.count),
    line(t('dashboard.awaiting'), d.awaiting.count),
    line(t('dashboard.extensions'), d.extensionsPending.requests),
    line(t('dashboard.unreported'), d.unreported.length),
  ];
  const pad = (row: SheetCell[]) => [...row, ...Array.from({ length: 10 - row.length }, () => text(''))];
  const units = d.departments.map((u, i): SheetCell[] => [
    numberCell(i + 1),
    text(u.name),
    numberCell(u.lead.measures.count),
    numberCell(u.lead.done.count),
    numberCell(u.lead.overdue.count),
    text(percent(u.lead.rate)),
    numberCell(u.cooperate.measures.count),
    numberCell(u.cooperate.done.count),
    u.daysSinceNote === null ? text('—') : numberCell(u.daysSinceNote),
    text(t(u.reported ? 'weekly.reported' : 'weekly.unreported')),
  ]);
  return {
    name: d.asOf,
    title: t('dashboard.sheetTitle', { asOf: d.asOf }),
    subtitle: t('dashboard.sheetSubtitle', { week: d.week.label }),
    header: [
      t('dashboard.col.rank'),
      t('dashboard.col.unit'),
      t('dashboard.col.lead'),
      t('dashboard.col.leadDone'),
      t('dashboard.col.leadOverdue'),
      t('dashboard.col.rate'),
      t('dashboard.col.cooperate'),
      t('dashboard.col.cooperateDone'),
      t('dashboard.col.daysSinceNote'),
      t('dashboard.col.reported'),
    ],
    widths: [10, 24, 10, 10, 10, 10, 10, 10, 12, 10],
    rows: [...totals.map(pad), pad([]), ...units],
  };
}
