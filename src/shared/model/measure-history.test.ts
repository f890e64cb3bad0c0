import { describe, expect, it } from 'vitest';
import { checkChange, type SessionUser } from '../auth/permissions.ts';
import { sniffType } from './attachment.ts';
import { applyChange, invertChange } from './change.ts';
import { newId } from './ids.ts';
import type { Measure } from './measure.ts';
import { mergeEntries } from './entry-log.ts';
import { appendProgress, decideExtension, onlyRequests, pendingExtension, progressKind, requestExtension, sortProgress, withdrawExtension } from './measure-history.ts';

const ctx = { actor: '张三', now: '2022-11-02T08:00:00.000Z' };
const department = newId();

function measure(): Measure {
  const created = applyChange(undefined, { op: 'create', entity: 'measure', id: newId(), values: { problemId: newId(), seq: 1, title: '编印读本', status: 'in_progress', deadline: '2022-12-31', leadDepartmentId: department } }, ctx);
  if (!created.ok) throw new Error(JSON.stringify(created.errors));
  return created.next as Measure;
}

describe('progress notes', () => {
  it('keeps a grid-typed note in the dispatch record, with the progress and status it was written at', () => {
    const m = measure();
    const first = applyChange(m, { op: 'update', entity: 'measure', id: m.id, fields: { progressNote: '完成公示', progress: 40 } }, ctx);
    const second = first.ok ? applyChange(first.next!, { op: 'update', entity: 'measure', id: m.id, fields: { progressNote: '召开推进会' } }, { ...ctx, now: '2022-11-09T08:00:00.000Z' }) : first;
    expect(second.ok).toBe(true);
    const log = (second.ok ? (second.next as Measure) : m).progressLog;
    expect(log.map((e) => [e.date, e.text, e.progress, e.by])).toEqual([
      ['2022-11-02', '完成公示', 40, '张三'],
      ['2022-11-09', '召开推进会', 40, '张三'],
    ]);
    expect(sortProgress(log)[0]?.text).toBe('召开推进会');
  });

  it('refuses an empty note, and merges two devices’ logs without losing either', () => {
    const m = measure();
    const empty = applyChange(m, { op: 'update', entity: 'measure', id: m.id, fields: { progressLog: appendProgress([], { date: '2022-11-02', text: '  ', progress: null, status: null }, ctx) } }, ctx);
    expect(empty.ok ? [] : empty.errors).toEqual([{ field: 'progressLog', code: 'required' }]);
    const base = appendProgress([], { date: '2022-11-01', text: '起步', progress: 10, status: null }, ctx);
    const a = appendProgress(base, { date: '2022-11-02', text: '甲', progress: 20, status: null }, ctx);
    const b = appendProgress(base, { date: '2022-11-02', text: '乙', progress: 30, status: null }, { ...ctx, now: '2022-11-02T09:00:00.000Z' });
    const merged = mergeEntries(progressKind, a, b, null, { sawAll: false, concurrent: true });
    expect(merged.ok && (merged.entries as { text: string }[]).map((e) => e.text)).toEqual(['起步', '甲', '乙']);
  });
});

describe('a note as an entry', () => {
  it('is added once however often the same note is saved, and an undo strikes it rather than removing it', () => {
    const m = measure();
    const log = appendProgress(m.progressLog, { id: newId(), date: '2022-11-02', text: '完成公示', progress: 20, status: null }, ctx);
    expect(appendProgress(log, { id: log[0]!.id, date: '2022-11-02', text: '完成公示', progress: 20, status: null }, ctx)).toEqual(log);
    const saved = applyChange(m, { op: 'update', entity: 'measure', id: m.id, fields: { progressLog: log } }, ctx);
    if (!saved.ok || !saved.next) throw new Error('expected a save');
    expect(saved.next).toMatchObject({ progressNote: '完成公示', progressNoteDate: '2022-11-02' });
    expect(applyChange(saved.next, { op: 'update', entity: 'measure', id: m.id, fields: { progressLog: [] } }, ctx)).toEqual({ ok: false, errors: [{ field: 'progressLog', code: 'entryRemoved' }] });

    const undo = invertChange('measure', m.id, m, saved.next);
    const undone = undo && applyChange(saved.next, undo, { ...ctx, now: '2022-11-02T09:00:00.000Z' });
    if (!undone?.ok || !undone.next) throw new Error('expected an undo');
    expect((undone.next as Measure).progressLog).toMatchObject([{ text: '完成公示', struckBy: '张三', struckAt: '2022-11-02T09:00:00.000Z' }]);
    expect(undone.next).toMatchObject({ progressNote: '' });
    const redo = invertChange('measure', m.id, saved.next, undone.next);
    const redone = redo && applyChange(undone.next, redo, ctx);
    expect(redone?.ok && (redone.next as Measure).progressLog.map((e) => [e.text, e.struckAt !== undefined])).toEqual([
      ['完成公示', true],
      ['完成公示', false],
    ]);
  });
});

describe('extension requests', () => {
  const staff: SessionUser = { id: newId(), username: 's', displayName: '填报员', role: 'staff', departmentIds: [department] };
  const coordinator: SessionUser = { ...staff, role: 'coordinator', departmentIds: [] };

  it('lets a department ask once at a time, and a coordinator approve, which moves the deadline', () => {
    const m = measure();
    const asked = requestExtension([], { requestedDeadline: '2023-03-31', reason: ' 需协调省级部门 ' }, ctx);
    expect(pendingExtension(asked)).toMatchObject({ reason: '需协调省级部门', decision: 'pending' });
    const after = { ...m, extensions: asked };
    expect(checkChange(staff, 'measure', m, after, ['extensions'])).toEqual({ ok: true });
    const twice = applyChange(m, { op: 'update', entity: 'measure', id: m.id, fields: { extensions: requestExtension(asked, { requestedDeadline: '2023-04-30', reason: '再延' }, ctx) } }, ctx);
    expect(twice.ok ? [] : twice.errors).toEqual([{ field: 'extensions', code: 'extensionPending' }]);

    const decided = decideExtension(asked, asked[0]!.id, true, { actor: '协调员', now: ctx.now });
    expect(decided.deadline).toBe('2023-03-31');
    expect(decided.extensions[0]).toMatchObject({ decision: 'approved', decidedBy: '协调员' });
    expect(checkChange(staff, 'measure', after, { ...after, extensions: decided.extensions }, ['extensions'])).toEqual({ ok: false, field: 'extensions' });
    expect(checkChange(coordinator, 'measure', after, { ...after, ...decided }, ['extensions', 'deadline'])).toEqual({ ok: true });
    expect(decideExtension(asked, asked[0]!.id, false, ctx).deadline).toBeUndefined();
  });

  it('lets a department withdraw a pending request (it stays, withdrawn) but neither erase nor decide one', () => {
    const asked = requestExtension([], { requestedDeadline: '2023-03-31', reason: '理由' }, ctx);
    expect(onlyRequests(asked, withdrawExtension(asked, asked[0]!.id, ctx))).toBe(true);
    expect(onlyRequests(asked, [])).toBe(false);
    const refused = decideExtension(asked, asked[0]!.id, false, ctx).extensions;
    expect(onlyRequests(refused, withdrawExtension(refused, asked[0]!.id, ctx))).toBe(true);
    expect(onlyRequests(refused, [])).toBe(false);
    expect(onlyRequests([], [{ ...asked[0]!, decision: 'approved' }])).toBe(false);
  });
});

describe('file types', () => {
  it('knows JPEG, PNG, WebP and PDF by their first bytes, and nothing else', () => {
    expect(sniffType(new Uint8Array([0xff, 0xd8, 0xff, 0xe1]))).toBe('image/jpeg');
    expect(sniffType(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe('image/png');
    expect(sniffType(new TextEncoder().encode('RIFF\0\0\0\0WEBPVP8 '))).toBe('image/webp');
    expect(sniffType(new TextEncoder().encode('%PDF-1.7'))).toBe('application/pdf');
    expect(sniffType(new TextEncoder().encode('<svg xmlns='))).toBeNull();
    expect(sniffType(new Uint8Array([]))).toBeNull();
  });
});
