// Completion over time: the share of measures done at the end of each of the last weeks, as the ledger stood
// then (as-of.ts). On a device it reads each measure's own history, counted in the same pass as every other
// figure (facts.ts); with the audit trail, the rewound ledger of each of those days.
import type { LedgerRecords } from '../csv/lookups.ts';
import type { Measure } from '../model/measure.ts';
import { isDone } from '../model/status.ts';
import { dayOf, ledgerAsOf, seen, statusBy } from './as-of.ts';
import type { ReportQuery } from './facts.ts';
import { addDays, weekOf } from './weeks.ts';

export type TrendPoint = { week: string; date: string; done: number; total: number; rate: number | null };

export const TREND_WEEKS = 12;

/** The days the trend is read at: each past week's Sunday, and the report's own day last. */
export function trendDates(asOf: string, weeks = TREND_WEEKS): { week: string; date: string }[] {
  const out: { week: string; date: string }[] = [];
  for (let i = weeks - 1; i >= 0; i--) {
    const week = weekOf(addDays(asOf, -7 * i));
    out.push({ week: week.label, date: i === 0 ? asOf : week.end });
  }
  return out;
}

const point = (week: string, date: string, done: number, total: number): TrendPoint => ({ week, date, done, total, rate: total === 0 ? null : done / total });

/** Counts measures one by one (each as its own history tells), for the trend's days. */
export function trendTally(asOf: string) {
  const dates = trendDates(asOf);
  const days = dates.map(({ date }) => dayOf(date));
  const first = days[0]!;
  const done = days.map(() => 0);
  let total = 0;
  // Most measures were last changed before the trend's first day, or have no history to go back through (no
  // note, never closed): their status now is their status on every day.
  let doneThroughout = 0;
  return {
    add(m: Measure): void {
      total++;
      if ((m.progressLog.length === 0 && m.status !== 'closed') || seen(m.updatedAt, first)) {
        if (isDone(m.status)) doneThroughout++;
        return;
      }
      for (let i = 0; i < days.length; i++) if (isDone(statusBy(m, days[i]!))) done[i]!++;
    },
    points: (): TrendPoint[] => dates.map(({ week, date }, i) => point(week, date, done[i]! + doneThroughout, total)),
  };
}

/** The trend with the audit trail: the ledger rewound to each day, within the query's area and department. */
export function completionTrend(records: LedgerRecords, query: ReportQuery): TrendPoint[] {
  const inScope = scopeFilter(records, query);
  if (!query.audit) {
    const tally = trendTally(query.asOf);
    for (const m of records.measures) if (inScope(m)) tally.add(m);
    return tally.points();
  }
  return trendDates(query.asOf).map(({ week, date }) => {
    const measures = ledgerAsOf(records, date, query.audit).measures.filter(inScope);
    return point(week, date, measures.filter((m) => isDone(m.status)).length, measures.length);
  });
}

/** Measures within the query's area and department (by their current problem and roles). */
function scopeFilter(records: LedgerRecords, query: ReportQuery): (m: Measure) => boolean {
  const areaOf = new Map(records.problems.map((p) => [p.id, p.areaId]));
  return (m) =>
    areaOf.has(m.problemId) &&
    (!query.areaId || areaOf.get(m.problemId) === query.areaId) &&
    (!query.departmentId || m.leadDepartmentId === query.departmentId || m.cooperatingDepartmentIds.includes(query.departmentId));
}
