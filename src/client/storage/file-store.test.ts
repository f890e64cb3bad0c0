import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Attachment } from '#shared/model/attachment.ts';
import { newId } from '#shared/model/ids.ts';
import { saveDraft } from './drafts.ts';
import { countUnsent, listUnsent, loadFile, markRefused, markSent, removeUnusedFiles, saveFile } from './file-store.ts';
import { type LedgerStorage, openLedgerStorage } from './ledger-storage.ts';
import { discardUnsynced } from './outbox.ts';

let storage: LedgerStorage;
const problemId = newId();
const measureId = newId();
const hash = (n: number) => String(n).repeat(64).slice(0, 64);
const file = (n: number) => ({ hash: hash(n), blob: new Blob([`photo ${n}`], { type: 'image/jpeg' }), type: 'image/jpeg', name: `${n}.jpg` });
const ref = (n: number): Attachment => ({ hash: hash(n), name: `${n}.jpg`, type: 'image/jpeg', size: 7, addedAt: '2022-11-02T08:00:00.000Z', addedBy: '王芳' });

beforeEach(async () => {
  storage = await openLedgerStorage({ name: `test-${newId()}` });
  await storage.cache.ready;
  const made = await storage.save([
    { op: 'create', entity: 'problem', id: problemId, values: { number: 1, title: '宣传不够' } },
    { op: 'create', entity: 'measure', id: measureId, values: { problemId, seq: 1, title: '编印读本' } },
  ]);
  expect(made.ok).toBe(true);
});
afterEach(() => storage.close());

describe('evidence files on the device', () => {
  it('keeps a file once as a Blob, and counts it until the server has it', async () => {
    await saveFile(storage.db, file(1));
    await saveFile(storage.db, { ...file(1), name: 'again.jpg' });
    expect(await countUnsent(storage.db)).toBe(1);
    const kept = await loadFile(storage.db, hash(1));
    expect(kept?.name).toBe('1.jpg');
    expect(await kept?.blob.text()).toBe('photo 1');
    await markSent(storage.db, hash(1));
    expect(await countUnsent(storage.db)).toBe(0);
  });

  it('drops only files that no measure, draft or unsent change names', async () => {
    for (const n of [1, 2, 3, 4]) await saveFile(storage.db, file(n));
    // 1 is on the measure; 2 was added then removed before syncing (the first change still names it); 3 is in a draft.
    expect((await storage.save([{ op: 'update', entity: 'measure', id: measureId, fields: { attachments: [ref(1), ref(2)] } }])).ok).toBe(true);
    expect((await storage.save([{ op: 'update', entity: 'measure', id: measureId, fields: { attachments: [ref(1)] } }])).ok).toBe(true);
    await saveDraft(storage.db, `measure:${measureId}`, { attachments: [ref(3)] });
    expect(await removeUnusedFiles(storage.db)).toBe(1);
    expect(await loadFile(storage.db, hash(4))).toBeUndefined();
    for (const n of [1, 2, 3]) expect(await loadFile(storage.db, hash(n))).toBeDefined();
  });

  it('leaves out a file the server refused when uploading, and forgets unsent files on sign-out', async () => {
    await saveFile(storage.db, file(1));
    await saveFile(storage.db, file(2));
    await markRefused(storage.db, hash(2), 'fileType');
    expect((await listUnsent(storage.db)).map((f) => f.hash)).toEqual([hash(1)]);
    expect((await listUnsent(storage.db, true)).map((f) => f.hash).sort()).toEqual([hash(1), hash(2)]);
    await saveFile(storage.db, file(3));
    await markSent(storage.db, hash(3));
    await discardUnsynced(storage.db);
    expect(await countUnsent(storage.db)).toBe(0);
    expect(await loadFile(storage.db, hash(3))).toBeDefined();
    expect(await storage.db.outbox.count()).toBe(0);
  });
});
