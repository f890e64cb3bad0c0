// 附件1 (问题整改情况汇总表) from the live ledger: one row per problem with its 整改落实情况 composed from its
// measures as they stand (text, status, latest progress, evidence) and its 责任单位 from the current roles (牵头
// first, then 配合). A problem whose summary the coordinator wrote by hand (summaryByHand) keeps that text.
import { SUMMARY_HEADER, type Table } from '../csv/export.ts';
import type { LedgerRecords } from '../csv/lookups.ts';
import type { Translate } from '../i18n/translate.ts';
import type { Measure } from '../model/measure.ts';
import type { Problem } from '../model/problem.ts';

export type AnnexRow = { number: number; problem: string; advice: string; rectification: string; units: string };

/** One measure as 整改落实情况 states it: its text and status, then its latest progress and its evidence. */
export function measureLine(m: Measure, t: Translate): string {
  const parts = [t('annex.measure', { label: m.label, title: m.title, status: t(`status.${m.status}`) })];
  if (m.deadline !== null) parts.push(t('annex.deadline', { date: m.deadline }));
  if (m.progressNote.trim() !== '') parts.push(t('annex.progress', { date: m.progressNoteDate ?? '', text: m.progressNote.trim() }));
  if (m.evidence.length > 0) parts.push(t('annex.evidence', { list: m.evidence.join('；') }));
  return parts.join('');
}

/**
 * 牵头 units (the problem's overall lead and lead; without them, its measures' leads), then 配合 (its cooperating
 * units, then every other unit that leads or supports one of its measures), by name.
 */
export function unitsLine(problem: Problem, measures: readonly Measure[], nameOf: (id: string) => string | undefined, t: Translate): string {
  const lead: string[] = [];
  const cooperate: string[] = [];
  const add = (list: string[], id: string | null) => {
    if (id !== null && !lead.includes(id) && !list.includes(id)) list.push(id);
  };
  [problem.overallLeadDepartmentId, problem.leadDepartmentId].forEach((id) => add(lead, id));
  const measureLeads = measures.map((m) => m.leadDepartmentId);
  if (lead.length === 0) measureLeads.forEach((id) => add(lead, id));
  [...problem.cooperatingDepartmentIds, ...measureLeads, ...measures.flatMap((m) => m.cooperatingDepartmentIds)].forEach((id) => add(cooperate, id));
  const names = (ids: string[]) => ids.map(nameOf).filter((n): n is string => n !== undefined).join('、');
  const lines = [];
  if (lead.length > 0) lines.push(t('annex.lead', { list: names(lead) }));
  if (cooperate.length > 0) lines.push(t('annex.cooperate', { list: names(cooperate) }));
  return lines.join('\n');
}

/** Each problem's measures in their order (seq), problems in number order. */
export function measuresByProblem(records: LedgerRecords): Map<string, Measure[]> {
  const out = new Map<string, Measure[]>();
  for (const m of records.measures) out.set(m.problemId, [...(out.get(m.problemId) ?? []), m]);
  for (const list of out.values()) list.sort((a, b) => a.seq - b.seq);
  return out;
}

export function computeAnnex(records: LedgerRecords, t: Translate): AnnexRow[] {
  const nameOf = new Map(records.departments.map((d) => [d.id, d.name]));
  const byProblem = measuresByProblem(records);
  return [...records.problems]
    .sort((a, b) => a.number - b.number)
    .map((p) => {
      const measures = byProblem.get(p.id) ?? [];
      return {
        number: p.number,
        problem: p.description || p.title,
        advice: [p.recommendations, p.reviewOpinions].filter((s) => s !== '').join('\n'),
        rectification: p.summaryByHand ? p.rectificationSummary : measures.map((m) => measureLine(m, t)).join('\n'),
        units: unitsLine(p, measures, (id) => nameOf.get(id), t),
      };
    });
}

/** 附件1 as a table: what the .csv, the .xlsx and `export --format summary` write. */
export function annexTable(records: LedgerRecords, t: Translate): Table {
  return { header: SUMMARY_HEADER, rows: computeAnnex(records, t).map((r) => [r.number, r.problem, r.advice, r.rectification, r.units]) };
}
