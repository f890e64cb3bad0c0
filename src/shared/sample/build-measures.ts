// Turns the seed's items (附件1's rows, the report body's and the department reports' parts) with their
// curation into measures: source lines, title, lead and partners, status and note, deadline, figures, documents.
import { sampleId } from '../model/ids.ts';
import type { Indicator, Measure } from '../model/measure.ts';
import { appendProgress, type ProgressEntry } from '../model/measure-history.ts';
import type { Status } from '../model/status.ts';
import type { ItemCuration, SeedEvidence, SeedIndicator, SeedStatus } from './seed-curation.ts';
import { REPORT_DATE, SAMPLE_ACTOR, SAMPLE_CREATED_AT } from './seed-ledger-info.ts';
import { classifyMeasure, readDeadline, readEvidence, titleOf } from './seed-measures.ts';
import { cleanText, type SeedReport } from './seed-text.ts';

/** A measure before it is placed: everything the seed and its curation say of it. */
export type MeasureDraft = {
  /** The sample key: 1:一是 for 附件1, 正文:… and 附件N:… for the body and the reports (its id derives from it). */
  key: string;
  id: string;
  problem: number;
  label: string;
  text: string;
  title: string;
  lead: string | null;
  cooperating: string[];
  /** Where the words stand, e.g. 附件1 汇总表（第112行）; several when the body restates the measure. */
  sources: string[];
  indicators: SeedIndicator[];
  evidence: string[];
  status?: SeedStatus;
  deadline?: string;
};

export type SourceNames = { line: (n: number) => string; range: (from: number, to: number) => string };

/** Names the document a seed line stands in: 报告正文, 附件1 汇总表, or 附件N and the unit that reports. */
export function sourceNames(reports: readonly SeedReport[], summaryFrom: number, summaryTo: number): SourceNames {
  const documentOf = (n: number) => {
    if (n < summaryFrom) return '报告正文';
    if (n <= summaryTo) return '附件1 汇总表';
    const report = [...reports].reverse().find((r) => r.line <= n);
    return report ? `附件${report.attachment} ${report.fullName}报告` : '报告';
  };
  return {
    line: (n) => `${documentOf(n)}（第${n}行）`,
    range: (from, to) => `${documentOf(from)}（第${from === to ? from : `${from}–${to}`}行）`,
  };
}

/** The lines within [from, to] where an item's words begin and end (`cleaned`: the seed's lines, cleaned). */
export function itemLines(cleaned: readonly string[], from: number, to: number, text: string): [number, number] {
  const clean = (n: number) => cleaned[n - 1] ?? '';
  const head = text.slice(0, 12);
  const tail = text.slice(-12);
  let start = from;
  for (let n = from; n <= to; n++) if (clean(n).includes(head)) { start = n; break; }
  let end = to;
  for (let n = start; n <= to; n++) if (clean(n).includes(tail)) { end = n; break; }
  return [start, end];
}

/** Documents the seed cites with their number somewhere, by title, so that a title cited bare gets its number. */
export function documentRegister(cleaned: readonly string[]): Map<string, string> {
  const register = new Map<string, string>();
  for (const line of cleaned) {
    if (!line.includes('〔')) continue;
    for (const entry of readEvidence(line)) {
      const m = /^(《.+》)（(.+号)）$/.exec(entry);
      if (m) register.set(registerKey(m[1] ?? ''), entry);
    }
  }
  return register;
}

// Titles are cited with or without their issuer (《商丘市人民政府办公室关于…》 and 《关于…》).
function registerKey(title: string): string {
  return title.replace(/^《(?:中共商丘市委[^关]*|商丘市人民政府办公室|商丘市人民政府)(?=关于)/, '《');
}

export function numberedEvidence(entries: readonly string[], register: Map<string, string>): string[] {
  const out: string[] = [];
  for (const entry of entries) {
    const full = /）$/.test(entry) ? entry : (register.get(registerKey(entry)) ?? entry);
    if (!out.includes(full)) out.push(full);
  }
  return out;
}

export function draftOf(key: string, id: string, item: { problem: number; label: string; text: string; source: string }, lead: string | null, curation: ItemCuration = {}): MeasureDraft {
  return {
    key,
    id,
    problem: item.problem,
    label: item.label,
    text: item.text,
    title: curation.title ?? titleOf(item.text),
    lead: curation.lead ?? lead,
    cooperating: curation.cooperating ?? [],
    sources: [item.source],
    indicators: curation.indicators ?? [],
    evidence: [...readEvidence(item.text), ...(curation.evidence ?? []).map((e: SeedEvidence) => e.text)],
    ...(curation.status ? { status: curation.status } : {}),
    ...(curation.deadline ? { deadline: curation.deadline } : {}),
  };
}

/**
 * The report's sentence on the measure's state, as its progress note on the report's date. Built with the
 * shared helper like any note; the id is derived from the measure so that every device's sample holds the
 * same note and a union of two devices' logs never doubles it.
 */
function reportNote(key: string, text: string, status: Status): ProgressEntry[] {
  return appendProgress([], { date: REPORT_DATE, text, progress: status === 'completed' ? 100 : null, status }, { actor: SAMPLE_ACTOR, now: SAMPLE_CREATED_AT }).map((entry) => ({ ...entry, id: sampleId(`note:${key}`) }));
}

export type Resolve = { department: (name: string) => string; problem: (n: number) => string; source: SourceNames; register: Map<string, string> };

export function toMeasure(d: MeasureDraft, seq: number, resolve: Resolve, meta: Pick<Measure, 'createdAt' | 'createdBy' | 'updatedAt' | 'updatedBy' | 'rev'>): Measure {
  const status: Status = d.status?.is ?? 'in_progress';
  const note = d.status ? cleanText(d.status.quote) : '';
  return {
    id: d.id,
    problemId: resolve.problem(d.problem),
    seq,
    label: d.label,
    title: d.title,
    details: d.text,
    type: classifyMeasure(d.title, d.text),
    leadDepartmentId: d.lead ? resolve.department(d.lead) : null,
    cooperatingDepartmentIds: d.cooperating.map(resolve.department),
    owner: '',
    deadline: d.deadline ? readDeadline(d.deadline, Number(REPORT_DATE.slice(0, 4))) : null,
    deadlineNote: d.deadline ?? '',
    status,
    progress: status === 'completed' ? 100 : 0,
    progressNote: note,
    progressNoteDate: note ? REPORT_DATE : null,
    indicators: d.indicators.map((i): Indicator => ({ name: i.name, target: i.target, actual: i.actual, unit: i.unit, source: resolve.source.line(i.line), asOf: i.asOf ?? REPORT_DATE })),
    evidence: numberedEvidence(d.evidence, resolve.register),
    progressLog: note ? reportNote(d.key, note, status) : [],
    extensions: [],
    attachments: [],
    reviews: [],
    notices: [],
    source: d.sources.join('；'),
    closedBy: null,
    closedAt: null,
    ...meta,
  };
}
