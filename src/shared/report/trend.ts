// Completion over time: the share of measures done at the end of each of the last weeks, as the ledger stood
// then (as-of.ts). On a device it reads each measure's own history; with the audit trail, the rewound ledger.
import type { LedgerRecords } from '../csv/lookups.ts';
import { isDone } from '../model/status.ts';
import { endOfDay, ledgerAsOf, statusBy } from './as-of.ts';
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

export function completionTrend(records: LedgerRecords, query: ReportQuery): TrendPoint[] {
  const dates = trendDates(query.asOf);
  const inScope = scopeFilter(records, query);
  if (query.audit) {
    return dates.map(({ week, date }) => {
      const measures = ledgerAsOf(records, date, query.audit).measures.filter(inScope);
      const done = measures.filter((m) => isDone(m.status)).length;
      return { week, date, done, total: measures.length, rate: measures.length === 0 ? null : done / measures.length };
    });
  }
  const ends = dates.map(({ date }) => endOfDay(date));
  const done = ends.map(() => 0);
  const total = ends.map(() => 0);
  for (const m of records.measures) {
    if (!inScope(m)) continue;
    const updated = Date.parse(m.updatedAt);
    ends.forEach((end, i) => {
      total[i]!++;
      if (isDone(statusBy(m, end, updated))) done[i]!++;
    });
  }
  return dates.map(({ week, date }, i) => ({ week, date, done: done[i]!, total: total[i]!, rate: total[i] === 0 ? null : done[i]! / total[i]! }));
}

/** Measures within the query's area and department (by their current problem and roles). */
function scopeFilter(records: LedgerRecords, query: ReportQuery): (m: LedgerRecords['measures'][number]) => boolean {
  const areaOf = new Map(records.problems.map((p) => [p.id, p.areaId]));
  return (m) =>
    areaOf.has(m.problemId) &&
    (!query.areaId || areaOf.get(m.problemId) === query.areaId) &&
    (!query.departmentId || m.leadDepartmentId === query.departmentId || m.cooperatingDepartmentIds.includes(query.departmentId));
}
