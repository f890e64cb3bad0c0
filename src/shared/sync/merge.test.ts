import { describe, expect, it } from 'vitest';
import { newId } from '../model/ids.ts';
import { mergeMutation, type StoredRecord } from './merge.ts';
import type { Mutation } from './protocol.ts';

const problemId = newId();
const id = newId();
const mutation = (op: Mutation['op'], fields: Record<string, unknown>, baseVersion = 0, actor = '张三'): Mutation => ({
  mutationId: newId(), clientId: newId(), entity: 'measure', id, op, fields, baseVersion, actor, at: '2022-11-02T08:00:00.000Z',
});

function created(): StoredRecord {
  const out = mergeMutation(null, mutation('create', { problemId, seq: 1, title: '建立台账', status: 'in_progress' }), 1);
  if (out.kind !== 'merged' || !out.next) throw new Error('expected a record');
  return out.next;
}

describe('mergeMutation', () => {
  it('creates a record with defaults, stamping the version on the record and each field', () => {
    const r = created();
    expect(r.data).toMatchObject({ title: '建立台账', status: 'in_progress', rev: 1, createdBy: '张三', evidence: [] });
    expect(r.fieldVersions.title).toBe(1);
  });

  it('merges concurrent changes of different fields', () => {
    const r = created();
    const a = mergeMutation(r, mutation('update', { owner: '王芳' }, 1), 2);
    if (a.kind !== 'merged' || !a.next) throw new Error('expected merge');
    const b = mergeMutation(a.next, mutation('update', { deadline: '2022-12-31' }, 1), 3);
    expect(b).toMatchObject({ kind: 'merged', lost: [] });
    expect(b.kind === 'merged' && b.next?.data).toMatchObject({ owner: '王芳', deadline: '2022-12-31', rev: 3 });
  });

  it('keeps the first value of a field changed concurrently and hands back the later one', () => {
    const r = created();
    const a = mergeMutation(r, mutation('update', { owner: '王芳' }, 1), 2);
    if (a.kind !== 'merged' || !a.next) throw new Error('expected merge');
    const b = mergeMutation(a.next, mutation('update', { owner: '李强', progress: 30 }, 1, '李强'), 3);
    expect(b).toMatchObject({ kind: 'merged', lost: [{ field: 'owner', serverValue: '王芳', clientValue: '李强' }] });
    expect(b.kind === 'merged' && b.next?.data).toMatchObject({ owner: '王芳', progress: 30 });
  });

  it('applies a change based on the latest version without conflict', () => {
    const r = created();
    const a = mergeMutation(r, mutation('update', { owner: '王芳' }, 1), 2);
    if (a.kind !== 'merged' || !a.next) throw new Error('expected merge');
    expect(mergeMutation(a.next, mutation('update', { owner: '李强' }, 2), 3)).toMatchObject({ kind: 'merged', lost: [] });
  });

  it('treats a second create of the same record as a merge: equal values are no conflict', () => {
    const r = created();
    expect(mergeMutation(r, mutation('create', { problemId, seq: 1, title: '建立台账', status: 'in_progress' }), 2)).toEqual({ kind: 'merged', next: null, lost: [] });
  });

  it('rejects an invalid value, a forbidden transition, a meta field and a change to a deleted record', () => {
    const r = created();
    expect(mergeMutation(r, mutation('update', { progress: 120 }, 1), 2)).toMatchObject({ kind: 'rejected', reason: { code: 'tooBig', field: 'progress' } });
    expect(mergeMutation(r, mutation('update', { status: 'closed' }, 1), 2)).toMatchObject({ kind: 'rejected', reason: { code: 'transition' } });
    expect(mergeMutation(r, mutation('update', { rev: 9 }, 1), 2)).toMatchObject({ kind: 'rejected', reason: { code: 'readOnlyField' } });
    const gone = mergeMutation(r, mutation('delete', {}, 1), 2);
    if (gone.kind !== 'merged' || !gone.next) throw new Error('expected tombstone');
    expect(gone.next).toMatchObject({ deleted: true, version: 2, data: { title: '建立台账' } });
    expect(mergeMutation(gone.next, mutation('update', { owner: 'x' }, 1), 3)).toMatchObject({ kind: 'rejected', reason: { code: 'deleted' } });
  });

  it('brings a deleted record back only on an explicit creation (the sample loaded again after a clear)', () => {
    const gone = mergeMutation(created(), mutation('delete', {}, 1), 2);
    if (gone.kind !== 'merged' || !gone.next) throw new Error('expected tombstone');
    const back = mergeMutation(gone.next, mutation('create', { problemId, seq: 1, title: '重新建立台账' }), 3);
    expect(back).toMatchObject({ kind: 'merged', lost: [], next: { deleted: false, version: 3, data: { title: '重新建立台账', status: 'not_started', rev: 3 } } });
  });
});

describe('a device’s own changes', () => {
  it('never conflict with each other, even when made before the device saw its first change come back', () => {
    const clientId = newId();
    const own = (op: Mutation['op'], fields: Record<string, unknown>, seq: number, prev: StoredRecord | null) => {
      const out = mergeMutation(prev, { ...mutation(op, fields), clientId }, seq);
      if (out.kind !== 'merged') throw new Error('expected merge');
      return out;
    };
    const first = own('create', { problemId, seq: 1, title: '新整改措施' }, 1, null);
    const second = own('update', { title: '建立台账' }, 2, first.next);
    expect(second.lost).toEqual([]);
    expect(second.next?.data.title).toBe('建立台账');
    // Another device, which had not seen the retitling, changing the same field does conflict.
    const other = mergeMutation(second.next, mutation('update', { title: '别的标题' }, 1), 3);
    expect(other).toMatchObject({ kind: 'merged', lost: [{ field: 'title', serverValue: '建立台账' }] });
  });
});
