// 每月通报: one month of the ledger as a bulletin issues it (第 N 期): the overall progress and its change since
// the previous issue, the units ranked, the 红灯 list, what was closed and which extensions were decided in the
// month, the units that missed a weekly dispatch, the 督办 notices still open. Built from the dashboard's and the
// weekly dispatch's own computations, so the bulletin never disagrees with them.
import type { LedgerRecords } from '../csv/lookups.ts';
import { type Bulletin, type BulletinData, nextBulletinNumber } from '../model/bulletin.ts';
import { daysBetween, ledgerDay } from '../model/dates.ts';
import type { Measure } from '../model/measure.ts';
import { openNotices } from '../model/supervision.ts';
import { ledgerAsOf } from './as-of.ts';
import { computeDashboard } from './dashboard.ts';
import { computeFacts } from './facts.ts';
import { defaultLightSettings, type LightSettings } from './rules.ts';
import { computeWeekly } from './weekly.ts';
import { addDays, weekOf } from './weeks.ts';

export type BulletinQuery = {
  /** YYYY-MM. */
  month: string;
  /** The day it stands at: the month's last day unless chosen. */
  asOf?: string;
  number: number;
  /** The ledger's title (台账信息). */
  ledger: string;
  /** The bulletin issued before it, for the change since then. */
  previous?: Pick<BulletinData, 'number' | 'overall'> | null;
  settings?: LightSettings;
};

/** The first and last day of a month (YYYY-MM), or null when it names none. */
export function monthDays(month: string): { start: string; end: string } | null {
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month);
  if (!m) return null;
  const start = `${month}-01`;
  const [y, n] = [Number(m[1]), Number(m[2])];
  const next = n === 12 ? `${y + 1}-01-01` : `${y}-${String(n + 1).padStart(2, '0')}-01`;
  return { start, end: addDays(next, -1) };
}

export { ledgerDay };

/** Every figure of the bulletin for a month. Throws on a month that is not YYYY-MM. */
export function computeBulletin(records: LedgerRecords, query: BulletinQuery): BulletinData {
  const days = monthDays(query.month);
  if (!days) throw new Error(`month: ${query.month}`);
  const asOf = query.asOf ?? days.end;
  const settings = query.settings ?? defaultLightSettings;
  const dashboard = computeDashboard(records, { asOf, settings });
  const facts = computeFacts(records, { asOf, settings });
  const ledger = ledgerAsOf(records, asOf);
  const problems = new Map(ledger.problems.map((p) => [p.id, p]));
  const unitName = new Map(ledger.departments.map((d) => [d.id, d.name]));
  const within = (day: string) => day >= days.start && day <= asOf;
  const itemOf = (m: Measure) => ({ problemNumber: problems.get(m.problemId)?.number ?? 0, measure: `${m.label}${m.title}`, unit: m.leadDepartmentId === null ? '' : (unitName.get(m.leadDepartmentId) ?? '') });
  const byItem = <T extends { problemNumber: number; measure: string }>(a: T, b: T) => a.problemNumber - b.problemNumber || a.measure.localeCompare(b.measure, 'zh-CN');

  const lightOf = new Map(facts.facts.map((f) => [f.id, f]));
  const measures = ledger.measures.filter((m) => lightOf.has(m.id));
  const overall = {
    problems: dashboard.problems,
    measures: dashboard.measures.count,
    done: dashboard.completion.done.count,
    closed: dashboard.byStatus.closed.count,
    overdue: dashboard.overdue.count,
    red: dashboard.byLight.red.count,
    rate: dashboard.completion.rate,
  };
  const prev = query.previous;
  const change = prev
    ? { number: prev.number, done: overall.done - prev.overall.done, closed: overall.closed - prev.overall.closed, overdue: overall.overdue - prev.overall.overdue, rate: overall.rate === null || prev.overall.rate === null ? null : overall.rate - prev.overall.rate }
    : null;
  // Ranked as the dashboard ranks them; units with nothing to lead are left out of the table.
  const units = dashboard.departments
    .filter((d) => d.lead.measures.count > 0)
    .map((d, i) => ({ name: d.name, measures: d.lead.measures.count, done: d.lead.done.count, closed: d.lead.byLight.closed.count, overdue: d.lead.overdue.count, rate: d.lead.rate, rank: i + 1 }));
  const red = measures
    .filter((m) => lightOf.get(m.id)?.light === 'red')
    .map((m) => ({ ...itemOf(m), deadline: m.deadline, daysOverdue: m.deadline === null ? 0 : Math.max(0, daysBetween(m.deadline, asOf)) }))
    .sort((a, b) => b.daysOverdue - a.daysOverdue || byItem(a, b));
  const closed = measures
    .filter((m) => m.status === 'closed' && m.closedAt !== null && within(ledgerDay(m.closedAt)))
    .map((m) => ({ ...itemOf(m), closedOn: ledgerDay(m.closedAt!) }))
    .sort((a, b) => a.closedOn.localeCompare(b.closedOn) || byItem(a, b));
  const extensions = measures
    .flatMap((m) => m.extensions.filter((e) => (e.decision === 'approved' || e.decision === 'refused') && e.decidedAt !== null && within(ledgerDay(e.decidedAt))).map((e) => ({ ...itemOf(m), requestedDeadline: e.requestedDeadline, approved: e.decision === 'approved', decidedOn: ledgerDay(e.decidedAt!) })))
    .sort((a, b) => a.decidedOn.localeCompare(b.decidedOn) || byItem(a, b));
  const notices = measures
    .flatMap((m) => openNotices(m, asOf).map((n) => ({ ...itemOf(m), number: n.notice.number, level: n.level, replyBy: n.notice.replyBy, daysOverdue: n.daysOverdue, status: m.status })))
    .sort((a, b) => b.daysOverdue - a.daysOverdue || byItem(a, b));
  return { ledger: query.ledger, number: query.number, month: query.month, asOf, overall, change, units, red, closed, extensions, unreported: unreportedInMonth(records, days.start, asOf, settings), notices };
}

/** Each unit that did not report in one or more of the month's dispatch weeks (every week that overlaps it, up to `asOf`), with those weeks. */
function unreportedInMonth(records: LedgerRecords, start: string, asOf: string, settings: LightSettings): BulletinData['unreported'] {
  const missed = new Map<string, string[]>();
  for (let week = weekOf(start); week.start <= asOf; week = weekOf(addDays(week.start, 7))) {
    if (week.end < start) continue;
    for (const unit of computeWeekly(records, week, { today: asOf, settings }).units) {
      if (unit.reported) continue;
      missed.set(unit.name, [...(missed.get(unit.name) ?? []), week.label]);
    }
  }
  return [...missed].map(([unit, weeks]) => ({ unit, weeks })).sort((a, b) => b.weeks.length - a.weeks.length || a.unit.localeCompare(b.unit, 'zh-CN'));
}

/**
 * The next bulletin's draft: numbered after the highest issued, its change counted from that one, the ledger named
 * by its information (台账信息). What the browser previews and the command line writes or issues.
 */
export function draftBulletin(records: LedgerRecords, issued: readonly Bulletin[], ledgerTitle: string, month: string, asOf?: string, settings?: LightSettings): BulletinData {
  const previous = issued.reduce<Bulletin | null>((best, b) => (best === null || b.number > best.number ? b : best), null);
  return computeBulletin(records, { month, asOf, number: nextBulletinNumber(issued), ledger: ledgerTitle, previous: previous?.data ?? null, settings });
}
