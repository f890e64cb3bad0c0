// Checks the sample ledger against the seed report itself: counts, texts kept word for word, curated facts.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { entitySchemas } from '../model/entities.ts';
import { buildSampleLedger } from './build-sample.ts';
import { measureEvidence, measureIndicators } from './seed-curation.ts';
import { readListedDepartments } from './seed-departments.ts';
import { splitMeasures } from './seed-measures.ts';
import { readReports, readSummaryTable, splitLines, wordsOnly } from './seed-text.ts';

const seed = readFileSync(new URL('./seed-report.txt', import.meta.url), 'utf8');
const lines = splitLines(seed);
const ledger = buildSampleLedger(seed);
const rawRow = (n: number) => (lines.find((l) => l.startsWith(`${n}\t<p>`)) ?? '').split('\t');
const problem = (n: number) => ledger.problems.find((p) => p.number === n)!;
const measuresOf = (n: number) => ledger.measures.filter((m) => m.problemId === problem(n).id);
const department = (id: string | null) => ledger.departments.find((d) => d.id === id)?.name;

describe('the seed file', () => {
  it('is the source document, unchanged', () => {
    expect(createHash('sha256').update(seed).digest('hex')).toBe('17a6907bbc860b697450b57a21f31757b9b1018644df11f5a583629edde50312');
  });
});

describe('sample ledger', () => {
  it('has the 4 areas, 10 problems and the units of 附件1 and the 16 attached reports', () => {
    expect(ledger.areas.map((a) => a.name)).toEqual(['优化营商环境工作推进', '政务服务建设', '市场环境建设', '法治环境建设']);
    expect(ledger.problems.map((p) => p.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const reports = readReports(lines);
    expect(reports).toHaveLength(16);
    for (const r of reports) expect(ledger.departments.some((d) => d.fullName === r.fullName)).toBe(true);
    for (const row of readSummaryTable(lines)) {
      for (const name of readListedDepartments(row.departments).names) expect(ledger.departments.some((d) => d.name === name)).toBe(true);
    }
    expect(ledger.departments).toHaveLength(23);
  });

  it('sorts the problems into the areas the report body names them under', () => {
    const areaOf = (n: number) => ledger.areas.find((a) => a.id === problem(n).areaId)?.name;
    expect([1].map(areaOf)).toEqual(['优化营商环境工作推进']);
    expect([2, 6, 7, 8].map(areaOf)).toEqual(Array(4).fill('政务服务建设'));
    expect([3, 4, 9].map(areaOf)).toEqual(Array(3).fill('市场环境建设'));
    expect([5, 10].map(areaOf)).toEqual(Array(2).fill('法治环境建设'));
  });

  it('keeps every word of each problem’s cells, without the <p> markup', () => {
    for (const p of ledger.problems) {
      const [, description, recommendations, rectification] = rawRow(p.number);
      expect(wordsOnly(p.description)).toBe(wordsOnly(description ?? ''));
      expect(wordsOnly(p.recommendations)).toBe(wordsOnly(recommendations ?? ''));
      expect(wordsOnly(p.rectificationSummary)).toBe(wordsOnly(rectification ?? ''));
      expect(p.description).not.toMatch(/<\/?p>/);
    }
    expect(problem(2).title).toBe('职能部门工作效率、服务水平有待进一步提高');
    expect(problem(7).description).toContain('《商丘市优化营商环境条例》第7条，推行政务服务一网通办');
  });

  it('lists the articles each problem cites', () => {
    expect(problem(1).legalBasis).toEqual(['国务院《优化营商环境条例》第38条', '《河南省优化营商环境条例》第50条']);
    expect(problem(10).legalBasis).toEqual(['《河南省优化营商环境条例》第60条', '《河南省优化营商环境条例》第61条', '《商丘市优化营商环境条例》第27条']);
    expect(problem(4).legalBasis).toContain('《商丘市优化营商环境条例》第13条');
  });

  it('records the units as listed; the first other than 市政府 leads, the rest cooperate, 市政府 overall', () => {
    const p7 = problem(7);
    expect(p7.departmentsListed).toBe('市政府 市行政审批和政务信息管理局 市市场监管局 市住房城乡建设局 市自然资源和规划局等');
    expect(department(p7.overallLeadDepartmentId)).toBe('市政府');
    expect(department(p7.leadDepartmentId)).toBe('市行政审批和政务信息管理局');
    expect(p7.cooperatingDepartmentIds.map(department)).toEqual(['市市场监管局', '市住房城乡建设局', '市自然资源和规划局']);
    expect(problem(4).overallLeadDepartmentId).toBeNull();
    expect(department(problem(4).leadDepartmentId)).toBe('市金融工作局');
  });

  it('makes one measure per 一是/二是… item, per ①②③ and per 1./2. item', () => {
    expect(ledger.problems.map((p) => measuresOf(p.number).length)).toEqual([3, 4, 2, 5, 3, 6, 2, 2, 4, 2]);
    expect(measuresOf(6).map((m) => m.label)).toEqual(['一是①', '一是②', '一是③', '二是①', '二是②', '三是']);
    expect(measuresOf(5).map((m) => m.label)).toEqual(['1.', '2.', '3.']);
    expect(measuresOf(4)[4]?.title).toBe('规范涉企融资收费行为');
    // Each marker in the source text gives a measure: count the markers independently.
    const cell = rawRow(4)[3] ?? '';
    expect(cell.match(/[一二三四五]是/g)).toHaveLength(splitMeasures(problem(4).rectificationSummary).length);
  });

  it('copies each measure’s words verbatim from the problem’s 整改落实情况', () => {
    for (const m of ledger.measures) {
      const p = ledger.problems.find((x) => x.id === m.problemId)!;
      expect(wordsOnly(p.rectificationSummary)).toContain(wordsOnly(m.details));
      expect(m.details.length).toBeGreaterThan(10);
    }
  });

  it('puts each measure under the unit its words name, within the problem’s units', () => {
    expect(department(measuresOf(3)[0]!.leadDepartmentId)).toBe('市城市管理局');
    expect(department(measuresOf(3)[1]!.leadDepartmentId)).toBe('国网商丘供电公司');
    expect(department(measuresOf(10)[1]!.leadDepartmentId)).toBe('市公安局');
    for (const m of ledger.measures) {
      const p = ledger.problems.find((x) => x.id === m.problemId)!;
      expect([p.leadDepartmentId, ...p.cooperatingDepartmentIds]).toContain(m.leadDepartmentId);
    }
  });

  it('takes the documents each measure cites as its evidence', () => {
    const p3 = measuresOf(3)[1]!;
    expect(p3.evidence).toContain('《配电故障抢修快速响应机制》');
    expect(measuresOf(1)[2]!.evidence).toContain('《商丘市优化营商环境攻坚领导小组及各专项攻坚组名单》（商营商攻坚办〔2021〕1号）');
    for (const m of ledger.measures) for (const e of m.evidence) expect(e).not.toMatch(/条例》$/);
  });

  it('quotes every curated indicator and document from the seed line it names', () => {
    for (const list of [...Object.values(measureIndicators), ...Object.values(measureEvidence)]) {
      for (const item of list) expect(lines[item.line - 1]).toContain(item.quote);
    }
    for (const [key, list] of Object.entries(measureIndicators)) {
      for (const i of list) expect(wordsOnly(i.quote)).toContain(String(i.actual));
      const [n, label] = key.split(':');
      const m = measuresOf(Number(n)).find((x, index) => (x.label || `#${index + 1}`) === label)!;
      for (const i of list.filter((x) => x.line >= 107 && x.line <= 140)) expect(wordsOnly(m.details)).toContain(wordsOnly(i.quote));
    }
  });

  it('keeps each of the seed’s different figures for 一网通办率 with its source', () => {
    const rates = measuresOf(7)[0]!.indicators.filter((i) => i.name === '一网通办率');
    expect(rates.map((r) => [r.actual, r.source])).toEqual([
      [99.9, '附件1（第130行）'],
      [100, '报告正文（第37行）'],
      [99, '单位报告（第1046行）'],
    ]);
  });

  it('gives valid records with ids that are the same on every build', () => {
    for (const [entity, records] of [['area', ledger.areas], ['department', ledger.departments], ['problem', ledger.problems], ['measure', ledger.measures]] as const) {
      for (const r of records) expect(entitySchemas[entity].safeParse(r).success).toBe(true);
    }
    expect(buildSampleLedger(seed).measures.map((m) => m.id)).toEqual(ledger.measures.map((m) => m.id));
  });
});
