// What the report knows of each measure at the day it reports on (its light, done, overdue, its notes in the
// dispatch week…), and the selections every figure counts: a figure is the number of measures a selection
// picks, so the ledger, shown the same selection, lists exactly the rows behind the number.
import type { LedgerRecords } from '../csv/lookups.ts';
import type { Measure } from '../model/measure.ts';
import { isDone, type Status } from '../model/status.ts';
import { type AuditRow, dayOf, measureBy, rewoundLedger } from './as-of.ts';
import { completionTrend, trendTally, type TrendPoint } from './trend.ts';
import { awaitingVerification, defaultLightSettings, lightReader, type LightSettings, openNoticeLevels, pendingExtensionCount, type WarningLight } from './rules.ts';
import { addDays, type Week, weekOf } from './weeks.ts';

export type MeasureFact = {
  id: string;
  problemId: string;
  areaId: string | null;
  lead: string | null;
  cooperating: readonly string[];
  status: Status;
  light: WarningLight;
  done: boolean;
  /** Still to be worked on: not done (长期坚持 included, it reports too). */
  active: boolean;
  overdue: boolean;
  dueSoon: boolean;
  awaiting: boolean;
  extensionsPending: number;
  notices: readonly string[];
  /** The newest note's date (struck notes aside), or null. */
  lastNote: string | null;
  /** A note dated within the dispatch week. */
  reportedThisWeek: boolean;
};

/** Which measures a figure counts. Every field narrows; an empty selection is every measure in scope. */
export type Selection = {
  status?: Status;
  light?: WarningLight;
  done?: boolean;
  active?: boolean;
  overdue?: boolean;
  dueSoon?: boolean;
  awaiting?: boolean;
  extensionPending?: boolean;
  notOngoing?: boolean;
  /** With `role`: only as lead or only as cooperating unit; without: either. */
  departmentId?: string;
  role?: 'lead' | 'cooperate';
  areaId?: string | null;
  problemId?: string;
  /** Active measures of units that filed no note in the dispatch week. */
  unreportedUnit?: boolean;
};

/** The day and the scope a report is computed for: the dashboard's filters. */
export type ReportQuery = {
  asOf: string;
  areaId?: string | null;
  departmentId?: string | null;
  settings?: LightSettings;
  /** The audit trail, where at hand: figures for a past day then rewind every change made after it. */
  audit?: readonly AuditRow[];
};

export type Facts = { asOf: string; week: Week; ledger: LedgerRecords; facts: MeasureFact[]; unreported: ReadonlySet<string>; trend: TrendPoint[] };

const involves = (f: Pick<MeasureFact, 'lead' | 'cooperating'>, id: string) => f.lead === id || f.cooperating.includes(id);

export function factOf(m: Measure, areaId: string | null, asOf: string, week: Week, light: (m: Measure) => WarningLight, soon: string): MeasureFact {
  const done = isDone(m.status);
  const open = !done && m.status !== 'ongoing';
  let lastNote: string | null = null;
  let reportedThisWeek = false;
  for (const e of m.progressLog) {
    if (e.struckAt !== undefined) continue;
    if (lastNote === null || e.date > lastNote) lastNote = e.date;
    if (e.date >= week.start && e.date <= week.end) reportedThisWeek = true;
  }
  return {
    id: m.id,
    problemId: m.problemId,
    areaId,
    lead: m.leadDepartmentId,
    cooperating: m.cooperatingDepartmentIds,
    status: m.status,
    light: light(m),
    done,
    active: !done,
    // ISO dates compare as strings: no date arithmetic per measure (100,000 of them).
    overdue: open && m.deadline !== null && m.deadline < asOf,
    dueSoon: open && m.deadline !== null && m.deadline >= asOf && m.deadline <= soon,
    awaiting: awaitingVerification(m),
    extensionsPending: pendingExtensionCount(m),
    notices: openNoticeLevels(m),
    lastNote,
    reportedThisWeek,
  };
}

/**
 * Each measure's facts at the end of `query.asOf`, within the query's area and department: the one pass over the
 * records every figure reads (the trend's weekly points are counted in it too, unless the audit trail is at hand).
 */
export function computeFacts(records: LedgerRecords, query: ReportQuery): Facts {
  const settings = query.settings ?? defaultLightSettings;
  const day = dayOf(query.asOf);
  const ledger = rewoundLedger(records, day, query.audit);
  const exact = query.audit !== undefined;
  const week = weekOf(query.asOf);
  const areaOf = new Map(ledger.problems.map((p) => [p.id, p.areaId]));
  const facts: MeasureFact[] = [];
  const soon = addDays(query.asOf, settings.yellowDays);
  const trend = exact ? null : trendTally(query.asOf);
  const light = lightReader(query.asOf, settings);
  for (const record of ledger.measures) {
    // A measure whose problem is gone (deleted) is not part of the ledger any more.
    if (!areaOf.has(record.problemId)) continue;
    const areaId = areaOf.get(record.problemId) ?? null;
    if (query.areaId !== undefined && query.areaId !== null && areaId !== query.areaId) continue;
    if (query.departmentId && !involves({ lead: record.leadDepartmentId, cooperating: record.cooperatingDepartmentIds }, query.departmentId)) continue;
    facts.push(factOf(measureBy(record, day, exact), areaId, query.asOf, week, light, soon));
    trend?.add(record);
  }
  return { asOf: query.asOf, week, ledger, facts, unreported: unreportedUnits(facts), trend: trend ? trend.points() : completionTrend(records, query) };
}

/**
 * 未报送: lead units with measures still to be worked on that filed no note in the dispatch week on any measure
 * they lead (the weekly sheet's 已报送 reads the same way).
 */
export function unreportedUnits(facts: readonly MeasureFact[]): Set<string> {
  const active = new Set<string>();
  const reported = new Set<string>();
  for (const f of facts) {
    if (f.lead === null) continue;
    if (f.active) active.add(f.lead);
    if (f.reportedThisWeek) reported.add(f.lead);
  }
  return new Set([...active].filter((id) => !reported.has(id)));
}

export function matches(f: MeasureFact, s: Selection, unreported: ReadonlySet<string>): boolean {
  if (s.status !== undefined && f.status !== s.status) return false;
  if (s.light !== undefined && f.light !== s.light) return false;
  if (s.done !== undefined && f.done !== s.done) return false;
  if (s.active !== undefined && f.active !== s.active) return false;
  if (s.overdue !== undefined && f.overdue !== s.overdue) return false;
  if (s.dueSoon !== undefined && f.dueSoon !== s.dueSoon) return false;
  if (s.awaiting !== undefined && f.awaiting !== s.awaiting) return false;
  if (s.extensionPending !== undefined && f.extensionsPending > 0 !== s.extensionPending) return false;
  if (s.notOngoing && f.status === 'ongoing') return false;
  if (s.areaId !== undefined && f.areaId !== s.areaId) return false;
  if (s.problemId !== undefined && f.problemId !== s.problemId) return false;
  if (s.departmentId !== undefined) {
    if (s.role === 'lead' ? f.lead !== s.departmentId : s.role === 'cooperate' ? !f.cooperating.includes(s.departmentId) : !involves(f, s.departmentId)) return false;
  }
  if (s.unreportedUnit && !(f.active && f.lead !== null && unreported.has(f.lead))) return false;
  return true;
}

/** The ids of the measures a figure counts: what the ledger shows when the figure is clicked. */
export function selectIds(records: LedgerRecords, query: ReportQuery, selection: Selection): string[] {
  const { facts, unreported } = computeFacts(records, query);
  return facts.filter((f) => matches(f, selection, unreported)).map((f) => f.id);
}
