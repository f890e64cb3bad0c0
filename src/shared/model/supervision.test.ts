import { describe, expect, it } from 'vitest';
import type { Extension, ProgressEntry } from './measure-history.ts';
import { isAwaitingVerification, isReturned, type Notice, openNotices, pendingExtensions, returnCount, type ReviewEntry, type ReviewStep, scheduledRecheck } from './supervision.ts';

let n = 0;
const id = () => `0184a8f0-0000-7000-8000-${String(++n).padStart(12, '0')}`;
const at = '2022-11-02T08:00:00.000Z';
const step = (s: ReviewStep, date: string | null = null): ReviewEntry => ({ id: id(), step: s, text: '说明', evidence: ['文号'], files: [], date, by: '甲', at });
const notice = (level: Notice['level'], replyBy: string): Notice => ({ id: id(), number: `督办-${n}`, level, asked: '报送进展', replyBy, by: '协调员', at });

describe('supervision predicates', () => {
  it('puts a completed measure in the 待核实 queue while its application waits for a decision', () => {
    expect(isAwaitingVerification({ status: 'completed', reviews: [step('apply')] })).toBe(true);
    expect(isAwaitingVerification({ status: 'completed', reviews: [] })).toBe(false);
    expect(isAwaitingVerification({ status: 'in_progress', reviews: [step('apply'), step('return')] })).toBe(false);
    expect(isAwaitingVerification({ status: 'completed', reviews: [step('apply'), step('return'), step('apply')] })).toBe(true);
    expect(isAwaitingVerification({ status: 'closed', reviews: [step('apply'), step('pass')] })).toBe(false);
  });

  it('counts returns, and knows a return not yet answered', () => {
    const reviews = [step('apply'), step('return'), step('apply'), step('return')];
    expect(returnCount({ reviews })).toBe(2);
    expect(isReturned({ status: 'in_progress', reviews })).toBe(true);
    expect(isReturned({ status: 'completed', reviews: [...reviews, step('apply')] })).toBe(false);
  });

  it('lists pending extension requests only', () => {
    const e = (decision: Extension['decision']): Extension => ({ id: id(), requestedDeadline: '2023-01-01', reason: '原因', requestedBy: '乙', requestedAt: at, decision, decidedBy: null, decidedAt: null });
    expect(pendingExtensions({ extensions: [e('refused'), e('pending')] }).map((x) => x.decision)).toEqual(['pending']);
  });

  it('keeps a 回头看 scheduled until its result is recorded', () => {
    const scheduled = step('recheck', '2023-03-01');
    expect(scheduledRecheck({ status: 'closed', reviews: [step('apply'), step('pass'), scheduled] })).toEqual(scheduled);
    expect(scheduledRecheck({ status: 'closed', reviews: [step('pass'), scheduled, step('recheckPass')] })).toBeUndefined();
  });

  it('lists notices without a standing reply, escalated one level past their reply date', () => {
    const a = notice('remind', '2022-11-04');
    const b = notice('key', '2022-11-01');
    const c = notice('supervise', '2022-11-10');
    const reply = (to: string, struck = false): ProgressEntry => ({ id: id(), date: '2022-11-03', text: '已落实', progress: null, status: null, by: '乙', at, replyTo: to, ...(struck ? { struckBy: '乙', struckAt: at } : {}) });
    const measure = { notices: [a, b, c], progressLog: [reply(c.id), reply(a.id, true)] };
    expect(openNotices(measure).map((o) => [o.notice.id, o.level, o.overdue])).toEqual([[a.id, 'remind', false], [b.id, 'key', false]]);
    expect(openNotices(measure, '2022-11-06').map((o) => [o.level, o.overdue, o.daysOverdue])).toEqual([['supervise', true, 2], ['key', true, 5]]);
  });
});
