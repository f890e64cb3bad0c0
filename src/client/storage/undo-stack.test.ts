import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId } from '#shared/model/ids.ts';
import { type LedgerStorage, openLedgerStorage } from './ledger-storage.ts';

let storage: LedgerStorage;
const departmentId = newId();
const problemId = newId();
const measureId = newId();

beforeEach(async () => {
  storage = await openLedgerStorage({ name: `undo-${newId()}` });
  await storage.cache.ready;
  await storage.save(
    [
      { op: 'create', entity: 'department', id: departmentId, values: { name: '市财政局' } },
      { op: 'create', entity: 'problem', id: problemId, values: { number: 1, title: '宣传不够' } },
      { op: 'create', entity: 'measure', id: measureId, values: { problemId, seq: 1, title: '编印读本' } },
    ],
    { undoable: false },
  );
});
afterEach(() => storage.close());

const owner = () => storage.cache.get('measure', measureId)?.owner;

describe('the session’s undo stack', () => {
  it('undoes and redoes each save as one step, in order; a save not meant as a step is not one', async () => {
    expect(storage.undo.state.get()).toEqual({ undo: 0, redo: 0 });
    await storage.save([{ op: 'update', entity: 'measure', id: measureId, fields: { owner: '王芳' } }]);
    await storage.save([{ op: 'update', entity: 'measure', id: measureId, fields: { owner: '李强', progress: 40 } }]);
    expect(storage.undo.state.get()).toEqual({ undo: 2, redo: 0 });

    expect((await storage.undo.undo())?.ok).toBe(true);
    expect(storage.cache.get('measure', measureId)).toMatchObject({ owner: '王芳', progress: 0 });
    await storage.undo.undo();
    expect(owner()).toBe('');
    expect(await storage.undo.undo()).toBeNull();
    expect(storage.undo.state.get()).toEqual({ undo: 0, redo: 2 });

    await storage.undo.redo();
    expect(owner()).toBe('王芳');
    // A new change ends what could be redone.
    await storage.save([{ op: 'update', entity: 'measure', id: measureId, fields: { owner: '赵六' } }]);
    expect(storage.undo.state.get()).toEqual({ undo: 2, redo: 0 });
    expect(await storage.undo.redo()).toBeNull();
  });

  it('undoes a creation and a deletion, and two quick undos undo two steps', async () => {
    const extra = newId();
    await storage.save([{ op: 'create', entity: 'measure', id: extra, values: { problemId, seq: 2, title: '第二条' } }]);
    await storage.save([{ op: 'delete', entity: 'measure', id: measureId }]);
    await Promise.all([storage.undo.undo(), storage.undo.undo()]);
    expect(storage.cache.get('measure', measureId)?.title).toBe('编印读本');
    expect(storage.cache.get('measure', extra)).toBeUndefined();
    expect(await storage.db.outbox.count()).toBeGreaterThan(0);
  });

  it('keeps a refused undo on the stack, with the reason', async () => {
    const other = newId();
    await storage.save([{ op: 'create', entity: 'department', id: other, values: { name: '市税务局' } }]);
    // The department is used after its creation: undoing the creation would leave a dangling reference.
    await storage.save([{ op: 'update', entity: 'measure', id: measureId, fields: { leadDepartmentId: other } }], { undoable: false });
    const refused = await storage.undo.undo();
    expect(refused?.ok).toBe(false);
    expect(storage.cache.get('department', other)?.name).toBe('市税务局');
    expect(storage.undo.state.get()).toEqual({ undo: 1, redo: 0 });
  });
});
