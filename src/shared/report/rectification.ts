// 整改情况报告: the figures and lists of the report in the seed's structure — 一、总体推进情况 (problems, areas,
// recommendations, review opinions, measures by type, units, how far along), 二、per area each problem with its
// measures, the units whose own reports are attached — counted from the ledger as it stands, with the figures the
// report itself stated (台账信息) beside them.
import type { LedgerRecords } from '../csv/lookups.ts';
import type { LedgerInfo } from '../model/ledger-info.ts';
import { type Measure, type MeasureType, measureTypes } from '../model/measure.ts';
import { measuresByProblem } from './annex.ts';
import { computeDashboard } from './dashboard.ts';

export type RectificationCounts = {
  areas: number;
  problems: number;
  recommendations: number;
  reviewOpinions: number;
  measures: number;
  byType: Record<MeasureType, number>;
  units: number;
  done: number;
  closed: number;
  inProgress: number;
  ongoing: number;
  overdue: number;
  rate: number | null;
};
export type RectificationProblem = { number: number; title: string; measures: Measure[] };
export type RectificationArea = { name: string; problems: RectificationProblem[] };
export type Rectification = {
  asOf: string;
  /** The report's own documents (台账信息): its title and issuer, what asked for it, whom it is addressed to. */
  title: string | null;
  issuer: string | null;
  basis: { title: string; number: string } | null;
  addressee: string | null;
  counts: RectificationCounts;
  /** What the report stated for the same counts (key → its words), where the ledger information holds it. */
  reported: Partial<Record<keyof RectificationCounts | 'policies' | 'campaigns' | 'mechanisms', string>>;
  areas: RectificationArea[];
  /** The units whose own reports are attached (附件2…): the responsible units that lead measures. */
  units: { name: string; fullName: string; measures: number; done: number }[];
};

/** Paragraphs of a text field: the inspectors' advice counts one per paragraph. */
const paragraphs = (text: string) => text.split(/\n+/).filter((s) => s.trim() !== '').length;

export function computeRectification(records: LedgerRecords, info: LedgerInfo | null, asOf: string): Rectification {
  const d = computeDashboard(records, { asOf });
  const byType = Object.fromEntries(measureTypes.map((k) => [k, 0])) as Record<MeasureType, number>;
  for (const m of records.measures) byType[m.type]++;
  const overall = new Set(records.problems.map((p) => p.overallLeadDepartmentId).filter((id) => id !== null));
  const reporting = d.departments.filter((u) => u.lead.measures.count > 0);
  const byId = new Map(records.departments.map((dep) => [dep.id, dep]));
  const units = records.departments
    .filter((dep) => dep.kind === 'responsible' && !overall.has(dep.id))
    .map((dep) => ({ dep, row: reporting.find((u) => u.departmentId === dep.id) }))
    .filter((u) => u.row !== undefined)
    .map(({ dep, row }) => ({ name: dep.name, fullName: dep.fullName || dep.name, measures: row!.lead.measures.count, done: row!.lead.done.count }));
  const counts: RectificationCounts = {
    areas: records.areas.length,
    problems: records.problems.length,
    recommendations: records.problems.reduce((n, p) => n + paragraphs(p.recommendations), 0),
    reviewOpinions: records.problems.reduce((n, p) => n + paragraphs(p.reviewOpinions), 0),
    measures: d.measures.count,
    byType,
    units: reporting.filter((u) => byId.get(u.departmentId)?.kind === 'responsible').length,
    done: d.completion.done.count,
    closed: d.byStatus.closed.count,
    inProgress: d.byStatus.in_progress.count + d.byStatus.not_started.count,
    ongoing: d.byStatus.ongoing.count,
    overdue: d.overdue.count,
    rate: d.completion.rate,
  };
  const docs = info?.documents ?? [];
  const own = docs.find((doc) => doc.role.startsWith('整改情况报告'));
  const plan = docs.find((doc) => doc.role.startsWith('实施方案'));
  const review = docs.find((doc) => doc.role.startsWith('审议意见'));
  const reported: Rectification['reported'] = {};
  for (const f of info?.reportedFigures ?? []) {
    const key = f.key as keyof Rectification['reported'];
    if (['areas', 'problems', 'recommendations', 'reviewOpinions', 'policies', 'campaigns', 'mechanisms'].includes(key) && reported[key] === undefined) reported[key] = f.quote;
  }
  const byProblem = measuresByProblem(records);
  const problems = [...records.problems].sort((a, b) => a.number - b.number);
  const areas = [...records.areas]
    .sort((a, b) => a.seq - b.seq)
    .map((a) => ({ name: a.name, problems: problems.filter((p) => p.areaId === a.id).map((p) => ({ number: p.number, title: p.title, measures: byProblem.get(p.id) ?? [] })) }))
    .filter((a) => a.problems.length > 0);
  return {
    asOf,
    title: own?.title ?? null,
    issuer: own?.issuer ?? null,
    basis: plan ? { title: plan.title, number: plan.number } : null,
    addressee: review?.issuer ?? null,
    counts,
    reported,
    areas,
    units,
  };
}
