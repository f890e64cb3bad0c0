import { describe, expect, it } from 'vitest';
import { newId } from '../model/ids.ts';
import { appendProgress, decideExtension, requestExtension, strikeProgress, withdrawExtension } from '../model/measure-history.ts';
import { receiveEntries } from './entries.ts';
import { mergeMutation, type StoredRecord } from './merge.ts';
import type { Mutation } from './protocol.ts';

const id = newId();
const device = { actor: '设备上写的名字', now: '2001-01-01T00:00:00.000Z' };
const staff = { actor: '赵敏', now: '2022-11-02T09:00:00.000Z', actsForOthers: false };
const colleague = { ...staff, actor: '钱进' };
const coordinator = { actor: '协调员', now: '2022-11-02T10:00:00.000Z', actsForOthers: true };

function stored(fields: Record<string, unknown> = {}): StoredRecord {
  const created = mergeMutation(null, mutation('create', { problemId: newId(), seq: 1, title: '编印读本', status: 'in_progress', deadline: '2022-12-31', ...fields }, 0), 1);
  if (created.kind !== 'merged' || !created.next) throw new Error('expected a record');
  return created.next;
}

function mutation(op: Mutation['op'], fields: Record<string, unknown>, baseVersion = 1, clientId = newId()): Mutation {
  return { mutationId: newId(), clientId, entity: 'measure', id, op, fields, baseVersion, actor: '设备上写的名字', at: '2001-01-01T00:00:00.000Z' };
}

const note = (text: string, by = device) => appendProgress([], { date: '2022-11-02', text, progress: 10, status: null }, by)[0]!;

describe('entries the server takes in', () => {
  it('stamps a new note and a new request with the session’s user and the server’s clock, whatever the device wrote', () => {
    const forged = { ...note('完成公示'), by: '协调员' };
    const request = requestExtension([], { requestedDeadline: '2023-03-31', reason: '需协调' }, { actor: '协调员', now: device.now });
    const out = receiveEntries(stored(), mutation('update', { progressLog: [forged], extensions: request }), staff);
    expect(out.ok && out.mutation.fields).toMatchObject({
      progressLog: [{ id: forged.id, text: '完成公示', by: '赵敏', at: staff.now }],
      extensions: [{ requestedBy: '赵敏', requestedAt: staff.now, decision: 'pending', decidedBy: null }],
    });
  });

  it('refuses removing or rewriting a note, but keeps one the device had not seen yet', () => {
    const first = note('协调员的记录', { actor: '协调员', now: coordinator.now });
    const record = stored({ progressLog: [first] });
    expect(receiveEntries(record, mutation('update', { progressLog: [] }, 1), staff)).toEqual({ ok: false, reason: { code: 'entryRemoved', field: 'progressLog' } });
    expect(receiveEntries(record, mutation('update', { progressLog: [{ ...first, text: '改过的' }] }, 1), coordinator)).toEqual({ ok: false, reason: { code: 'entryRewrite', field: 'progressLog' } });
    // Based on a version before the note came: the device never saw it, so leaving it out removes nothing.
    const unseen = receiveEntries(record, mutation('update', { progressLog: [note('我的记录')] }, 0), staff);
    expect(unseen.ok && (unseen.mutation.fields.progressLog as { text: string }[]).map((e) => e.text)).toEqual(['协调员的记录', '我的记录']);
  });

  it('lets the author or a coordinator strike a note (stamped), and nobody else', () => {
    const mine = { ...note('我写的'), by: '赵敏' };
    const record = stored({ progressLog: [mine] });
    const struck = strikeProgress([mine], mine.id, device);
    expect(receiveEntries(record, mutation('update', { progressLog: struck }), colleague)).toEqual({ ok: false, reason: { code: 'forbidden', field: 'progressLog' } });
    for (const who of [staff, coordinator]) {
      const out = receiveEntries(record, mutation('update', { progressLog: struck }), who);
      expect(out.ok && out.mutation.fields.progressLog).toEqual([{ ...mine, struckBy: who.actor, struckAt: who.now }]);
    }
  });

  it('stamps a coordinator’s decision, refuses one from a department, lets the asker withdraw', () => {
    const asked = requestExtension([], { requestedDeadline: '2023-03-31', reason: '需协调' }, { actor: '赵敏', now: staff.now });
    const record = stored({ extensions: asked });
    const approved = decideExtension(asked, asked[0]!.id, true, device).extensions;
    expect(receiveEntries(record, mutation('update', { extensions: approved }), staff)).toMatchObject({ ok: false, reason: { code: 'forbidden' } });
    const decided = receiveEntries(record, mutation('update', { extensions: approved }), coordinator);
    expect(decided.ok && decided.mutation.fields.extensions).toMatchObject([{ decision: 'approved', decidedBy: '协调员', decidedAt: coordinator.now }]);
    const withdrawn = receiveEntries(record, mutation('update', { extensions: withdrawExtension(asked, asked[0]!.id, device) }), staff);
    expect(withdrawn.ok && withdrawn.mutation.fields.extensions).toMatchObject([{ decision: 'withdrawn', decidedBy: '赵敏' }]);
    expect(receiveEntries(record, mutation('update', { extensions: withdrawExtension(asked, asked[0]!.id, device) }), colleague)).toMatchObject({ ok: false, reason: { code: 'forbidden' } });
  });

  it('keeps the first of two coordinators’ differing decisions and hands back the other as a conflict', () => {
    const asked = requestExtension([], { requestedDeadline: '2023-03-31', reason: '需协调' }, { actor: '赵敏', now: staff.now });
    const first = mergeMutation(stored({ extensions: asked }), mutation('update', { extensions: decideExtension(asked, asked[0]!.id, true, coordinator).extensions, deadline: '2023-03-31' }), 2);
    if (first.kind !== 'merged' || !first.next) throw new Error('expected a merge');
    const refused = decideExtension(asked, asked[0]!.id, false, device).extensions;
    const out = receiveEntries(first.next, mutation('update', { extensions: refused }, 1), coordinator);
    expect(out.ok && out.lost).toMatchObject([{ field: 'extensions', clientValue: refused }]);
    expect(out.ok && out.mutation.fields.extensions).toMatchObject([{ decision: 'approved' }]);
  });
});

describe('evidence files the server takes in', () => {
  it('are stamped with who added them and when, and keep those of files already there', () => {
    const file = (hash: string) => ({ hash: hash.repeat(64), name: '公示栏.jpg', type: 'image/jpeg', size: 10, addedAt: device.now, addedBy: '协调员' });
    const record = stored({ attachments: [{ ...file('a'), addedBy: '钱进', addedAt: coordinator.now }] });
    const out = receiveEntries(record, mutation('update', { attachments: [file('a'), file('b')] }), staff);
    expect(out.ok && out.mutation.fields.attachments).toMatchObject([
      { hash: 'a'.repeat(64), addedBy: '钱进', addedAt: coordinator.now },
      { hash: 'b'.repeat(64), addedBy: '赵敏', addedAt: staff.now },
    ]);
  });
});

describe('notes from two devices at once', () => {
  it('are both kept, with no conflict on the log or on 最新进展, which follows the newest note', () => {
    const record = stored();
    const a = note('甲的记录');
    const b = { ...note('乙的记录'), date: '2022-11-03' };
    const fromA = receiveEntries(record, mutation('update', { progressLog: [a], progressNote: a.text, progressNoteDate: a.date }), staff);
    if (!fromA.ok) throw new Error('expected entries');
    const first = mergeMutation(record, fromA.mutation, 2);
    if (first.kind !== 'merged' || !first.next) throw new Error('expected a merge');
    const fromB = receiveEntries(first.next, mutation('update', { progressLog: [b], progressNote: b.text, progressNoteDate: b.date }, 1), colleague);
    if (!fromB.ok) throw new Error('expected entries');
    const second = mergeMutation(first.next, fromB.mutation, 3);
    expect(second).toMatchObject({ kind: 'merged', lost: [] });
    expect(second.kind === 'merged' && second.next?.data).toMatchObject({ progressNote: '乙的记录', progressNoteDate: '2022-11-03', progressLog: [{ text: '甲的记录' }, { text: '乙的记录' }] });
  });
});
