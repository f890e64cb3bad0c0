// 每周调度: for one dispatch week (Monday–Sunday) and each lead unit, its measures still to be worked on and those
// it touched that week: the notes it filed (text, author, date), the status changes they reported, what fell
// overdue, what is due next week, and whether it reported (已报送 / 未报送). Read from the records alone, so a
// device offline and the command line give the same sheet.
import type { LedgerRecords } from '../csv/lookups.ts';
import type { ProgressEntry } from '../model/measure-history.ts';
import { isDone, type Status } from '../model/status.ts';
import { ledgerAsOf } from './as-of.ts';
import { defaultLightSettings, lightOf, type LightSettings, type WarningLight } from './rules.ts';
import { addDays, type Week } from './weeks.ts';

export type StatusChange = { date: string; from: Status; to: Status };
export type WeeklyMeasure = {
  measureId: string;
  problemNumber: number;
  problemTitle: string;
  label: string;
  title: string;
  deadline: string | null;
  status: Status;
  light: WarningLight;
  notes: Pick<ProgressEntry, 'date' | 'text' | 'by'>[];
  statusChanges: StatusChange[];
  fellOverdue: boolean;
  dueNextWeek: boolean;
};
export type WeeklyUnit = { departmentId: string; name: string; reported: boolean; measures: WeeklyMeasure[] };
export type WeeklyReport = {
  week: Week;
  /** The day the sheet stands at: the week's Sunday, or today within the current week. */
  asOf: string;
  units: WeeklyUnit[];
  totals: { units: number; reported: number; unreported: number; measures: number; notes: number };
};

const within = (date: string | null, from: string, to: string) => date !== null && date >= from && date <= to;

/** Status changes the week's notes reported: a note whose status differs from the note before it. */
function changesIn(log: readonly ProgressEntry[], week: Week): StatusChange[] {
  const notes = log.filter((e) => e.struckAt === undefined && e.status !== null).sort((a, b) => a.date.localeCompare(b.date) || a.at.localeCompare(b.at));
  const out: StatusChange[] = [];
  notes.forEach((e, i) => {
    const before = notes[i - 1];
    if (before?.status && e.status && before.status !== e.status && within(e.date, week.start, week.end)) out.push({ date: e.date, from: before.status, to: e.status });
  });
  return out;
}

export function computeWeekly(records: LedgerRecords, week: Week, options: { today: string; settings?: LightSettings }): WeeklyReport {
  const asOf = options.today < week.end ? options.today : week.end;
  const settings = options.settings ?? defaultLightSettings;
  const ledger = ledgerAsOf(records, asOf);
  const problems = new Map(ledger.problems.map((p) => [p.id, p]));
  const next = { start: addDays(week.start, 7), end: addDays(week.end, 7) };
  const byUnit = new Map<string, WeeklyMeasure[]>();
  for (const m of ledger.measures) {
    const problem = problems.get(m.problemId);
    if (!problem || m.leadDepartmentId === null) continue;
    const notes = m.progressLog
      .filter((e) => e.struckAt === undefined && within(e.date, week.start, week.end))
      .sort((a, b) => a.date.localeCompare(b.date) || a.at.localeCompare(b.at))
      .map(({ date, text, by }) => ({ date, text, by }));
    const statusChanges = changesIn(m.progressLog, week);
    const open = !isDone(m.status) && m.status !== 'ongoing';
    // Overdue from the day after the deadline: that day fell within the week, by the sheet's day.
    const firstLate = m.deadline === null ? null : addDays(m.deadline, 1);
    const item: WeeklyMeasure = {
      measureId: m.id,
      problemNumber: problem.number,
      problemTitle: problem.title,
      label: m.label,
      title: m.title,
      deadline: m.deadline,
      status: m.status,
      light: lightOf(m, asOf, settings),
      notes,
      statusChanges,
      fellOverdue: open && within(firstLate, week.start, asOf),
      dueNextWeek: open && within(m.deadline, next.start, next.end),
    };
    if (isDone(m.status) && notes.length === 0 && statusChanges.length === 0) continue;
    const list = byUnit.get(m.leadDepartmentId) ?? [];
    list.push(item);
    byUnit.set(m.leadDepartmentId, list);
  }
  const units = ledger.departments
    .filter((d) => byUnit.has(d.id))
    .map((d): WeeklyUnit => {
      const measures = (byUnit.get(d.id) ?? []).sort((a, b) => a.problemNumber - b.problemNumber || a.title.localeCompare(b.title, 'zh-CN'));
      return { departmentId: d.id, name: d.name, reported: measures.some((m) => m.notes.length > 0), measures };
    })
    // Those that did not report first: the sheet is for chasing them.
    .sort((a, b) => Number(a.reported) - Number(b.reported) || a.name.localeCompare(b.name, 'zh-CN'));
  const reported = units.filter((u) => u.reported).length;
  return {
    week,
    asOf,
    units,
    totals: {
      units: units.length,
      reported,
      unreported: units.length - reported,
      measures: units.reduce((n, u) => n + u.measures.length, 0),
      notes: units.reduce((n, u) => n + u.measures.reduce((k, m) => k + m.notes.length, 0), 0),
    },
  };
}
