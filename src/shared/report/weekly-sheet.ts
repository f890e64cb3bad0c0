// 本周调度表: the weekly dispatch as a sheet, one row per measure, grouped by unit (those that did not report
// first), for print, .xlsx, .csv and the command line alike.
import type { Translate } from '../i18n/translate.ts';
import { dateCell, numberCell, type ReportSheet, type SheetCell, text } from './sheet.ts';
import type { WeeklyReport } from './weekly.ts';

export function weeklySheet(report: WeeklyReport, t: Translate): ReportSheet {
  const { week, asOf, totals } = report;
  const rows: SheetCell[][] = [];
  for (const unit of report.units) {
    for (const m of unit.measures) {
      rows.push([
        numberCell(rows.length + 1),
        text(unit.name),
        text(t(unit.reported ? 'weekly.reported' : 'weekly.unreported')),
        numberCell(m.problemNumber),
        text(`${m.label}${m.title}`),
        dateCell(m.deadline),
        text(t(`status.${m.status}`)),
        { text: t(`light.${m.light}`), light: m.light },
        text(m.notes.map((n) => t('weekly.noteLine', { date: n.date, by: n.by, text: n.text })).join('\n')),
        text(m.statusChanges.map((c) => t('weekly.changeLine', { date: c.date, from: t(`status.${c.from}`), to: t(`status.${c.to}`) })).join('\n')),
        text(m.fellOverdue ? t('weekly.yes') : ''),
        text(m.dueNextWeek ? t('weekly.yes') : ''),
      ]);
    }
  }
  return {
    name: week.label,
    title: t('weekly.sheetTitle', { week: week.label, start: week.start, end: week.end }),
    subtitle: t('weekly.sheetSubtitle', { asOf, units: totals.units, reported: totals.reported, unreported: totals.unreported, measures: totals.measures, notes: totals.notes }),
    header: [
      t('weekly.col.seq'),
      t('weekly.col.unit'),
      t('weekly.col.reported'),
      t('weekly.col.problem'),
      t('weekly.col.measure'),
      t('weekly.col.deadline'),
      t('weekly.col.status'),
      t('weekly.col.light'),
      t('weekly.col.notes'),
      t('weekly.col.changes'),
      t('weekly.col.fellOverdue'),
      t('weekly.col.dueNext'),
    ],
    widths: [6, 18, 9, 8, 44, 12, 9, 8, 60, 22, 9, 9],
    rows,
  };
}
