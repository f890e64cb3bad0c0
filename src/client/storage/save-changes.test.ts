import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Change } from '#shared/model/change.ts';
import { newId } from '#shared/model/ids.ts';
import { type LedgerStorage, openLedgerStorage } from './ledger-storage.ts';
import { StorageError } from './storage-error.ts';

let storage: LedgerStorage;
let name: string;

const deptA = newId();
const deptB = newId();
const problemId = newId();
const base: Change[] = [
  { op: 'create', entity: 'department', id: deptA, values: { name: '市财政局' } },
  { op: 'create', entity: 'department', id: deptB, values: { name: '市税务局', level: 'vertical' } },
  { op: 'create', entity: 'problem', id: problemId, values: { number: 1, title: '宣传不够', leadDepartmentId: deptA } },
];

beforeEach(async () => {
  name = `test-${newId()}`;
  storage = await openLedgerStorage({ name });
  await storage.cache.ready;
  await storage.settings.save({ userName: '王芳' });
  const result = await storage.save(base);
  expect(result.ok).toBe(true);
});

afterEach(() => storage.close());

describe('saveChanges', () => {
  it('writes a valid change and keeps it across a reopen', async () => {
    const id = newId();
    const result = await storage.save([{ op: 'create', entity: 'measure', id, values: { problemId, seq: 1, title: '编印条例读本', deadline: '2022-12-31' } }]);
    expect(result.ok).toBe(true);
    storage.close();
    storage = await openLedgerStorage({ name });
    await storage.cache.ready;
    expect(storage.cache.get('measure', id)).toMatchObject({ title: '编印条例读本', deadline: '2022-12-31', createdBy: '王芳' });
  });

  it('refuses a whole batch when one change is invalid, and names the field', async () => {
    const good = newId();
    const bad = newId();
    const result = await storage.save([
      { op: 'create', entity: 'measure', id: good, values: { problemId, seq: 1, title: '有效措施' } },
      { op: 'create', entity: 'measure', id: bad, values: { problemId, seq: 2, title: '无效措施', progress: 150 } },
    ]);
    expect(result).toEqual({ ok: false, errors: [{ index: 1, entity: 'measure', id: bad, errors: [{ field: 'progress', code: 'tooBig', params: { max: 100 } }] }] });
    expect(await storage.db.measures.count()).toBe(0);
    expect(storage.cache.get('measure', good)).toBeUndefined();
  });

  it('refuses a reference to a record that does not exist', async () => {
    const result = await storage.save([{ op: 'create', entity: 'measure', id: newId(), values: { problemId: newId(), seq: 1, title: 'x' } }]);
    expect(result).toMatchObject({ ok: false, errors: [{ errors: [{ field: 'problemId', code: 'unknownReference' }] }] });
  });

  it('refuses to delete a department still in use, and allows it once nothing refers to it', async () => {
    const refused = await storage.save([{ op: 'delete', entity: 'department', id: deptA }]);
    expect(refused).toMatchObject({ ok: false, errors: [{ errors: [{ code: 'inUse', params: { count: 1 } }] }] });
    const allowed = await storage.save([
      { op: 'update', entity: 'problem', id: problemId, fields: { leadDepartmentId: deptB } },
      { op: 'delete', entity: 'department', id: deptA },
    ]);
    expect(allowed.ok).toBe(true);
    expect(await storage.db.departments.get(deptA)).toBeUndefined();
  });

  it('refuses a second department with the same name', async () => {
    const result = await storage.save([{ op: 'create', entity: 'department', id: newId(), values: { name: '市财政局' } }]);
    expect(result).toMatchObject({ ok: false, errors: [{ errors: [{ field: 'name', code: 'duplicateName' }] }] });
  });

  it('announces what it saved, and returns the changes that undo it', async () => {
    const events: string[] = [];
    storage.feed.subscribe((e) => events.push(`${e.entity}:${e.upserted.length}:${e.removed.length}`));
    const result = await storage.save([{ op: 'update', entity: 'problem', id: problemId, fields: { title: '宣传解读不够' } }]);
    expect(events).toEqual(['problem:1:0']);
    if (!result.ok) throw new Error('expected ok');
    expect(result.inverse).toEqual([{ op: 'update', entity: 'problem', id: problemId, fields: { title: '宣传不够' } }]);
    await storage.save(result.inverse);
    expect(storage.cache.get('problem', problemId)?.title).toBe('宣传不够');
  });

  it('leaves nothing half-written when the device runs out of space', async () => {
    storage.db.use({
      stack: 'dbcore',
      name: 'quota',
      create: (down) => ({
        ...down,
        table: (tableName) => {
          const table = down.table(tableName);
          return {
            ...table,
            mutate: (req) => (tableName === 'measures' ? Promise.reject(new DOMException('full', 'QuotaExceededError')) : table.mutate(req)),
          };
        },
      }),
    });
    // Middleware takes effect when the database opens.
    storage.db.close();
    await storage.db.open();
    const measure = newId();
    const attempt = storage.save([
      { op: 'update', entity: 'problem', id: problemId, fields: { title: '改了一半' } },
      { op: 'create', entity: 'measure', id: measure, values: { problemId, seq: 1, title: '新措施' } },
    ]);
    await expect(attempt).rejects.toMatchObject({ code: 'quota' });
    await expect(attempt).rejects.toBeInstanceOf(StorageError);
    const stored = (await new Dexie(name).open().then((raw) => raw.table('problems').get(problemId))) as { title: string };
    expect(stored.title).toBe('宣传不够');
    expect(storage.cache.get('problem', problemId)?.title).toBe('宣传不够');
  });
});

describe('write count and the record cache', () => {
  it('re-reads records when another tab wrote after the cache last looked: no update is lost', async () => {
    const { saveChanges } = await import('./save-changes.ts');
    const { createChangeFeed } = await import('./change-feed.ts');
    const { WRITES_KEY } = await import('./db.ts');
    const writes = (await storage.db.meta.get(WRITES_KEY))?.value ?? 0;
    // Another tab renames the problem; this tab's cache has not heard of it yet.
    await storage.db.problems.update(problemId, { title: '另一标签页改的标题' });
    await storage.db.meta.put({ key: WRITES_KEY, value: writes + 1 });
    const stale = { version: writes, get: storage.cache.get };
    const result = await saveChanges(storage.db, createChangeFeed(), [{ op: 'update', entity: 'problem', id: problemId, fields: { deadline: '2022-12-31' } }], { actor: 'x', clientId: newId(), cache: stale });
    expect(result.ok).toBe(true);
    expect(await storage.db.problems.get(problemId)).toMatchObject({ title: '另一标签页改的标题', deadline: '2022-12-31' });
  });

  it('counts every committed write, and the cache keeps up with its own', async () => {
    const { WRITES_KEY } = await import('./db.ts');
    const before = (await storage.db.meta.get(WRITES_KEY))?.value ?? 0;
    expect(storage.cache.version()).toBe(before);
    await storage.save([{ op: 'update', entity: 'problem', id: problemId, fields: { title: '第二次' } }]);
    await storage.save([{ op: 'update', entity: 'problem', id: problemId, fields: { title: '第三次' } }]);
    expect((await storage.db.meta.get(WRITES_KEY))?.value).toBe(before + 2);
    expect(storage.cache.version()).toBe(before + 2);
  });
});

describe('outbox', () => {
  it('records each saved change as a mutation in the same transaction, with the fields that changed', async () => {
    const before = await storage.db.outbox.count();
    await storage.save([{ op: 'update', entity: 'problem', id: problemId, fields: { title: '宣传解读不够', deadline: '2022-12-31' } }]);
    const rows = await storage.db.outbox.orderBy('seq').toArray();
    expect(rows).toHaveLength(before + 1);
    expect(rows.at(-1)).toMatchObject({
      key: `problem:${problemId}`,
      status: 'pending',
      mutation: { op: 'update', entity: 'problem', id: problemId, fields: { title: '宣传解读不够', deadline: '2022-12-31' }, baseVersion: 0, actor: '王芳' },
    });
    expect(rows[0]?.mutation).toMatchObject({ op: 'create', entity: 'department', fields: { name: '市财政局' } });
  });

  it('writes no outbox row for a refused batch', async () => {
    const before = await storage.db.outbox.count();
    await storage.save([{ op: 'update', entity: 'problem', id: problemId, fields: { deadline: '明天' } }]);
    expect(await storage.db.outbox.count()).toBe(before);
  });
});
