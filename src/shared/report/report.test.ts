// The report's figures pinned on the sample ledger (the seed's 202 measures as of its report day, 2022-11-02)
// and on edge cases: no deadline, 长期坚持, deleted records, a unit with no measures, a week with no notes.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { LedgerRecords } from '../csv/lookups.ts';
import { entityDefaults } from '../model/entities.ts';
import type { Measure } from '../model/measure.ts';
import { buildSampleLedger } from '../sample/build-sample.ts';
import { computeDashboard } from './dashboard.ts';
import { computeFacts, selectIds } from './facts.ts';
import { computeWeekly } from './weekly.ts';
import { parseWeek, weekOf } from './weeks.ts';

const sample = buildSampleLedger(readFileSync(new URL('../sample/seed-report.txt', import.meta.url), 'utf8'));
const counts = (figures: Record<string, { count: number }>) => Object.fromEntries(Object.entries(figures).map(([k, f]) => [k, f.count]));

describe('the dashboard on the sample ledger', () => {
  const d = computeDashboard(sample, { asOf: '2022-11-02' });

  it('counts problems, measures, statuses and lights as the seed reports them', () => {
    expect(d.problems).toBe(10);
    expect(d.measures.count).toBe(202);
    expect(counts(d.byStatus)).toEqual({ not_started: 0, in_progress: 166, completed: 26, closed: 0, ongoing: 10 });
    expect(counts(d.byLight)).toEqual({ red: 1, yellow: 0, green: 3, undated: 162, awaiting: 26, closed: 0, ongoing: 10 });
    expect(d.overdue.count).toBe(1);
  });

  it('gives the completion rate, and the same without 长期坚持', () => {
    expect(d.completion.done.count).toBe(26);
    expect(d.completion.rate).toBeCloseTo(26 / 202);
    expect(d.completionExcludingOngoing.total.count).toBe(192);
    expect(d.completionExcludingOngoing.rate).toBeCloseTo(26 / 192);
  });

  it('ranks the units by completion, lead and cooperating apart, and names those that did not report', () => {
    const unit = d.departments.find((u) => u.name === '市自然资源和规划局');
    expect(unit && [unit.lead.measures.count, unit.lead.done.count, unit.cooperate.measures.count, unit.cooperate.done.count]).toEqual([32, 9, 5, 1]);
    const rates = d.departments.map((u) => u.lead.rate ?? -1);
    expect(rates).toEqual([...rates].sort((a, b) => b - a));
    expect(d.unreported.map((u) => u.name).sort()).toEqual(['国网商丘供电公司', '市城市管理局', '市应急局', '市政府', '市税务局', '市科技局', '市营商办', '市财政局', '市金融工作局'].sort());
    expect(d.unreported.find((u) => u.name === '市金融工作局')?.active.count).toBe(13);
  });

  it('sums by area to the whole, and every figure counts exactly the rows its selection picks', () => {
    expect(d.areas.map((a) => [a.label, a.total.count, a.done.count])).toEqual([
      ['优化营商环境工作推进', 50, 3],
      ['政务服务建设', 88, 15],
      ['市场环境建设', 31, 0],
      ['法治环境建设', 33, 8],
    ]);
    const query = { asOf: '2022-11-02' };
    const figures = [d.measures, d.overdue, d.dueSoon, d.completion.done, d.completionExcludingOngoing.total, d.completionExcludingOngoing.done, d.extensionsPending, ...Object.values(d.byStatus), ...Object.values(d.byLight), d.areas[1]!.done, d.departments[1]!.cooperate.measures, d.departments[1]!.lead.byLight.green, ...d.unreported.map((u) => u.active)];
    for (const figure of figures) {
      expect(selectIds(sample, query, figure.selection)).toHaveLength(figure.count);
    }
  });

  it('recomputes as of another day: the notes not yet written, more red later', () => {
    // Loaded today, as a device loads the sample: the report's notes (dated 2022-11-02) say how it stood.
    const loaded = { ...sample, measures: sample.measures.map((m) => ({ ...m, updatedAt: '2026-12-01T10:00:00+08:00' })) };
    const before = computeDashboard(loaded, { asOf: '2022-10-30' });
    expect(before.measures.count).toBe(202);
    expect(before.unreported).toHaveLength(18); // the 19 lead units but one with all its measures done
    expect(computeDashboard(loaded, { asOf: '2022-11-02' }).byStatus.completed.count).toBe(26);
    const later = computeDashboard(sample, { asOf: '2023-06-30' });
    expect(later.overdue.count).toBeGreaterThan(d.overdue.count);
    expect(d.trend.at(-1)).toMatchObject({ week: '2022-W44', date: '2022-11-02', done: 26, total: 202 });
  });

  it('narrows to an area or a department', () => {
    const area = d.areas[0]!;
    expect(computeDashboard(sample, { asOf: '2022-11-02', areaId: area.id }).measures.count).toBe(area.total.count);
    const unit = d.departments.find((u) => u.name === '市自然资源和规划局')!;
    expect(computeDashboard(sample, { asOf: '2022-11-02', departmentId: unit.departmentId }).measures.count).toBe(37);
  });
});

describe('the weekly dispatch on the sample ledger', () => {
  it('lists 2022-W44 by unit, those that did not report first, the same units as the dashboard', () => {
    const w = computeWeekly(sample, parseWeek('2022-W44')!, { today: '2026-12-02' });
    expect(w.asOf).toBe('2022-11-06');
    expect(w.totals).toEqual({ units: 19, reported: 10, unreported: 9, measures: 202, notes: 36 });
    expect(w.units.slice(0, 9).every((u) => !u.reported)).toBe(true);
    const dashboard = computeDashboard(sample, { asOf: '2022-11-06' });
    expect(w.units.filter((u) => !u.reported).map((u) => u.name).sort()).toEqual(dashboard.unreported.map((u) => u.name).sort());
  });

  it('has no notes and no units reported in a week without notes', () => {
    const w = computeWeekly(sample, parseWeek('2022-W46')!, { today: '2026-12-02' });
    expect(w.totals.notes).toBe(0);
    expect(w.totals.reported).toBe(0);
  });
});

// A small hand-made ledger for the edge cases.
const meta = { createdAt: '2022-10-01T09:00:00+08:00', createdBy: 'x', updatedAt: '2022-10-01T09:00:00+08:00', updatedBy: 'x', rev: 1 };
const dept = (id: string, name: string) => ({ id, name, shortName: '', fullName: '', level: 'municipal' as const, kind: 'responsible' as const, note: '', ...meta });
const measure = (id: string, fields: Partial<Measure>): Measure => ({ ...(entityDefaults.measure as Measure), id, problemId: 'p1', seq: 1, title: id, leadDepartmentId: 'd1', ...meta, ...fields });
function ledger(measures: Measure[]): LedgerRecords {
  return {
    areas: [{ id: 'a1', seq: 1, name: '方面一', ...meta }],
    departments: [dept('d1', '甲局'), dept('d2', '乙局'), dept('d3', '无措施局')],
    problems: [{ ...(entityDefaults.problem as LedgerRecords['problems'][number]), id: 'p1', number: 1, areaId: 'a1', title: '问题一', ...meta }],
    measures,
  };
}

describe('edge cases', () => {
  it('a measure without a deadline is never overdue nor due soon; 长期坚持 never overdue and apart in the rate', () => {
    const d = computeDashboard(ledger([measure('m1', { deadline: null }), measure('m2', { status: 'ongoing', deadline: '2022-10-05' }), measure('m3', { status: 'completed', deadline: '2022-10-05' })]), { asOf: '2022-11-02' });
    expect([d.overdue.count, d.dueSoon.count]).toEqual([0, 0]);
    expect(d.completion.rate).toBeCloseTo(1 / 3);
    expect(d.completionExcludingOngoing.rate).toBeCloseTo(1 / 2);
  });

  it('a unit with no measures is listed with nothing, ranked last; it is not 未报送', () => {
    const d = computeDashboard(ledger([measure('m1', { deadline: '2022-11-03' })]), { asOf: '2022-11-02' });
    const none = d.departments.find((u) => u.name === '无措施局');
    expect(none).toMatchObject({ lead: { rate: null, measures: { count: 0 } }, daysSinceNote: null, reported: true });
    expect(d.departments.at(-1)?.lead.rate).toBeNull();
    expect(d.unreported.map((u) => u.name)).toEqual(['甲局']);
    expect(d.dueSoon.count).toBe(1);
  });

  it('a deleted measure or one under a deleted problem counts nowhere; the audit trail brings back one deleted later', () => {
    const records = ledger([measure('m1', {}), measure('orphan', { problemId: 'gone' })]);
    expect(computeDashboard(records, { asOf: '2022-11-02' }).measures.count).toBe(1);
    const deleted = measure('m2', { status: 'completed' });
    const audit = [{ seq: 9, receivedAt: '2022-11-10T10:00:00+08:00', entity: 'measure' as const, recordId: 'm2', op: 'delete' as const, field: '*', oldValue: deleted }];
    expect(computeDashboard(records, { asOf: '2022-11-02', audit }).measures.count).toBe(2);
    expect(computeDashboard(records, { asOf: '2022-11-12', audit }).measures.count).toBe(1);
  });

  it('reads a past status from the notes, and from the audit trail where at hand', () => {
    const note = (id: string, date: string, status: Measure['status']) => ({ id, date, text: id, progress: null, status, by: '张三', at: `${date}T10:00:00+08:00` });
    const m = measure('m1', { status: 'completed', updatedAt: '2022-11-20T10:00:00+08:00', progressLog: [note('n1', '2022-11-01', 'in_progress'), note('n2', '2022-11-18', 'completed')] });
    const facts = (asOf: string) => computeFacts(ledger([m]), { asOf }).facts[0]?.status;
    expect([facts('2022-11-02'), facts('2022-11-19')]).toEqual(['in_progress', 'completed']);
    const plain = measure('m2', { status: 'completed', updatedAt: '2022-11-20T10:00:00+08:00' });
    const audit = [{ seq: 3, receivedAt: '2022-11-20T10:00:00+08:00', entity: 'measure' as const, recordId: 'm2', op: 'update' as const, field: 'status', oldValue: 'in_progress' }];
    expect(computeFacts(ledger([plain]), { asOf: '2022-11-02', audit }).facts[0]?.status).toBe('in_progress');
  });

  it('reads a change on the day it was made in the ledger\'s time (UTC+8), however its stamp is written', () => {
    const note = { id: 'n1', date: '2022-11-01', text: '推进中', progress: null, status: 'in_progress' as const, by: '张三', at: '2022-11-01T10:00:00+08:00' };
    const status = (updatedAt: string) => computeFacts(ledger([measure('m1', { status: 'completed', updatedAt, progressLog: [note] })]), { asOf: '2022-11-02' }).facts[0]?.status;
    // 23:59:59.999 and midnight in Beijing, as toISOString writes them and with their offset.
    expect([status('2022-11-02T15:59:59.999Z'), status('2022-11-02T23:59:59.999+08:00')]).toEqual(['completed', 'completed']);
    expect([status('2022-11-02T16:00:00.000Z'), status('2022-11-03T00:00:00+08:00')]).toEqual(['in_progress', 'in_progress']);
  });

  it('counts the trend\'s last point as the dashboard counts the day, and each past week from the notes', () => {
    const note = (date: string, s: Measure['status']) => ({ id: `n${date}`, date, text: date, progress: null, status: s, by: '张三', at: `${date}T10:00:00.000Z` });
    const records = ledger([
      measure('m1', { status: 'completed', updatedAt: '2022-10-28T10:00:00.000Z', progressLog: [note('2022-10-10', 'in_progress'), note('2022-10-28', 'completed')] }),
      measure('m2', { status: 'completed', updatedAt: '2022-01-01T00:00:00.000Z' }),
      measure('m3', {}),
    ]);
    const d = computeDashboard(records, { asOf: '2022-11-02' });
    expect(d.trend.at(-1)).toMatchObject({ date: '2022-11-02', done: d.completion.done.count, total: 3 });
    expect(d.trend.find((p) => p.date === '2022-10-23')?.done).toBe(1);
    expect(d.trend.find((p) => p.date === '2022-10-30')?.done).toBe(2);
  });

  it('names ISO weeks, Monday to Sunday, across a year end', () => {
    expect(weekOf('2022-11-02')).toEqual({ label: '2022-W44', start: '2022-10-31', end: '2022-11-06' });
    expect(weekOf('2021-01-03').label).toBe('2020-W53');
    expect(parseWeek('2026-W01')?.start).toBe('2025-12-29');
    expect(parseWeek('2022-W54')).toBeNull();
  });
});
