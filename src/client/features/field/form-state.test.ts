import { describe, expect, it } from 'vitest';
import { applyChange } from '#shared/model/change.ts';
import { newId } from '#shared/model/ids.ts';
import type { Measure } from '#shared/model/measure.ts';
import { requestExtension } from '#shared/model/measure-history.ts';
import { initialValues, isDirty, rebaseValues, toChange } from './form-state.ts';

const who = { actor: '赵敏', now: '2022-11-02T08:00:00.000Z' };

function measure(values: Partial<Measure> = {}): Measure {
  const indicators = [{ name: '办结时限', target: 1, actual: null, unit: '个工作日', source: '' }];
  const made = applyChange(undefined, { op: 'create', entity: 'measure', id: newId(), values: { problemId: newId(), seq: 1, title: '压缩办结时限', status: 'in_progress', deadline: '2022-12-31', indicators, ...values } }, who);
  if (!made.ok) throw new Error(JSON.stringify(made.errors));
  return made.next as Measure;
}

describe('the measure form', () => {
  it('saves nothing when nothing changed, and turns a note into a dated entry of the dispatch record', () => {
    const m = measure();
    const start = initialValues(m, '2022-11-02');
    expect(isDirty(m, start)).toBe(false);
    expect(toChange(m, start, who)).toEqual({ change: null, errors: [] });

    const values = { ...start, progress: 60, noteDate: '2022-10-28', noteText: ' 完成窗口公示 ', actuals: ['0.5'], evidence: ['商营商攻坚办〔2021〕1号'] };
    expect(isDirty(m, values)).toBe(true);
    const { change } = toChange(m, values, who);
    expect(change?.op === 'update' && change.fields).toMatchObject({
      progress: 60,
      progressNote: '完成窗口公示',
      progressNoteDate: '2022-10-28',
      progressLog: [{ date: '2022-10-28', text: '完成窗口公示', progress: 60, status: 'in_progress', by: '赵敏' }],
      indicators: [{ name: '办结时限', actual: 0.5 }],
      evidence: ['商营商攻坚办〔2021〕1号'],
    });
  });

  it('follows a change made elsewhere in the fields the user left alone, and keeps what they typed', () => {
    const m = measure();
    const typed = { ...initialValues(m, '2022-11-02'), progress: 70, noteText: '已补充运行记录' };
    // A coordinator's decision arrives by sync while the form is open: the status moves, the evidence grows.
    const decided = { ...m, status: 'completed' as const, evidence: ['商自然资发〔2022〕8号'] };
    const rebased = rebaseValues(typed, m, decided);
    expect(rebased).toMatchObject({ status: 'completed', evidence: ['商自然资发〔2022〕8号'], progress: 70, noteText: '已补充运行记录' });
    // What the user left alone is no longer an unsaved change (no draft is offered for it).
    expect(isDirty(decided, rebaseValues(initialValues(m, '2022-11-02'), m, decided))).toBe(false);
    expect(isDirty(decided, rebased)).toBe(true);
  });

  it('adds a note once: a draft restored after its save holds nothing the measure lacks', () => {
    const m = measure();
    const values = { ...initialValues(m, '2022-11-02'), progress: 40, noteText: '完成窗口公示' };
    const saved = applyChange(m, toChange(m, values, who).change!, who);
    if (!saved.ok) throw new Error('expected a save');
    const after = saved.next as Measure;
    // The same form values (a draft written just before the save) against the saved measure.
    expect(isDirty(after, values)).toBe(false);
    expect(toChange(after, values, who)).toEqual({ change: null, errors: [] });
    expect(after.progressLog).toHaveLength(1);
  });

  it('names the field at fault and saves nothing: a bad figure, an incomplete or too-early extension request, a forbidden status', () => {
    const m = measure();
    const start = initialValues(m, '2022-11-02');
    expect(toChange(m, { ...start, actuals: ['约十'] }, who).errors).toEqual([{ field: 'indicators', code: 'invalidNumber', params: { name: '办结时限' } }]);
    expect(toChange(m, { ...start, extension: { id: newId(), requestedDeadline: '', reason: ' ' } }, who).errors).toEqual([
      { field: 'extensions', code: 'required', params: { part: 'requestedDeadline' } },
      { field: 'extensions', code: 'required', params: { part: 'reason' } },
    ]);
    expect(toChange(m, { ...start, extension: { id: newId(), requestedDeadline: '2022-12-01', reason: '等待批复' } }, who).errors).toEqual([{ field: 'extensions', code: 'extensionNotLater' }]);
    expect(toChange(m, { ...start, status: 'closed' }, who).errors).toEqual([{ field: 'status', code: 'transition', params: { from: 'in_progress', to: 'closed' } }]);
  });

  it('asks for an extension, and withdraws a pending one', () => {
    const m = measure();
    const asked = toChange(m, { ...initialValues(m, '2022-11-02'), extension: { id: newId(), requestedDeadline: '2023-03-31', reason: '需协调省级部门' } }, who).change;
    expect(asked?.op === 'update' && asked.fields.extensions).toMatchObject([{ requestedDeadline: '2023-03-31', decision: 'pending', requestedBy: '赵敏' }]);
    const pending = { ...m, extensions: requestExtension([], { requestedDeadline: '2023-03-31', reason: '理由' }, who) };
    const withdrawn = toChange(pending, { ...initialValues(pending, '2022-11-02'), withdraw: true }, who).change;
    expect(withdrawn?.op === 'update' && withdrawn.fields.extensions).toMatchObject([{ decision: 'withdrawn', decidedBy: '赵敏' }]);
  });
});
