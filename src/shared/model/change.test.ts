import { describe, expect, it } from 'vitest';
import { type Change, applyChange, invertChange } from './change.ts';
import { newId } from './ids.ts';
import type { Measure } from './measure.ts';

const ctx = { actor: '张三', now: '2022-11-02T08:00:00.000Z' };
const problemId = newId();

function createMeasure(values: Record<string, unknown> = {}): Measure {
  const result = applyChange(undefined, { op: 'create', entity: 'measure', id: newId(), values: { problemId, seq: 1, title: '建立台账', ...values } }, ctx);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.next as Measure;
}

describe('applyChange', () => {
  it('creates a record from defaults and stamps who made it', () => {
    const m = createMeasure();
    expect(m).toMatchObject({ status: 'not_started', progress: 0, createdBy: '张三', updatedAt: ctx.now, evidence: [] });
  });

  it('refuses an invalid value, naming the field', () => {
    const m = createMeasure();
    const result = applyChange(m, { op: 'update', entity: 'measure', id: m.id, fields: { deadline: '2022-02-30' } }, ctx);
    expect(result).toEqual({ ok: false, errors: [{ field: 'deadline', code: 'invalidDate' }] });
  });

  it('refuses an empty title, a progress over 100 and an unknown field', () => {
    const m = createMeasure();
    const update = (fields: Record<string, unknown>) => applyChange(m, { op: 'update', entity: 'measure', id: m.id, fields }, ctx);
    expect(update({ title: '  ' })).toMatchObject({ ok: false, errors: [{ field: 'title', code: 'required' }] });
    expect(update({ progress: 101 })).toMatchObject({ ok: false, errors: [{ field: 'progress', code: 'tooBig', params: { max: 100 } }] });
    expect(update({ colour: 'red' })).toMatchObject({ ok: false, errors: [{ field: 'colour', code: 'unknownField' }] });
    expect(update({ updatedBy: 'x' })).toMatchObject({ ok: false, errors: [{ field: 'updatedBy', code: 'readOnlyField' }] });
  });

  it('refuses closing (销号) an item that is not completed', () => {
    const m = createMeasure({ status: 'in_progress' });
    const result = applyChange(m, { op: 'update', entity: 'measure', id: m.id, fields: { status: 'closed' } }, ctx);
    expect(result).toMatchObject({ ok: false, errors: [{ field: 'status', code: 'transition' }] });
  });

  it('sets progress to 100 when an item is completed, unless the edit says otherwise', () => {
    const m = createMeasure({ status: 'in_progress', progress: 60 });
    const done = applyChange(m, { op: 'update', entity: 'measure', id: m.id, fields: { status: 'completed' } }, ctx);
    expect(done.ok && (done.next as Measure).progress).toBe(100);
  });

  it('dates a new progress note with the day it was written', () => {
    const m = createMeasure();
    const result = applyChange(m, { op: 'update', entity: 'measure', id: m.id, fields: { progressNote: '已召开推进会' } }, { ...ctx, now: '2022-11-05T02:00:00.000Z' });
    expect(result.ok && (result.next as Measure).progressNoteDate).toMatch(/^2022-11-0[45]$/);
  });

  it('refuses a department that is both lead and cooperating', () => {
    const dept = newId();
    const m = createMeasure();
    const result = applyChange(m, { op: 'update', entity: 'measure', id: m.id, fields: { leadDepartmentId: dept, cooperatingDepartmentIds: [dept] } }, ctx);
    expect(result).toMatchObject({ ok: false, errors: [{ field: 'cooperatingDepartmentIds', code: 'roleTwice' }] });
  });

  it('refuses to create what exists and to change what does not', () => {
    const m = createMeasure();
    expect(applyChange(m, { op: 'create', entity: 'measure', id: m.id, values: {} }, ctx)).toMatchObject({ ok: false, errors: [{ code: 'exists' }] });
    expect(applyChange(undefined, { op: 'update', entity: 'measure', id: m.id, fields: {} }, ctx)).toMatchObject({ ok: false, errors: [{ code: 'missing' }] });
  });
});

describe('invertChange', () => {
  it('undoes an update, derived fields included', () => {
    const m = createMeasure({ status: 'in_progress', progress: 40 });
    const change: Change = { op: 'update', entity: 'measure', id: m.id, fields: { status: 'completed' } };
    const done = applyChange(m, change, ctx);
    if (!done.ok) throw new Error('expected ok');
    const inverse = invertChange('measure', m.id, m, done.next);
    expect(inverse).toEqual({ op: 'update', entity: 'measure', id: m.id, fields: { status: 'in_progress', progress: 40 } });
  });

  it('undoes a delete by re-creating the record with its values', () => {
    const m = createMeasure({ owner: '李四' });
    const inverse = invertChange('measure', m.id, m, null);
    expect(inverse).toMatchObject({ op: 'create', id: m.id, values: { owner: '李四', title: '建立台账' } });
    expect(inverse && 'values' in inverse && 'createdBy' in inverse.values).toBe(false);
  });
});
