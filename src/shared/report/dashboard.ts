// The 总览 dashboard's figures: totals, by status and light, completion rates, overdue and due soon, by
// department (lead and cooperating apart), by area and problem, 未报送 units and completion over time. Each
// count comes with the selection it counts, so a click shows exactly its rows.
import type { LedgerRecords } from '../csv/lookups.ts';
import { daysBetween } from '../model/dates.ts';
import { type Status, statuses } from '../model/status.ts';
import { computeFacts, type Facts, type MeasureFact, type ReportQuery, type Selection } from './facts.ts';
import { warningLights, type WarningLight } from './rules.ts';
import { completionTrend, type TrendPoint } from './trend.ts';
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

/**
 * The top figures in one pass over the facts (100,000 measures: one pass, not one per figure). Each keeps the
 * selection it counts; the tests check every count against `matches`, which the ledger's click-through uses.
 */
function tally(facts: Facts) {
  const n = { all: 0, done: 0, notOngoing: 0, doneNotOngoing: 0, overdue: 0, dueSoon: 0, awaiting: 0, pending: 0, requests: 0 };
  const byStatus = Object.fromEntries(statuses.map((s) => [s, 0])) as Record<Status, number>;
  const byLight = Object.fromEntries(warningLights.map((l) => [l, 0])) as Record<WarningLight, number>;
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
  }
  return { n, byStatus, byLight };
}
const fig = (count: number, selection: Selection): Figure => ({ count, selection });

function roleFigures(list: readonly MeasureFact[], base: Selection): RoleFigures {
  const byLight = Object.fromEntries(warningLights.map((l) => [l, { count: 0, selection: { ...base, light: l } }])) as Record<WarningLight, Figure>;
  let done = 0;
  let overdue = 0;
  for (const f of list) {
    byLight[f.light].count++;
    if (f.done) done++;
    if (f.overdue) overdue++;
  }
  return {
    measures: { count: list.length, selection: base },
    done: { count: done, selection: { ...base, done: true } },
    overdue: { count: overdue, selection: { ...base, overdue: true } },
    rate: rate(done, list.length),
    byLight,
  };
}

function departmentRows(facts: Facts, scope: Selection): DepartmentRow[] {
  const lead = new Map<string, MeasureFact[]>();
  const cooperate = new Map<string, MeasureFact[]>();
  const push = (map: Map<string, MeasureFact[]>, id: string, f: MeasureFact) => {
    const list = map.get(id);
    if (list) list.push(f);
    else map.set(id, [f]);
  };
  for (const f of facts.facts) {
    if (f.lead !== null) push(lead, f.lead, f);
    for (const id of f.cooperating) push(cooperate, id, f);
  }
  const units = facts.ledger.departments.filter((d) => d.kind === 'responsible' || lead.has(d.id) || cooperate.has(d.id));
  const rows = units.map((d): DepartmentRow => {
    const mine = lead.get(d.id) ?? [];
    const newest = mine.reduce<string | null>((max, f) => (f.lastNote !== null && (max === null || f.lastNote > max) ? f.lastNote : max), null);
    const notices: Record<string, number> = {};
    for (const f of mine) for (const level of f.notices) notices[level] = (notices[level] ?? 0) + 1;
    return {
      departmentId: d.id,
      name: d.name,
      lead: roleFigures(mine, { ...scope, departmentId: d.id, role: 'lead' }),
      cooperate: roleFigures(cooperate.get(d.id) ?? [], { ...scope, departmentId: d.id, role: 'cooperate' }),
      daysSinceNote: newest === null ? null : daysBetween(newest, facts.asOf),
      reported: !facts.unreported.has(d.id),
      notices,
    };
  });
  // Ranked: the best completion first; units with nothing to lead last; then the fewest overdue, then by name.
  return rows.sort(
    (a, b) => (b.lead.rate ?? -1) - (a.lead.rate ?? -1) || a.lead.overdue.count - b.lead.overdue.count || b.lead.measures.count - a.lead.measures.count || a.name.localeCompare(b.name, 'zh-CN'),
  );
}

function groupRows(facts: Facts, scope: Selection): { areas: GroupRow[]; problemRows: GroupRow[] } {
  const tally = new Map<string, { total: number; done: number }>();
  const add = (key: string, f: MeasureFact) => {
    const t = tally.get(key) ?? { total: 0, done: 0 };
    t.total++;
    if (f.done) t.done++;
    tally.set(key, t);
  };
  for (const f of facts.facts) {
    add(`a:${f.areaId ?? ''}`, f);
    add(`p:${f.problemId}`, f);
  }
  const row = (key: string, id: string, label: string, selection: Selection): GroupRow => {
    const t = tally.get(key) ?? { total: 0, done: 0 };
    return { id, label, total: { count: t.total, selection }, done: { count: t.done, selection: { ...selection, done: true } }, rate: rate(t.done, t.total) };
  };
  const areas = [...facts.ledger.areas].sort((a, b) => a.seq - b.seq).map((a) => row(`a:${a.id}`, a.id, a.name, { ...scope, areaId: a.id }));
  const problemRows = [...facts.ledger.problems]
    .sort((a, b) => a.number - b.number)
    .filter((p) => tally.has(`p:${p.id}`))
    .map((p) => row(`p:${p.id}`, p.id, `${p.number}. ${p.title}`, { ...scope, problemId: p.id }));
  return { areas, problemRows };
}

/** Every figure of the dashboard for the query's day and scope. */
export function computeDashboard(records: LedgerRecords, query: ReportQuery): Dashboard {
  const facts = computeFacts(records, query);
  const { n, byStatus: statusCounts, byLight: lightCounts } = tally(facts);
  const scope: Selection = {};
  const byStatus = Object.fromEntries(statuses.map((s) => [s, fig(statusCounts[s], { status: s })])) as Record<Status, Figure>;
  const byLight = Object.fromEntries(warningLights.map((l) => [l, fig(lightCounts[l], { light: l })])) as Record<WarningLight, Figure>;
  const all = fig(n.all, scope);
  const done = fig(n.done, { done: true });
  const notOngoing = fig(n.notOngoing, { notOngoing: true });
  const doneNotOngoing = fig(n.doneNotOngoing, { done: true, notOngoing: true });
  const pending = fig(n.pending, { extensionPending: true });
  const departments = departmentRows(facts, scope);
  const problemIds = new Set(facts.facts.map((f) => f.problemId));
  return {
    asOf: query.asOf,
    week: facts.week,
    problems: problemIds.size,
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
    ...groupRows(facts, scope),
    unreported: departments
      .filter((d) => facts.unreported.has(d.departmentId))
      .map((d) => ({ departmentId: d.departmentId, name: d.name, active: fig(d.lead.measures.count - d.lead.done.count, { departmentId: d.departmentId, role: 'lead', active: true }) })),
    trend: completionTrend(records, query),
  };
}
