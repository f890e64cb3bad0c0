import { describe, expect, it } from 'vitest';
import { checkChange, type Role, type SessionUser } from '../auth/permissions.ts';
import { applyChange } from './change.ts';
import { newId } from './ids.ts';
import type { Measure } from './measure.ts';
import { appendProgress } from './measure-history.ts';
import { applyForClosing, decideClosing, issueNotice, recordRecheck, scheduleRecheck, type StepResult } from './supervision-steps.ts';
import { isAwaitingVerification, openNotices, returnCount } from './supervision.ts';

const lead = newId();
const helper = newId();
const elsewhere = newId();
const ctx = { actor: '测试', now: '2022-11-02T08:00:00.000Z' };
const who = { actor: '市发改委 王芳', now: '2022-11-03T08:00:00.000Z' };
const user = (role: Role, departmentIds: string[] = []): SessionUser => ({ id: newId(), username: role, displayName: role, role, departmentIds });

function measure(values: Partial<Measure> = {}): Measure {
  const made = applyChange(undefined, { op: 'create', entity: 'measure', id: newId(), values: { problemId: newId(), seq: 1, title: '建立不动产登记信息共享机制', leadDepartmentId: lead, cooperatingDepartmentIds: [helper], status: 'in_progress', ...values } }, ctx);
  if (!made.ok) throw new Error(JSON.stringify(made.errors));
  return made.next as Measure;
}

/** A step's fields saved through the one rule every save takes. */
function save(m: Measure, step: StepResult): Measure {
  if (!step.ok) throw new Error(JSON.stringify(step.errors));
  const result = applyChange(m, { op: 'update', entity: 'measure', id: m.id, fields: step.fields }, who);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.next as Measure;
}

function refusal(m: Measure, fields: Record<string, unknown>) {
  const result = applyChange(m, { op: 'update', entity: 'measure', id: m.id, fields }, who);
  return result.ok ? null : result.errors;
}

describe('核实销号 steps', () => {
  it('refuses an application without a 销号说明 or evidence, naming what is missing', () => {
    const m = measure();
    expect(applyForClosing(m, { text: ' ', documents: [] }, who)).toEqual({ ok: false, errors: [{ field: 'reviewNote', code: 'required' }, { field: 'reviewEvidence', code: 'required' }] });
    expect(applyForClosing(m, { text: '已建成共享平台', documents: [] }, who)).toEqual({ ok: false, errors: [{ field: 'reviewEvidence', code: 'required' }] });
    expect(applyForClosing(measure({ evidence: ['商自然资发〔2022〕3号'] }), { text: '已建成共享平台', documents: [] }, who).ok).toBe(true);
  });

  it('goes 申请 → 退回 (counted) → 申请 → 通过 (已销号, verifier and date) → 回头看 → reopened with the reason', () => {
    let m = save(measure(), applyForClosing(measure(), { text: '已建成', documents: ['商发〔2022〕1号'] }, who));
    expect(m.status).toBe('completed');
    expect(isAwaitingVerification(m)).toBe(true);
    expect(m.reviews[0]).toMatchObject({ step: 'apply', text: '已建成', evidence: ['商发〔2022〕1号'], by: who.actor, at: who.now });

    expect(decideClosing(m, { pass: false, text: '' }, who)).toEqual({ ok: false, errors: [{ field: 'reviewReason', code: 'required' }] });
    m = save(m, decideClosing(m, { pass: false, text: '缺少运行记录' }, who));
    expect([m.status, returnCount(m), isAwaitingVerification(m)]).toEqual(['in_progress', 1, false]);

    m = save(m, applyForClosing(m, { text: '补充运行记录', documents: [] }, who));
    m = save(m, decideClosing(m, { pass: true, text: '材料齐全，同意销号' }, who));
    expect(m).toMatchObject({ status: 'closed', closedBy: who.actor, closedAt: who.now });
    expect(m.reviews.at(-1)).toMatchObject({ step: 'pass', text: '材料齐全，同意销号', date: '2022-11-03' });

    m = save(m, scheduleRecheck(m, { date: '2023-03-01', text: '一季度回头看' }, who));
    expect(m.status).toBe('closed');
    m = save(m, recordRecheck(m, { pass: false, text: '问题反弹' }, who));
    expect(m).toMatchObject({ status: 'in_progress', closedBy: null });
    expect(m.reviews.map((r) => r.step)).toEqual(['apply', 'return', 'apply', 'pass', 'recheck', 'recheckFail']);
  });

  it('refuses steps out of order and closing without verification', () => {
    const open = measure();
    expect(refusal(open, { status: 'completed' })).toBeNull();
    const done = save(open, { ok: true, fields: { status: 'completed' } });
    expect(refusal(done, { status: 'closed' })).toEqual([{ field: 'status', code: 'closeNeedsVerification' }]);
    // A decision with no application before it.
    const pass = decideClosing(done, { pass: true, text: '同意' }, who);
    expect(pass.ok && refusal(done, pass.fields)).toEqual([{ field: 'reviews', code: 'stepOutOfOrder' }]);
    // An application twice, and a 回头看 on an open item.
    const applied = save(done, applyForClosing(done, { text: '完成', documents: ['1号'] }, who));
    const again = applyForClosing(applied, { text: '再次', documents: ['1号'] }, who);
    expect(again.ok && refusal(applied, again.fields)).toEqual([{ field: 'reviews', code: 'stepOutOfOrder' }]);
    const recheck = scheduleRecheck(applied, { date: '2023-01-01', text: '' }, who);
    expect(recheck.ok && refusal(applied, recheck.fields)).toEqual([{ field: 'reviews', code: 'stepOutOfOrder' }]);
    // A pass whose status says otherwise; a step rewritten.
    const passed = decideClosing(applied, { pass: true, text: '同意' }, who);
    expect(passed.ok && refusal(applied, { ...passed.fields, status: 'completed' })).toEqual([{ field: 'status', code: 'stepOutOfOrder' }]);
    expect(refusal(applied, { reviews: [{ ...applied.reviews[0]!, text: '改写' }] })).toEqual([{ field: 'reviews', code: 'entryRewrite' }]);
  });
});

describe('督办 notices', () => {
  it('are issued with level, what is asked and a reply date, and answered by a progress note', () => {
    const m = measure();
    expect(issueNotice(m, { level: 'supervise', asked: '', replyBy: '' }, who)).toMatchObject({ ok: false, errors: [{ field: 'noticeAsked' }, { field: 'noticeReplyBy' }] });
    const noticed = save(m, issueNotice(m, { level: 'supervise', asked: '说明逾期原因', replyBy: '2022-11-10' }, who));
    const [notice] = noticed.notices;
    expect(notice).toMatchObject({ level: 'supervise', asked: '说明逾期原因', replyBy: '2022-11-10', by: who.actor });
    expect(notice!.number).toMatch(/^督办〔2022〕1103-[0-9A-F]{4}$/);
    expect(openNotices(noticed, '2022-11-11')).toMatchObject([{ level: 'key', overdue: true, daysOverdue: 1 }]);
    const log = appendProgress(noticed.progressLog, { date: '2022-11-04', text: '已说明原因', progress: null, status: null, replyTo: notice!.id }, who);
    const answered = save(noticed, { ok: true, fields: { progressLog: log } });
    expect(openNotices(answered, '2022-11-11')).toEqual([]);
    expect(answered.progressNote).toBe('已说明原因');
  });
});

describe('who may take each step', () => {
  const staff = user('staff', [lead]);
  const cooperator = user('staff', [helper]);
  const stranger = user('staff', [elsewhere]);
  const coordinator = user('coordinator');
  const viewer = user('viewer', [lead]);
  const open = measure({ evidence: ['1号'] });
  const applied = save(open, applyForClosing(open, { text: '完成', documents: [] }, who));
  const closed = save(applied, decideClosing(applied, { pass: true, text: '同意' }, who));

  const cases: { step: string; before: Measure; result: StepResult; allowed: SessionUser[] }[] = [
    { step: '申请销号', before: open, result: applyForClosing(open, { text: '完成', documents: [] }, who), allowed: [staff, coordinator] },
    { step: '通过', before: applied, result: decideClosing(applied, { pass: true, text: '同意' }, who), allowed: [coordinator] },
    { step: '退回', before: applied, result: decideClosing(applied, { pass: false, text: '不全' }, who), allowed: [coordinator] },
    { step: '回头看', before: closed, result: scheduleRecheck(closed, { date: '2023-01-01', text: '' }, who), allowed: [coordinator] },
    { step: '回头看未通过', before: closed, result: recordRecheck(closed, { pass: false, text: '反弹' }, who), allowed: [coordinator] },
    { step: '督办', before: open, result: issueNotice(open, { level: 'remind', asked: '报送', replyBy: '2022-11-10' }, who), allowed: [coordinator] },
  ];
  for (const c of cases) {
    it(`${c.step}: ${c.allowed.map((u) => u.role).join(', ')} only`, () => {
      if (!c.result.ok) throw new Error('step refused');
      for (const u of [staff, cooperator, stranger, coordinator, viewer]) {
        const after = { ...c.before, ...c.result.fields };
        expect([u.role, u.departmentIds, checkChange(u, 'measure', c.before, after, Object.keys(c.result.fields)).ok]).toEqual([u.role, u.departmentIds, c.allowed.includes(u)]);
      }
    });
  }

  it('lets a cooperating unit add notes (naming itself) and files, and nothing of the lead’s', () => {
    const note = appendProgress(open.progressLog, { date: '2022-11-03', text: '配合完成数据对接', progress: null, status: null, departmentId: helper }, who);
    const fields = { progressLog: note, progressNote: '配合完成数据对接', progressNoteDate: '2022-11-03' };
    expect(checkChange(cooperator, 'measure', open, { ...open, ...fields }, Object.keys(fields))).toEqual({ ok: true });
    const file = { hash: 'a'.repeat(64), name: '对接记录.pdf', type: 'application/pdf', size: 10, addedBy: '', addedAt: who.now };
    expect(checkChange(cooperator, 'measure', open, { ...open, attachments: [file] }, ['attachments'])).toEqual({ ok: true });
    expect(checkChange(cooperator, 'measure', { ...open, attachments: [file] }, open, ['attachments'])).toEqual({ ok: false, field: 'attachments' });
    for (const field of ['progress', 'status', 'owner', 'title', 'evidence', 'extensions', 'reviews']) {
      expect(checkChange(cooperator, 'measure', open, { ...open, [field]: open[field as keyof Measure] }, [field])).toEqual({ ok: false, field });
    }
    // Speaking for a unit that is not one's own.
    const forged = appendProgress(open.progressLog, { date: '2022-11-03', text: '代报', progress: null, status: null, departmentId: lead }, who);
    expect(checkChange(cooperator, 'measure', open, { ...open, progressLog: forged }, ['progressLog'])).toEqual({ ok: false, field: 'progressLog' });
    const plain = appendProgress(open.progressLog, { date: '2022-11-03', text: '路过', progress: null, status: null }, who);
    expect(checkChange(stranger, 'measure', open, { ...open, progressLog: plain }, ['progressLog'])).toEqual({ ok: false, field: 'leadDepartmentId' });
  });
});
