// Builds the sample ledger from the seed report: areas, departments, problems, their measures (附件1's, the
// report body's and the 16 department reports'), and the ledger's information (documents, 报告口径).
import type { Area } from '../model/area.ts';
import type { Department } from '../model/department.ts';
import { sampleId } from '../model/ids.ts';
import type { LedgerInfo } from '../model/ledger-info.ts';
import type { Measure } from '../model/measure.ts';
import { getRole, type Problem } from '../model/problem.ts';
import { draftOf, documentRegister, itemLines, type MeasureDraft, type Resolve, sourceNames, toMeasure } from './build-measures.ts';
import { type MeasureKey, extraSplits, measureEvidence, measureIndicators, measureLeads, measureStatuses, measureTitles } from './seed-curation.ts';
import { readListedDepartments, seedDepartments } from './seed-departments.ts';
import { bodyItems, unitItems } from './seed-items.ts';
import { lateUnitItems } from './seed-items-late.ts';
import { LEDGER_TITLE, REPORT_DATE, SAMPLE_ACTOR, SAMPLE_CREATED_AT, seedDocuments, seedFigures } from './seed-ledger-info.ts';
import { firstClause, readEvidence, readLegalBasis, splitMeasures } from './seed-measures.ts';
import { readReportItems } from './seed-parts.ts';
import { bodyCuration, reportCurations } from './seed-reports.ts';
import { cleanText, readAreas, readReports, readSummaryTable, splitLines, summaryTableLine, wordsOnly } from './seed-text.ts';

export { SAMPLE_ACTOR, SAMPLE_CREATED_AT };

export type SampleLedger = {
  areas: Area[];
  departments: Department[];
  problems: Problem[];
  measures: Measure[];
  ledgerInfo: LedgerInfo[];
};

const meta = { createdAt: SAMPLE_CREATED_AT, createdBy: SAMPLE_ACTOR, updatedAt: SAMPLE_CREATED_AT, updatedBy: SAMPLE_ACTOR, rev: 0 };
const itemCurations = { ...bodyItems, ...unitItems, ...lateUnitItems };

export function departmentSampleId(name: string): string {
  return sampleId(`department:${name}`);
}

/** Deterministic: the same seed gives the same records and ids on every device. */
export function buildSampleLedger(seedText: string): SampleLedger {
  const lines = splitLines(seedText);
  const cleaned = lines.map(cleanText);
  const rows = readSummaryTable(lines);
  const reports = readReports(lines);
  const source = sourceNames(reports, summaryTableLine(lines), rows[rows.length - 1]!.line);
  const areas: Area[] = readAreas(lines).map((a) => ({ id: sampleId(`area:${a.seq}`), seq: a.seq, name: a.name, ...meta }));
  const areaOfProblem = new Map<number, string>();
  readAreas(lines).forEach((area, index) => {
    for (const quoted of area.quotedProblems) {
      const row = rows.find((r) => similar(quoted, titleOf(r.description)));
      if (row) areaOfProblem.set(row.number, areas[index]!.id);
    }
  });
  const departments: Department[] = seedDepartments.map((d) => {
    const report = reports.find((r) => r.fullName === d.fullName);
    const curation = reportCurations.find((c) => c.attachment === report?.attachment);
    const reported = report ? `附件${report.attachment}：${report.fullName}整改情况报告（第${report.line}行起）${curation?.noMeasures ? `；${curation.noMeasures}` : ''}` : '';
    return { id: departmentSampleId(d.name), name: d.name, shortName: d.shortName, fullName: d.fullName, level: d.level, kind: d.kind, note: d.note ?? reported, ...meta };
  });

  const problems = rows.map((row): Problem => {
    const listed = readListedDepartments(row.departments);
    if (listed.unknown.length > 0) throw new Error(`seed: unknown units in row ${row.number}: ${listed.unknown.join(', ')}`);
    // The seed never marks the lead: 市政府 answers overall, the first other unit leads, the rest cooperate.
    const others = listed.names.filter((n) => n !== '市政府');
    return {
      id: sampleId(`problem:${row.number}`),
      number: row.number,
      areaId: areaOfProblem.get(row.number) ?? null,
      title: titleOf(row.description),
      description: row.description,
      legalBasis: readLegalBasis(row.description),
      // The seed gives the inspectors' recommendations and the members' review opinions in one cell.
      recommendations: row.recommendations,
      reviewOpinions: '',
      rectificationSummary: row.rectification,
      summaryByHand: false,
      departmentsListed: `${listed.names.join(' ')}${listed.openEnded ? '等' : ''}`,
      overallLeadDepartmentId: listed.names.includes('市政府') ? departmentSampleId('市政府') : null,
      leadDepartmentId: others[0] ? departmentSampleId(others[0]) : null,
      cooperatingDepartmentIds: others.slice(1).map(departmentSampleId),
      involvedDepartmentIds: [],
      reportedRoleDepartmentIds: [],
      deadline: null,
      status: 'in_progress',
      closedBy: null,
      closedAt: null,
      ...meta,
    };
  });
  const problemByNumber = new Map(problems.map((p) => [p.number, p]));
  const departmentById = new Map(departments.map((d) => [d.id, d]));
  const departmentByName = new Map(departments.map((d) => [d.name, d]));
  const problemOf = (n: number) => problemByNumber.get(n)!;
  const leadOf = (n: number) => problemByNumber.get(n)?.leadDepartmentId;
  const nameOf = (id: string | null | undefined) => (id ? (departmentById.get(id)?.name ?? null) : null);

  // 附件1: one measure per 一是/二是… of each row's 整改落实情况.
  const drafts: MeasureDraft[] = rows.flatMap((row) =>
    measuresOf(row.rectification, row.number).map((item, index) => {
      const key: MeasureKey = `${row.number}:${item.label === '' ? `#${index + 1}` : item.label}`;
      const curated = measureLeads[key];
      return draftOf(key, sampleId(`measure:${row.number}:${index + 1}`), { problem: row.number, label: item.label, text: item.text, source: source.line(row.line) }, curated?.lead ?? nameOf(leadOf(row.number)), {
        ...(curated?.cooperating ? { cooperating: curated.cooperating } : {}),
        ...(measureTitles[key] ? { title: measureTitles[key] } : {}),
        ...(measureStatuses[key] ? { status: measureStatuses[key] } : {}),
        indicators: measureIndicators[key] ?? [],
        evidence: measureEvidence[key] ?? [],
      });
    }),
  );

  const draftByKey = new Map(drafts.map((d) => [d.key, d]));
  // The report body and the department reports: a body item restating 附件1 adds to those measures.
  for (const curation of [bodyCuration, ...reportCurations]) {
    const unitName = curation.attachment === 0 ? '市政府' : seedDepartments.find((d) => d.fullName === reports.find((r) => r.attachment === curation.attachment)?.fullName)?.name;
    if (!unitName) throw new Error(`seed: no unit for 附件${curation.attachment}`);
    for (const item of readReportItems(lines, curation)) {
      const lineRange = itemLines(cleaned, item.lines[0], item.lines[1], item.text);
      const where = source.range(lineRange[0], lineRange[1]);
      const curated = itemCurations[item.key];
      if (curated?.restates) {
        for (const target of curated.restates) {
          const draft = draftByKey.get(target);
          if (!draft) throw new Error(`seed: ${item.key} restates unknown ${target}`);
          draft.sources.push(where);
          for (const e of readEvidence(item.text)) if (!draft.evidence.includes(e)) draft.evidence.push(e);
        }
        continue;
      }
      drafts.push(draftOf(item.key, sampleId(`measure:${item.key}`), { problem: item.problem, label: item.label, text: item.text, source: where }, unitName, curated));
    }
  }

  const register = documentRegister(cleaned);
  const resolve: Resolve = {
    department: (name) => {
      const d = departmentByName.get(name);
      if (!d) throw new Error(`seed: unknown unit ${name}`);
      return d.id;
    },
    problem: (n) => problemOf(n).id,
    source,
    register,
  };
  const seqs = new Map<number, number>();
  const measures = drafts.map((d) => {
    const seq = (seqs.get(d.problem) ?? 0) + 1;
    seqs.set(d.problem, seq);
    return toMeasure(d, seq, resolve, meta);
  });

  // A unit that leads or takes part in a measure of a problem it holds no role on is 涉及, read from the report.
  const problemById = new Map(problems.map((p) => [p.id, p]));
  for (const m of measures) {
    const problem = problemById.get(m.problemId)!;
    for (const id of [m.leadDepartmentId, ...m.cooperatingDepartmentIds]) {
      if (id === null || getRole(problem, id) !== null) continue;
      problem.involvedDepartmentIds.push(id);
      problem.reportedRoleDepartmentIds.push(id);
    }
  }

  const ledgerInfo: LedgerInfo = {
    id: sampleId('ledgerInfo'),
    title: LEDGER_TITLE,
    documents: seedDocuments.map(({ lines: _lines, ...doc }) => doc),
    reportedFigures: seedFigures.map((f) => ({ key: f.key, name: f.name, value: f.value, unit: f.unit, quote: cleanText(f.quote), asOf: f.asOf ?? REPORT_DATE, source: source.line(f.line) })),
    ...meta,
  };
  return { areas, departments, problems, measures, ledgerInfo: [ledgerInfo] };
}

function measuresOf(text: string, problemNumber: number) {
  const cuts = extraSplits[problemNumber];
  if (!cuts) return splitMeasures(text);
  const parts: string[] = [];
  let rest = text;
  for (const cut of cuts) {
    const at = rest.indexOf(cut);
    if (at <= 0) throw new Error(`seed: split point "${cut}" not found in row ${problemNumber}`);
    parts.push(rest.slice(0, at));
    rest = rest.slice(at);
  }
  parts.push(rest);
  return parts.map((p) => ({ label: '', text: p.trim() }));
}

/** A problem's short title: the first sentence of its description. */
function titleOf(description: string): string {
  const end = description.indexOf('。');
  return end > 0 ? description.slice(0, end) : firstClause(description);
}

// The body names some problems slightly differently from 附件1 (公共服务 / 公用服务, with or without
// quotes); two names match when nearly all their characters agree.
function similar(a: string, b: string): boolean {
  const strip = (s: string) => wordsOnly(s).replace(/[“”"《》、，]/g, '');
  const x = strip(a);
  const y = strip(b);
  if (x === y) return true;
  let same = 0;
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] === y[i]) same++;
  return same / Math.max(x.length, y.length) >= 0.85;
}
