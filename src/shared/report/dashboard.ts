// The 总览 dashboard's figures: totals, by status and light, completion rates, overdue and due soon, by
// department (lead and cooperating apart), by area and problem, 未报送 units and completion over time. Each
// count comes with the selection it counts, so a click shows exactly its rows.
import type { LedgerRecords } from '../csv/lookups.ts';
import { daysBetween } from '../model/dates.ts';
import { type Status, statuses } from '../model/status.ts';
import { computeFacts, type Facts, type MeasureFact, type ReportQuery, type Selection } from './facts.ts';
import { warningLights, type WarningLight } from './rules.ts';
import type { TrendPoint } from './trend.ts';
import type { Week } from './weeks.ts';

export type Figure = { count: number; selection: Selection };
export type Rate = { done: Figure; total: Figure; rate: number | null };
export type RoleFigures = { measures: Figure; done: Figure; overdue: Figure; rate: number | null; byLight: Record<WarningLight, Figure> };
export type DepartmentRow = {
  departmentId: string;
  name: string;
  lead: RoleFigures;
  cooperate: RoleFigures;
  /** Days from the newest note on its lead measures to the report's day; null without any note. */
  daysSinceNote: number | null;
  reported: boolean;
  notices: Record<string, number>;
};
export type GroupRow = { id: string; label: string; total: Figure; done: Figure; rate: number | null };

export type Dashboard = {
  asOf: string;
  week: Week;
  problems: number;
  measures: Figure;
  byStatus: Record<Status, Figure>;
  byLight: Record<WarningLight, Figure>;
  completion: Rate;
  completionExcludingOngoing: Rate;
  overdue: Figure;
  dueSoon: Figure;
  awaiting: Figure;
  /** Requests awaiting a decision, and the measures that carry them. */
  extensionsPending: Figure & { requests: number };
  departments: DepartmentRow[];
  areas: GroupRow[];
  problemRows: GroupRow[];
  unreported: { departmentId: string; name: string; active: Figure }[];
  trend: TrendPoint[];
};

const rate = (done: number, total: number) => (total === 0 ? null : done / total);
const fig = (count: number, selection: Selection): Figure => ({ count, selection });

type RoleTally = { measures: number; done: number; overdue: number; byLight: Record<WarningLight, number> };
type UnitTally = { lead: RoleTally; cooperate: RoleTally; newestNote: string | null; notices: Record<string, number> };
type GroupTally = { total: number; done: number };
const roleTally = (): RoleTally => ({ measures: 0, done: 0, overdue: 0, byLight: Object.fromEntries(warningLights.map((l) => [l, 0])) as Record<WarningLight, number> });
const countRole = (t: RoleTally, f: MeasureFact) => {
  t.measures++;
  t.byLight[f.light]++;
  if (f.done) t.done++;
  if (f.overdue) t.overdue++;
};
const countGroup = (map: Map<string, GroupTally>, key: string, f: MeasureFact) => {
  let t = map.get(key);
  if (!t) map.set(key, (t = { total: 0, done: 0 }));
  t.total++;
  if (f.done) t.done++;
};

/**
 * Every count in one pass over the facts (100,000 measures: one pass, not one per figure): the totals, each
 * unit's as lead and as cooperating unit, each area's and problem's. Each figure built from them keeps the
 * selection it counts; the tests check every count against `matches`, which the ledger's click-through uses.
 */
function tally(facts: Facts) {
  const n = { all: 0, done: 0, notOngoing: 0, doneNotOngoing: 0, overdue: 0, dueSoon: 0, awaiting: 0, pending: 0, requests: 0 };
  const byStatus = Object.fromEntries(statuses.map((s) => [s, 0])) as Record<Status, number>;
  const byLight = Object.fromEntries(warningLights.map((l) => [l, 0])) as Record<WarningLight, number>;
  const units = new Map<string, UnitTally>();
  const unit = (id: string) => {
    let t = units.get(id);
    if (!t) units.set(id, (t = { lead: roleTally(), cooperate: roleTally(), newestNote: null, notices: {} }));
    return t;
  };
  const areas = new Map<string, GroupTally>();
  const problems = new Map<string, GroupTally>();
  for (const f of facts.facts) {
    n.all++;
    byStatus[f.status]++;
    byLight[f.light]++;
    if (f.done) n.done++;
    if (f.status !== 'ongoing') {
      n.notOngoing++;
      if (f.done) n.doneNotOngoing++;
    }
    if (f.overdue) n.overdue++;
    if (f.dueSoon) n.dueSoon++;
    if (f.awaiting) n.awaiting++;
    if (f.extensionsPending > 0) n.pending++;
    n.requests += f.extensionsPending;
    if (f.lead !== null) {
      const t = unit(f.lead);
      countRole(t.lead, f);
      if (f.lastNote !== null && (t.newestNote === null || f.lastNote > t.newestNote)) t.newestNote = f.lastNote;
      for (const level of f.notices) t.notices[level] = (t.notices[level] ?? 0) + 1;
    }
    for (const id of f.cooperating) countRole(unit(id).cooperate, f);
    countGroup(areas, f.areaId ?? '', f);
    countGroup(problems, f.problemId, f);
  }
  return { n, byStatus, byLight, units, areas, problems };
}

function roleFigures(t: RoleTally, base: Selection): RoleFigures {
  return {
    measures: fig(t.measures, base),
    done: fig(t.done, { ...base, done: true }),
    overdue: fig(t.overdue, { ...base, overdue: true }),
    rate: rate(t.done, t.measures),
    byLight: Object.fromEntries(warningLights.map((l) => [l, fig(t.byLight[l], { ...base, light: l })])) as Record<WarningLight, Figure>,
  };
}

function departmentRows(facts: Facts, units: ReadonlyMap<string, UnitTally>, scope: Selection): DepartmentRow[] {
  const rows = facts.ledger.departments
    .filter((d) => d.kind === 'responsible' || units.has(d.id))
    .map((d): DepartmentRow => {
      const t = units.get(d.id) ?? { lead: roleTally(), cooperate: roleTally(), newestNote: null, notices: {} };
      return {
        departmentId: d.id,
        name: d.name,
        lead: roleFigures(t.lead, { ...scope, departmentId: d.id, role: 'lead' }),
        cooperate: roleFigures(t.cooperate, { ...scope, departmentId: d.id, role: 'cooperate' }),
        daysSinceNote: t.newestNote === null ? null : daysBetween(t.newestNote, facts.asOf),
        reported: !facts.unreported.has(d.id),
        notices: t.notices,
      };
    });
  // Ranked: the best completion first; units with nothing to lead last; then the fewest overdue, then by name.
  return rows.sort(
    (a, b) => (b.lead.rate ?? -1) - (a.lead.rate ?? -1) || a.lead.overdue.count - b.lead.overdue.count || b.lead.measures.count - a.lead.measures.count || a.name.localeCompare(b.name, 'zh-CN'),
  );
}

function groupRows(facts: Facts, areaTally: ReadonlyMap<string, GroupTally>, problemTally: ReadonlyMap<string, GroupTally>, scope: Selection): { areas: GroupRow[]; problemRows: GroupRow[] } {
  const row = (t: GroupTally | undefined, id: string, label: string, selection: Selection): GroupRow => {
    const { total, done } = t ?? { total: 0, done: 0 };
    return { id, label, total: fig(total, selection), done: fig(done, { ...selection, done: true }), rate: rate(done, total) };
  };
  const areas = [...facts.ledger.areas].sort((a, b) => a.seq - b.seq).map((a) => row(areaTally.get(a.id), a.id, a.name, { ...scope, areaId: a.id }));
  const problemRows = [...facts.ledger.problems]
    .sort((a, b) => a.number - b.number)
    .filter((p) => problemTally.has(p.id))
    .map((p) => row(problemTally.get(p.id), p.id, `${p.number}. ${p.title}`, { ...scope, problemId: p.id }));
  return { areas, problemRows };
}

/** Every figure of the dashboard for the query's day and scope. */
export function computeDashboard(records: LedgerRecords, query: ReportQuery): Dashboard {
  const facts = computeFacts(records, query);
  const { n, byStatus: statusCounts, byLight: lightCounts, units, areas, problems } = tally(facts);
  const scope: Selection = {};
  const byStatus = Object.fromEntries(statuses.map((s) => [s, fig(statusCounts[s], { status: s })])) as Record<Status, Figure>;
  const byLight = Object.fromEntries(warningLights.map((l) => [l, fig(lightCounts[l], { light: l })])) as Record<WarningLight, Figure>;
  const all = fig(n.all, scope);
  const done = fig(n.done, { done: true });
  const notOngoing = fig(n.notOngoing, { notOngoing: true });
  const doneNotOngoing = fig(n.doneNotOngoing, { done: true, notOngoing: true });
  const pending = fig(n.pending, { extensionPending: true });
  const departments = departmentRows(facts, units, scope);
  return {
    asOf: query.asOf,
    week: facts.week,
    problems: problems.size,
    measures: all,
    byStatus,
    byLight,
    completion: { done, total: all, rate: rate(done.count, all.count) },
    completionExcludingOngoing: { done: doneNotOngoing, total: notOngoing, rate: rate(doneNotOngoing.count, notOngoing.count) },
    overdue: fig(n.overdue, { overdue: true }),
    dueSoon: fig(n.dueSoon, { dueSoon: true }),
    awaiting: fig(n.awaiting, { awaiting: true }),
    extensionsPending: { ...pending, requests: n.requests },
    departments,
    ...groupRows(facts, areas, problems, scope),
    unreported: departments
      .filter((d) => facts.unreported.has(d.departmentId))
      .map((d) => ({ departmentId: d.departmentId, name: d.name, active: fig(d.lead.measures.count - d.lead.done.count, { departmentId: d.departmentId, role: 'lead', active: true }) })),
    trend: facts.trend,
  };
}
