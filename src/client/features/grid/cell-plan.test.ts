import 'fake-indexeddb/auto';
import type { Column, IRowNode } from 'ag-grid-community';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTranslator } from '#shared/i18n/translate.ts';
import type { AnyRecord } from '#shared/model/entities.ts';
import type { FieldKind } from '#shared/model/field-codec.ts';
import { newId } from '#shared/model/ids.ts';
import { createCodecContext } from '#client/storage/codec-context.ts';
import { type LedgerStorage, openLedgerStorage } from '#client/storage/ledger-storage.ts';
import { type PlanContext, planCells } from './cell-plan.ts';

const t = createTranslator('zh-CN');
let storage: LedgerStorage;
let ctx: PlanContext;
const finance = newId();
const problemId = newId();
const ids = [newId(), newId()];

// The parts of AG Grid's column and row the planner reads.
const column = (field: string, kind: FieldKind, headerName: string, editable = true) =>
  ({ getColId: () => field, getColDef: () => ({ headerName, context: { entity: 'measure', field, kind } }), isCellEditable: () => editable }) as unknown as Column;
const computed = { getColId: () => 'warning', getColDef: () => ({ headerName: '预警' }), isCellEditable: () => false } as unknown as Column;
const node = (id: string) => ({ data: storage.cache.get('measure', id) as AnyRecord }) as unknown as IRowNode;

beforeEach(async () => {
  storage = await openLedgerStorage({ name: `plan-${newId()}` });
  await storage.cache.ready;
  await storage.save([
    { op: 'create', entity: 'department', id: finance, values: { name: '市财政局' } },
    { op: 'create', entity: 'problem', id: problemId, values: { number: 1, title: '宣传不够' } },
    ...ids.map((id, i) => ({ op: 'create' as const, entity: 'measure' as const, id, values: { problemId, seq: i + 1, title: `措施${i + 1}`, status: 'in_progress' } })),
  ]);
  ctx = { t, codec: createCodecContext(storage.cache, t), get: (e, id) => storage.cache.get(e, id), rowLabel: (_e, id) => `第 ${ids.indexOf(id) + 1} 行`, actor: '王芳', now: new Date().toISOString() };
});
afterEach(() => storage.close());

describe('planning many cells as typed edits', () => {
  it('parses each cell by its column, merges a row’s cells into one change, and skips what cannot be edited', () => {
    const owner = column('owner', 'text', '责任人');
    const lead = column('leadDepartmentId', 'department', '牵头单位');
    const deadline = column('deadline', 'date', '整改时限');
    const plan = planCells(
      [
        { node: node(ids[0]!), column: owner, text: '张三' },
        { node: node(ids[0]!), column: lead, text: '市财政局' },
        { node: node(ids[0]!), column: computed, text: '红灯' },
        { node: node(ids[1]!), column: deadline, text: '2022年11月2日' },
        { node: node(ids[1]!), column: column('owner', 'text', '责任人', false), text: '不可改' },
      ],
      [],
      ctx,
    );
    expect(plan.changes).toEqual([
      { op: 'update', entity: 'measure', id: ids[0], fields: { owner: '张三', leadDepartmentId: finance } },
      { op: 'update', entity: 'measure', id: ids[1], fields: { deadline: '2022-11-02' } },
    ]);
    expect(plan).toMatchObject({ cells: 3, skipped: 2, refused: [] });
  });

  it('names each refused cell, keeping the row’s valid cells: a bad date, an unknown department, a forbidden status change', () => {
    const plan = planCells(
      [
        { node: node(ids[0]!), column: column('deadline', 'date', '整改时限'), text: '2022-02-30' },
        { node: node(ids[0]!), column: column('owner', 'text', '责任人'), text: '张三' },
        { node: node(ids[1]!), column: column('leadDepartmentId', 'department', '牵头单位'), text: '市教育局' },
        { node: node(ids[1]!), column: column('status', 'status', '整改状态'), value: 'closed' },
        { node: node(ids[1]!), column: column('progress', 'percent', '进度%'), text: '60' },
      ],
      [],
      ctx,
    );
    expect(plan.refused.map((r) => [r.row, r.column])).toEqual([
      ['第 1 行', '整改时限'],
      ['第 2 行', '牵头单位'],
      ['第 2 行', '整改状态'],
    ]);
    expect(plan.changes).toEqual([
      { op: 'update', entity: 'measure', id: ids[0], fields: { owner: '张三' } },
      { op: 'update', entity: 'measure', id: ids[1], fields: { progress: 60 } },
    ]);
  });

  it('keeps a pasted note’s date even when it equals the old note’s date, instead of dating the new note today', async () => {
    await storage.save([{ op: 'update', entity: 'measure', id: ids[0]!, fields: { progressNote: '旧进展', progressNoteDate: '2022-11-02' } }]);
    const note = column('progressNote', 'text', '最新进展');
    const date = column('progressNoteDate', 'date', '进展日期');
    const plan = planCells([{ node: node(ids[0]!), column: note, text: '新进展' }, { node: node(ids[0]!), column: date, text: '2022/11/2' }], [], ctx);
    expect(plan.changes).toEqual([{ op: 'update', entity: 'measure', id: ids[0], fields: { progressNote: '新进展', progressNoteDate: '2022-11-02' } }]);
    expect(plan.cells).toBe(2);
    // A date alone that equals the old one changes nothing.
    expect(planCells([{ node: node(ids[0]!), column: date, text: '2022-11-02' }], [], ctx).changes).toEqual([]);
  });

  it('fills new rows from the cells past the last row, refusing a row whose cell is bad', () => {
    const title = column('title', 'text', '整改措施');
    const deadline = column('deadline', 'date', '整改时限');
    const create = (seq: number) => ({ op: 'create' as const, entity: 'measure' as const, id: newId(), values: { problemId, seq, title: '新措施', status: 'not_started' } });
    const plan = planCells([], [
      { create: create(3), cells: [{ column: title, text: '新增甲' }, { column: deadline, text: '2022/12/1' }] },
      { create: create(4), cells: [{ column: title, text: '新增乙' }, { column: deadline, text: '明天' }] },
    ], ctx);
    expect(plan.changes).toMatchObject([{ op: 'create', values: { title: '新增甲', deadline: '2022-12-01', seq: 3 } }]);
    expect(plan.refused).toMatchObject([{ row: '新增的行', column: '整改时限' }]);
  });
});
