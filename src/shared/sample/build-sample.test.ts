// Checks the sample ledger against the seed report itself: counts, texts kept word for word, curated facts.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { entitySchemas } from '../model/entities.ts';
import { getRole, isReportedRole } from '../model/problem.ts';
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
const summaryMeasuresOf = (n: number) => measuresOf(n).filter((m) => m.source.startsWith('附件1 '));
const department = (id: string | null) => ledger.departments.find((d) => d.id === id)?.name;
const unit = (name: string) => ledger.departments.find((d) => d.name === name)!;

describe('the seed file', () => {
  it('is the source document, unchanged', () => {
    expect(createHash('sha256').update(seed).digest('hex')).toBe('17a6907bbc860b697450b57a21f31757b9b1018644df11f5a583629edde50312');
  });
});

describe('sample ledger', () => {
  it('has the 4 areas, 10 problems, the 22 units of 附件1, the 16 reporting units, the units above and the counties', () => {
    expect(ledger.areas.map((a) => a.name)).toEqual(['优化营商环境工作推进', '政务服务建设', '市场环境建设', '法治环境建设']);
    expect(ledger.problems.map((p) => p.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const reports = readReports(lines);
    expect(reports).toHaveLength(16);
    for (const r of reports) expect(ledger.departments.some((d) => d.fullName === r.fullName)).toBe(true);
    const listed = new Set(readSummaryTable(lines).flatMap((row) => readListedDepartments(row.departments).names));
    expect(listed.size).toBe(22);
    for (const name of listed) expect(ledger.departments.some((d) => d.name === name)).toBe(true);
    expect(ledger.departments.filter((d) => d.level === 'county').map((d) => d.name)).toEqual(['永城市', '夏邑县', '虞城县', '柘城县', '宁陵县', '睢县', '民权县', '梁园区', '睢阳区', '示范区']);
    expect(ledger.departments).toHaveLength(39);
  });

  it('marks the coordinating office and the supervising bodies, and gives the court and procuratorate their full names', () => {
    expect(ledger.departments.filter((d) => d.kind === 'coordinating').map((d) => d.name)).toEqual(['市营商办']);
    expect(ledger.departments.filter((d) => d.kind === 'supervising').map((d) => d.name)).toEqual(['市人大常委会', '市纪委监委', '市政府督查室']);
    expect(unit('市中级人民法院').fullName).toBe('商丘市中级人民法院');
    expect(unit('市检察院').fullName).toBe('商丘市人民检察院');
    expect(unit('市人大常委会').level).toBe('congress');
    expect(unit('市营商办').note).toContain('建立问题整改台账');
    expect(unit('市交通运输局').note).toContain('未回应附件1的任何问题');
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

  it('makes one measure per 一是/二是… item, per ①②③ and per 1./2. item of 附件1', () => {
    expect(ledger.problems.map((p) => summaryMeasuresOf(p.number).length)).toEqual([3, 4, 2, 5, 3, 6, 2, 2, 4, 2]);
    expect(summaryMeasuresOf(6).map((m) => m.label)).toEqual(['一是①', '一是②', '一是③', '二是①', '二是②', '三是']);
    expect(summaryMeasuresOf(5).map((m) => m.label)).toEqual(['1.', '2.', '3.']);
    expect(summaryMeasuresOf(4)[4]?.title).toBe('规范涉企融资收费行为');
    // Each marker in the source text gives a measure: count the markers independently.
    const cell = rawRow(4)[3] ?? '';
    expect(cell.match(/[一二三四五]是/g)).toHaveLength(splitMeasures(problem(4).rectificationSummary).length);
  });

  it('titles a measure with its words, neither run on nor cut', () => {
    expect(summaryMeasuresOf(1)[0]!.title).toBe('大力开展《优化营商环境条例》宣传');
    expect(summaryMeasuresOf(6)[4]!.title).toBe('主动对接，积极推动实现网上缴税');
    for (const m of ledger.measures) {
      expect(m.title).not.toMatch(/…$|[，、；：]$/);
      expect(m.title.length).toBeGreaterThanOrEqual(4);
    }
  });

  it('copies each measure’s words verbatim from the seed lines it names as its source', () => {
    for (const m of ledger.measures) {
      const [, from, to] = /第(\d+)(?:–(\d+))?行/.exec(m.source) ?? [];
      const words = wordsOnly(lines.slice(Number(from) - 1, Number(to ?? from)).join(''));
      expect(words).toContain(wordsOnly(m.details));
      expect(m.details.length).toBeGreaterThan(10);
    }
    for (const m of summaryMeasuresOf(3)) expect(wordsOnly(problem(3).rectificationSummary)).toContain(wordsOnly(m.details));
  });

  it('puts each measure under a unit holding a role on its problem: listed in 附件1, or 涉及 and marked as read from a report', () => {
    expect(department(summaryMeasuresOf(3)[0]!.leadDepartmentId)).toBe('市城市管理局');
    expect(department(summaryMeasuresOf(3)[1]!.leadDepartmentId)).toBe('国网商丘供电公司');
    expect(department(summaryMeasuresOf(10)[1]!.leadDepartmentId)).toBe('市公安局');
    for (const m of ledger.measures) {
      const p = ledger.problems.find((x) => x.id === m.problemId)!;
      for (const id of [m.leadDepartmentId!, ...m.cooperatingDepartmentIds]) {
        const listed = [p.overallLeadDepartmentId, p.leadDepartmentId, ...p.cooperatingDepartmentIds].includes(id);
        expect(getRole(p, id)).not.toBeNull();
        expect(isReportedRole(p, id)).toBe(!listed);
      }
    }
    for (const p of ledger.problems) expect(p.reportedRoleDepartmentIds).toEqual(p.involvedDepartmentIds);
    expect(problem(2).involvedDepartmentIds.map(department)).toEqual(['市发展改革委']);
    expect(problem(1).involvedDepartmentIds.map(department)).toEqual(['市营商办', '市纪委监委']);
    expect(problem(8).involvedDepartmentIds.map(department)).toEqual(['梁园区', '睢阳区', '示范区', '市不动产登记交易中心']);
  });

  it('takes the documents each measure cites as its evidence, with their numbers', () => {
    expect(summaryMeasuresOf(3)[1]!.evidence).toContain('《配电故障抢修快速响应机制》');
    expect(summaryMeasuresOf(1)[2]!.evidence).toContain('《商丘市优化营商环境攻坚领导小组及各专项攻坚组名单》（商营商攻坚办〔2021〕1号）');
    // The notice is cited without its number here and listed once, with the number another line gives.
    const notice = summaryMeasuresOf(1)[1]!.evidence.filter((e) => e.includes('惠企纾困工作促进经济平稳健康发展的通知'));
    expect(notice).toEqual(['《商丘市人民政府办公室关于进一步做好惠企纾困工作促进经济平稳健康发展的通知》（商政办〔2022〕14号）']);
    // A jointly issued document keeps the space between its issuers.
    expect(summaryMeasuresOf(10)[0]!.evidence).toContain('《商丘市人民政府 商丘市中级人民法院关于建立商丘市常态化府院联动工作机制的通知》');
    for (const m of ledger.measures) {
      for (const e of m.evidence) expect(e).not.toMatch(/条例》$|人民政府商丘市中级|日报》$|许可证》$/);
      expect(new Set(m.evidence).size).toBe(m.evidence.length);
    }
  });

  it('quotes every curated indicator and document of 附件1’s measures from the seed line it names', () => {
    for (const list of [...Object.values(measureIndicators), ...Object.values(measureEvidence)]) {
      for (const item of list) expect(lines[item.line - 1]).toContain(item.quote);
    }
    for (const [key, list] of Object.entries(measureIndicators)) {
      for (const i of list) expect(wordsOnly(i.quote)).toContain(String(i.actual));
      const [n, label] = key.split(':');
      const m = summaryMeasuresOf(Number(n)).find((x, index) => (x.label || `#${index + 1}`) === label)!;
      for (const i of list.filter((x) => x.line >= 107 && x.line <= 140)) expect(wordsOnly(m.details)).toContain(wordsOnly(i.quote));
    }
  });

  it('keeps each of the seed’s different figures for 一网通办率 with its source, naming the unit', () => {
    const rates = summaryMeasuresOf(7)[0]!.indicators.filter((i) => i.name === '一网通办率');
    expect(rates.map((r) => [r.actual, r.source])).toEqual([
      [99.9, '附件1 汇总表（第130行）'],
      [100, '报告正文（第37行）'],
      [99, '附件15 商丘市行政审批和政务信息管理局报告（第1046行）'],
    ]);
  });

  it('gives valid records with ids that are the same on every build', () => {
    for (const [entity, records] of [['area', ledger.areas], ['department', ledger.departments], ['problem', ledger.problems], ['measure', ledger.measures], ['ledgerInfo', ledger.ledgerInfo]] as const) {
      for (const r of records) expect(entitySchemas[entity].safeParse(r).success).toBe(true);
    }
    const again = buildSampleLedger(seed);
    expect(again.measures.map((m) => m.id)).toEqual(ledger.measures.map((m) => m.id));
    expect(again.measures.flatMap((m) => m.progressLog.map((e) => e.id))).toEqual(ledger.measures.flatMap((m) => m.progressLog.map((e) => e.id)));
    expect(new Set(ledger.measures.map((m) => m.id)).size).toBe(ledger.measures.length);
  });
});
