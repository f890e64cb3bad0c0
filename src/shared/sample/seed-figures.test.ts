// Checks the sample's documents and figures against the seed: every document number is evidence or a source
// document of the ledger, every disagreeing figure is kept with its source, and the report's own counts
// (报告口径) stand on the ledger with the line that states each.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildSampleLedger } from './build-sample.ts';
import { seedDocuments, seedFigures } from './seed-ledger-info.ts';
import { readNumbers } from './seed-measures.ts';
import { cleanText, readReports, splitLines, wordsOnly } from './seed-text.ts';

const seed = readFileSync(new URL('./seed-report.txt', import.meta.url), 'utf8');
const lines = splitLines(seed);
const ledger = buildSampleLedger(seed);
const [info] = ledger.ledgerInfo;
const indicators = ledger.measures.flatMap((m) => m.indicators.map((i) => ({ ...i, measure: m })));
const figures = (name: string) => indicators.filter((i) => i.name === name).map((i) => [i.actual, i.source]);

describe('documents', () => {
  it('has every document number the seed cites as a measure’s evidence, or as a document of the ledger', () => {
    const cited = new Set(lines.flatMap((l) => readNumbers(cleanText(l))));
    expect(cited.size).toBe(19);
    const evidence = ledger.measures.flatMap((m) => m.evidence).join('\n');
    const ofLedger = info!.documents.map((d) => d.number).filter((n) => n !== '');
    expect(ofLedger).toEqual(['商人常审〔2021〕13号', '商人常办〔2022〕27号']);
    for (const number of cited) expect(evidence.includes(number) || ofLedger.includes(number), number).toBe(true);
  });

  it('records the documents the ledger rests on, as the seed names them', () => {
    expect(info!.title).toBe('商丘市优化营商环境执法检查问题整改台账');
    for (const d of seedDocuments) {
      const text = wordsOnly(d.lines.map((n) => lines[n - 1]).join('')).replace(/〈|〉|《|》/g, '');
      expect(text, d.title).toContain(wordsOnly(d.title).replace(/〈|〉|《|》/g, '').slice(-30));
      if (d.number) expect(d.lines.some((n) => readNumbers(cleanText(lines[n - 1] ?? '')).includes(d.number))).toBe(true);
    }
    expect(info!.documents.find((d) => d.issuer === '商丘市人民政府')?.date).toBe('2022-11-02');
  });
});

describe('figures', () => {
  it('keeps every figure the report gives differently for one indicator, each with its source', () => {
    expect(figures('双随机抽查次数')).toEqual(expect.arrayContaining([[349, '附件1 汇总表（第124行）'], [592, '报告正文（第67行）'], [349, '附件13 商丘市市场监督管理局报告（第962行）']]));
    expect(figures('部门联合抽查次数')).toEqual(expect.arrayContaining([[56, '附件1 汇总表（第124行）'], [142, '报告正文（第67行）']]));
    expect(figures('市级政务服务事项网上可办')).toEqual([[2126, '附件1 汇总表（第130行）'], [2135, '报告正文（第37行）']]);
    expect(figures('不见面审批占比')).toEqual(expect.arrayContaining([[90, '附件1 汇总表（第130行）'], [100, '报告正文（第37行）'], [99.68, '附件15 商丘市行政审批和政务信息管理局报告（第1066行）']]));
    expect(figures('一窗分类受理率')).toEqual([[100, '附件1 汇总表（第130行）'], [100, '报告正文（第37行）']]);
    expect(figures('“万人助万企”平台注册企业')).toEqual([[2.14, '报告正文（第53行）'], [2.1, '附件4 商丘市工业和信息化局报告（第276行）']]);
    expect(figures('为企业解决融资贷款')).toEqual([[180.28, '报告正文（第55行）'], [162.4, '附件4 商丘市工业和信息化局报告（第274行）']]);
    expect(figures('企业开办时间').map(([v]) => v)).toEqual([1, 0.5]);
  });

  it('keeps the targets beside what was reached', () => {
    const pair = (name: string) => indicators.filter((i) => i.name === name).map((i) => [i.target, i.actual]);
    expect(pair('科技型中小企业入库（省定目标）')).toEqual([[320, 375]]);
    expect(pair('新增转移农村劳动力')).toEqual([[5, 5.52]]);
    expect(pair('返乡农民工自主创业担保贷款')).toEqual([[3.66, 3.01]]);
    expect(pair('部门联合抽查比率')).toEqual([[30, null]]);
    expect(pair('新增省级及以上研发平台')).toEqual([[20, null]]);
  });

  it('puts a figure on the measure whose lines state it, unless marked as stated elsewhere', () => {
    for (const i of indicators) {
      const line = Number(/第(\d+)行/.exec(i.source)?.[1]);
      const ranges = [...i.measure.source.matchAll(/第(\d+)(?:–(\d+))?行/g)].map((m) => [Number(m[1]), Number(m[2] ?? m[1])]);
      const inside = ranges.some(([from, to]) => line >= from! && line <= to!);
      if (!inside) expect([130, 37, 1046, 211, 426, 430, 438, 906, 924, 992, 378], `${i.name} ${i.source} on ${i.measure.title}`).toContain(line);
    }
    // The one-working-day figure of line 43 belongs to the body's 不动产登记 item, not to 6:一是① (综合受理).
    const oneDay = indicators.filter((i) => i.name === '不动产登记办结时限').map((i) => [i.source, i.measure.title]);
    expect(oneDay).toEqual([
      ['报告正文（第43行）', '持续推进不动产登记交易“一网通办”平台建设'],
      ['附件8 商丘市自然资源和规划局报告（第604行）', '全面压缩办事时限、流程'],
    ]);
  });

  it('names the unit in every source and gives every figure the day it stands at', () => {
    const reports = readReports(lines);
    for (const i of indicators) {
      expect(i.source).toMatch(/^(报告正文|附件1 汇总表|附件\d+ .+报告)（第\d+行）$/);
      const n = /^附件(\d+) (.+)报告/.exec(i.source);
      if (n && n[1] !== '1') expect(reports.find((r) => r.attachment === Number(n[1]))?.fullName).toBe(n[2]);
      expect(i.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    expect(indicators.find((i) => i.name === '全市金融机构各项贷款余额')?.asOf).toBe('2022-07-31');
    expect(indicators.find((i) => i.name === '一网通办率')?.asOf).toBe('2022-11-02');
  });
});

describe('the report’s own figures (报告口径)', () => {
  it('stands on the ledger with the words and the line that state each', () => {
    expect(info!.reportedFigures).toHaveLength(seedFigures.length);
    seedFigures.forEach((f, index) => {
      expect(lines[f.line - 1], f.name).toContain(f.quote);
      expect(wordsOnly(f.quote)).toContain(String(f.value));
      expect(info!.reportedFigures[index]).toMatchObject({ key: f.key, value: f.value, quote: cleanText(f.quote) });
      expect(info!.reportedFigures[index]!.source).toMatch(/（第\d+行）$/);
    });
    const headline = Object.fromEntries(info!.reportedFigures.filter((f) => f.source === '报告正文（第13行）' && f.key !== '').map((f) => [f.key, f.value]));
    expect(headline).toEqual({ areas: 4, problems: 10, recommendations: 19, reviewOpinions: 4, policies: 56, campaigns: 22, mechanisms: 13 });
    const byKey = (key: string) => info!.reportedFigures.filter((f) => f.key === key).map((f) => [f.value, f.source]);
    expect(byKey('rectifiedItems')).toEqual([[779, '报告正文（第27行）']]);
    expect(byKey('responsibilityItems')).toEqual([[1100, '报告正文（第21行）'], [1150, '附件2 商丘市发展和改革委员会报告（第155行）']]);
    expect(byKey('responsibleUnits')).toEqual([[56, '报告正文（第21行）']]);
    expect(byKey('bulletins')).toEqual([[28, '报告正文（第25行）']]);
  });
});
