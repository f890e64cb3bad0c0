// Builds the sample ledger from the seed report: areas, departments, problems and their measures.
import type { Area } from '../model/area.ts';
import type { Department } from '../model/department.ts';
import { sampleId } from '../model/ids.ts';
import type { Indicator, Measure } from '../model/measure.ts';
import type { Problem } from '../model/problem.ts';
import { type MeasureKey, extraSplits, measureEvidence, measureIndicators, measureLeads } from './seed-curation.ts';
import { readListedDepartments, seedDepartments } from './seed-departments.ts';
import { classifyMeasure, firstClause, readEvidence, readLegalBasis, splitMeasures } from './seed-measures.ts';
import { readAreas, readReports, readSummaryTable, splitLines, wordsOnly } from './seed-text.ts';

export type SampleLedger = {
  areas: Area[];
  departments: Department[];
  problems: Problem[];
  measures: Measure[];
};

/** The date of the seed report: sample records carry it as their creation time. */
export const SAMPLE_CREATED_AT = '2022-11-02T00:00:00+08:00';
export const SAMPLE_ACTOR = '示例台账';

const meta = { createdAt: SAMPLE_CREATED_AT, createdBy: SAMPLE_ACTOR, updatedAt: SAMPLE_CREATED_AT, updatedBy: SAMPLE_ACTOR, rev: 0 };

export function departmentSampleId(name: string): string {
  return sampleId(`department:${name}`);
}

/** Deterministic: the same seed gives the same records and ids on every device. */
export function buildSampleLedger(seedText: string): SampleLedger {
  const lines = splitLines(seedText);
  const rows = readSummaryTable(lines);
  const reports = readReports(lines);
  const problems: Problem[] = [];
  const measures: Measure[] = [];

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
    return {
      id: departmentSampleId(d.name),
      name: d.name,
      shortName: d.shortName,
      fullName: d.fullName,
      level: d.level,
      note: report ? `附件${report.attachment}：${report.fullName}整改情况报告` : '',
      ...meta,
    };
  });

  for (const row of rows) {
    const listed = readListedDepartments(row.departments);
    if (listed.unknown.length > 0) throw new Error(`seed: unknown units in row ${row.number}: ${listed.unknown.join(', ')}`);
    // The seed never marks the lead: 市政府 answers overall, the first other unit leads, the rest cooperate.
    const overall = listed.names.includes('市政府') ? '市政府' : null;
    const others = listed.names.filter((n) => n !== '市政府');
    const problemId = sampleId(`problem:${row.number}`);
    const lead = others[0] ?? null;
    problems.push({
      id: problemId,
      number: row.number,
      areaId: areaOfProblem.get(row.number) ?? null,
      title: titleOf(row.description),
      description: row.description,
      legalBasis: readLegalBasis(row.description),
      // The seed gives the inspectors' recommendations and the members' review opinions in one cell.
      recommendations: row.recommendations,
      reviewOpinions: '',
      rectificationSummary: row.rectification,
      departmentsListed: `${listed.names.join(' ')}${listed.openEnded ? '等' : ''}`,
      overallLeadDepartmentId: overall ? departmentSampleId(overall) : null,
      leadDepartmentId: lead ? departmentSampleId(lead) : null,
      cooperatingDepartmentIds: others.slice(1).map(departmentSampleId),
      deadline: null,
      status: 'in_progress',
      closedBy: null,
      closedAt: null,
      ...meta,
    });
    measuresOf(row.rectification, row.number).forEach((item, index) => {
      const key: MeasureKey = `${row.number}:${item.label === '' ? `#${index + 1}` : item.label}`;
      const curated = measureLeads[key];
      const leadName = curated?.lead ?? lead;
      const title = firstClause(item.text);
      measures.push({
        id: sampleId(`measure:${row.number}:${index + 1}`),
        problemId,
        seq: index + 1,
        label: item.label,
        title,
        details: item.text,
        type: classifyMeasure(title, item.text),
        leadDepartmentId: leadName ? departmentSampleId(leadName) : null,
        cooperatingDepartmentIds: (curated?.cooperating ?? []).map(departmentSampleId),
        owner: '',
        deadline: null,
        status: 'in_progress',
        progress: 0,
        progressNote: '',
        progressNoteDate: null,
        indicators: (measureIndicators[key] ?? []).map(toIndicator),
        evidence: [...readEvidence(item.text), ...(measureEvidence[key] ?? []).map((e) => e.text)],
        progressLog: [],
        extensions: [],
        attachments: [],
        closedBy: null,
        closedAt: null,
        ...meta,
      });
    });
  }
  return { areas, departments, problems, measures };
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

function toIndicator(i: { name: string; target: number | null; actual: number | null; unit: string; line: number }): Indicator {
  return { name: i.name, target: i.target, actual: i.actual, unit: i.unit, source: sourceOfLine(i.line) };
}

// Lines of the seed file: 9–103 the report body, 107–140 附件1, then the units' reports.
function sourceOfLine(line: number): string {
  if (line < 107) return `报告正文（第${line}行）`;
  if (line <= 140) return `附件1（第${line}行）`;
  return `单位报告（第${line}行）`;
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

