// 每月通报, 附件1 and the 整改情况报告 pinned on the sample ledger (202 measures as of 2022-11-02), and on the
// sample changed the way a month changes it: a measure closed, an extension decided, a 督办 issued, a lead moved.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ledgerTable } from '../csv/ledger-table.ts';
import { createTranslator } from '../i18n/translate.ts';
import type { Measure } from '../model/measure.ts';
import { setRole } from '../model/problem.ts';
import { buildSampleLedger } from '../sample/build-sample.ts';
import { computeAnnex } from './annex.ts';
import { computeBulletin, monthDays } from './bulletin.ts';
import { computeRectification } from './rectification.ts';
import { overallText } from './rectification-doc.ts';

const t = createTranslator('zh-CN');
const sample = buildSampleLedger(readFileSync(new URL('../sample/seed-report.txt', import.meta.url), 'utf8'));
const ledger = sample.ledgerInfo[0]!.title;
const later = '2022-11-20T02:00:00.000Z';
const find = (title: string) => sample.measures.find((m) => m.title === title)!;
const change = (id: string, patch: Partial<Measure>) => ({ ...sample, measures: sample.measures.map((m) => (m.id === id ? { ...m, updatedAt: later, ...patch } : m)) });

describe('the monthly bulletin on the sample ledger', () => {
  const b = computeBulletin(sample, { month: '2022-11', asOf: '2022-11-02', number: 1, ledger });

  it('gives the overall progress, the first issue with no change to report', () => {
    expect(b.overall).toEqual({ problems: 10, measures: 202, done: 26, closed: 0, overdue: 1, red: 1, rate: 26 / 202 });
    expect(b.change).toBeNull();
    expect([b.number, b.month, b.asOf, b.ledger]).toEqual([1, '2022-11', '2022-11-02', '商丘市优化营商环境执法检查问题整改台账']);
  });

  it('ranks the lead units by completion, as the dashboard does', () => {
    expect(b.units.slice(0, 4).map((u) => [u.rank, u.name, u.measures, u.done, u.overdue])).toEqual([
      [1, '市中级人民法院', 1, 1, 0],
      [2, '市自然资源和规划局', 32, 9, 0],
      [3, '市市场监管局', 18, 5, 0],
      [4, '市住房城乡建设局', 24, 5, 0],
    ]);
    expect(b.units.reduce((n, u) => n + u.measures, 0)).toBe(202);
    expect(b.units.map((u) => u.rank)).toEqual(b.units.map((_, i) => i + 1));
  });

  it('lists the red measure with its days overdue, and the units that missed the month’s dispatch', () => {
    expect(b.red).toEqual([{ problemNumber: 9, measure: '（二）二是为企业用工提供平台', unit: '市人力资源社会保障局', deadline: '2022-09-30', daysOverdue: 33 }]);
    expect(b.unreported.map((u) => u.unit)).toContain('市金融工作局');
    expect(b.unreported.every((u) => u.weeks.join() === '2022-W44')).toBe(true);
    expect([b.closed, b.extensions, b.notices]).toEqual([[], [], []]);
  });

  it('counts the month’s closings, decided extensions and open 督办, and the change since the last issue', () => {
    const red = find('为企业用工提供平台');
    const done = sample.measures.find((m) => m.status === 'completed')!;
    let records = change(done.id, { status: 'closed', closedBy: '协调员', closedAt: '2022-11-15T03:00:00.000Z' });
    records = { ...records, measures: records.measures.map((m) => (m.id === red.id ? { ...m, updatedAt: later, extensions: [{ id: '01J0000000000000000000000A', requestedDeadline: '2022-12-31', reason: '用工平台建设中', requestedBy: '人社局', requestedAt: '2022-11-10T01:00:00.000Z', decision: 'refused' as const, decidedBy: '协调员', decidedAt: '2022-11-12T01:00:00.000Z' }], notices: [{ id: '01J0000000000000000000000B', number: '督办〔2022〕1112-1', level: 'supervise' as const, asked: '说明逾期原因', replyBy: '2022-11-25', by: '协调员', at: '2022-11-12T02:00:00.000Z' }] } : m)) };
    const next = computeBulletin(records, { month: '2022-11', number: 2, ledger, previous: b });
    expect(next.asOf).toBe('2022-11-30');
    expect(next.closed.map((c) => [c.measure, c.closedOn])).toEqual([[`${done.label}${done.title}`, '2022-11-15']]);
    expect(next.extensions.map((e) => [e.measure, e.approved, e.decidedOn])).toEqual([[`${red.label}${red.title}`, false, '2022-11-12']]);
    expect(next.notices.map((n) => [n.number, n.level, n.daysOverdue])).toEqual([['督办〔2022〕1112-1', 'key', 5]]);
    expect(next.red[0]?.daysOverdue).toBe(61);
    expect(next.change).toEqual({ number: 1, done: 0, closed: 1, overdue: next.overall.overdue - 1, rate: 0 });
    // The month's weeks: W44 to W48 (the week of 11-28 runs into December).
    expect(next.unreported.find((u) => u.unit === '市金融工作局')?.weeks).toEqual(['2022-W44', '2022-W45', '2022-W46', '2022-W47', '2022-W48']);
  });

  it('knows a month’s days and refuses a month that is none', () => {
    expect(monthDays('2024-02')).toEqual({ start: '2024-02-01', end: '2024-02-29' });
    expect(monthDays('2022-12')).toEqual({ start: '2022-12-01', end: '2022-12-31' });
    expect(monthDays('2022-13')).toBeNull();
    expect(() => computeBulletin(sample, { month: '11/2022', number: 1, ledger })).toThrow();
  });
});

describe('附件1 from the live ledger', () => {
  const rows = computeAnnex(sample, t);
  const second = rows[1]!;

  it('composes 整改落实情况 from the measures (text, status, latest progress, evidence) and 责任单位 from the roles', () => {
    expect(rows.map((r) => r.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(second.rectification.split('\n')[3]).toBe('四是深化工程建设项目审批制度改革（整改中）佐证材料：《商丘市工程建设项目审批制度改革实施方案》（商政办〔2019〕35号）');
    expect(rows.flatMap((r) => r.rectification.split('\n'))).toContain('（一）一是加强企业帮扶指导（长期坚持）最新进展（2022-11-02）：每月组织开展“企业帮扶周”活动');
    expect(second.units).toBe('牵头：市政府、市行政审批和政务信息管理局\n配合：市自然资源和规划局、市住房城乡建设局、市生态环境局、市发展改革委');
    expect(rows.reduce((n, r) => n + r.rectification.split('\n').length, 0)).toBe(202);
  });

  it('changes exactly where a measure is completed and a lead is moved; a hand-written summary stays', () => {
    const problem = sample.problems[1]!;
    const measure = sample.measures.find((m) => m.problemId === problem.id && m.title === '深化工程建设项目审批制度改革')!;
    const moved = setRole(problem, problem.cooperatingDepartmentIds[0]!, 'lead');
    const changed = { ...change(measure.id, { status: 'completed', progress: 100 }), problems: sample.problems.map((p) => (p.id === problem.id ? { ...p, ...moved } : p)) };
    const before = ledgerTable(sample, 'summary', t).rows;
    const after = ledgerTable(changed, 'summary', t).rows;
    const differs = before.flatMap((row, r) => row.flatMap((cell, c) => (cell === after[r]![c] ? [] : [[r, c]])));
    expect(differs).toEqual([
      [1, 3],
      [1, 4],
    ]);
    expect(String(after[1]![3]).split('\n')[3]).toMatch(/^四是深化工程建设项目审批制度改革（已完成）/);
    expect(after[1]![4]).toBe('牵头：市政府、市自然资源和规划局\n配合：市住房城乡建设局、市生态环境局、市行政审批和政务信息管理局、市发展改革委');
    const byHand = computeAnnex({ ...changed, problems: changed.problems.map((p) => (p.id === problem.id ? { ...p, summaryByHand: true } : p)) }, t);
    expect(byHand[1]!.rectification).toBe(problem.rectificationSummary);
    expect(byHand[1]!.units).toBe(after[1]![4]);
  });
});

describe('整改情况报告: 总体推进情况', () => {
  const r = computeRectification(sample, sample.ledgerInfo[0]!, '2022-11-02');

  it('counts what the ledger can give, with the report’s own figures beside them', () => {
    expect(r.counts).toEqual({
      areas: 4,
      problems: 10,
      recommendations: 10,
      reviewOpinions: 0,
      measures: 202,
      byType: { policy: 28, campaign: 28, mechanism: 52, other: 94 },
      units: 18,
      done: 26,
      closed: 0,
      inProgress: 166,
      ongoing: 10,
      overdue: 1,
      rate: 26 / 202,
    });
    expect(r.reported.policies).toBe('已出台整改政策措施56项');
    expect(overallText(r, t)).toContain('台账共列整改措施 202 项，由 18 家责任单位牵头，其中政策措施 28 项、专项整治 28 项、机制制度 52 项、其他 94 项');
    expect([r.title, r.addressee, r.basis?.number]).toEqual(['商丘市人民政府关于优化营商环境执法检查问题整改情况的报告', '商丘市人大常委会', '商人常办〔2022〕27号']);
  });

  it('groups the problems by area and names the units whose own reports are attached', () => {
    expect(r.areas.map((a) => [a.name, a.problems.length])).toEqual([
      ['优化营商环境工作推进', 1],
      ['政务服务建设', 4],
      ['市场环境建设', 3],
      ['法治环境建设', 2],
    ]);
    expect(r.units.map((u) => u.name)).not.toContain('市政府');
    expect(r.units.map((u) => u.name)).toContain('市发展改革委');
    expect(r.units.reduce((n, u) => n + u.measures, 0)).toBeLessThan(202);
  });
});
