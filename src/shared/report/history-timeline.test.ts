import { describe, expect, it } from 'vitest';
import { createTranslator } from '../i18n/translate.ts';
import type { CodecContext } from '../model/field-codec.ts';
import { formatLocalDateTime } from '../model/local-time.ts';
import type { AuditEntry } from '../sync/protocol.ts';
import { historyTable, historyTimeline } from './history-timeline.ts';

const departments = new Map([['d1', '市财政局'], ['d2', '市税务局']]);
const codec: CodecContext = {
  t: createTranslator('zh-CN'),
  findDepartment: () => undefined,
  departmentName: (id) => departments.get(id),
  findArea: () => undefined,
  areaName: () => undefined,
  findProblem: () => undefined,
  problemName: (id) => (id === 'p1' ? '1. 审批时限过长' : undefined),
  problemNumber: () => undefined,
};

// Moments built from local clock readings, so the expectations hold in any time zone the tests run in.
const local = (y: number, mo: number, d: number, h: number, mi: number) => new Date(y, mo - 1, d, h, mi, 54, 581).toISOString();
const CREATED = local(2026, 12, 1, 9, 5);
const CLOSED = local(2026, 12, 2, 2, 28);

let n = 0;
function row(over: Partial<AuditEntry>): AuditEntry {
  n++;
  return { seq: 1, at: CREATED, receivedAt: CREATED, user: '赵敏', username: 'zhao', clientId: 'device-7f3a', entity: 'measure', recordId: 'm1', op: 'update', field: 'owner', oldValue: null, newValue: null, mutationId: `mut-${n}`, ...over };
}

// A creation as the server records it: a row per field of the new record, most of them empty.
const creation: AuditEntry[] = [
  ['title', '压缩审批时限'], ['problemId', 'p1'], ['leadDepartmentId', 'd1'], ['cooperatingDepartmentIds', ['d2']], ['owner', ''],
  ['deadline', '2026-12-31'], ['status', 'not_started'], ['progressNote', ''], ['evidence', []], ['progressLog', []], ['closedAt', null],
  ['seq', 3], ['details', ''], ['progressNoteDate', null],
].map(([field, newValue]) => row({ seq: 1, op: 'create', field: field as string, newValue, mutationId: 'create-1' }));

const closing: AuditEntry[] = [
  row({ seq: 2, at: CLOSED, op: 'update', field: 'status', oldValue: 'in_progress', newValue: 'closed', mutationId: 'close-1', user: '李审核' }),
  row({ seq: 2, at: CLOSED, op: 'update', field: 'closedAt', oldValue: null, newValue: CLOSED, mutationId: 'close-1', user: '李审核' }),
  row({ seq: 2, at: CLOSED, op: 'update', field: 'closedBy', oldValue: null, newValue: '李审核', mutationId: 'close-1', user: '李审核' }),
];

describe('history timeline (修改记录)', () => {
  it('shows a creation as one entry with only its initial non-empty values, in the form’s order', () => {
    const [group, ...rest] = historyTimeline(creation, 'measure', codec);
    expect(rest).toHaveLength(0);
    expect(group!.op).toBe('create');
    expect(group!.changes.map((c) => [c.label, c.to])).toEqual([
      ['所属问题', '1. 审批时限过长'],
      ['整改措施', '压缩审批时限'],
      ['牵头单位', '市财政局'],
      ['配合单位', '市税务局'],
      ['整改时限', '2026-12-31'],
      ['整改状态', '未启动'],
    ]);
    expect(group!.changes.every((c) => c.from === '')).toBe(true);
  });

  it('groups one mutation’s fields under who and when, in local time, and shows timestamps inside values locally', () => {
    const groups = historyTimeline([...closing, ...creation], 'measure', codec);
    expect(groups.map((g) => [g.op, g.user, g.time])).toEqual([
      ['update', '李审核', '2026-12-02 02:28'],
      ['create', '赵敏', '2026-12-01 09:05'],
    ]);
    expect(groups[0]!.changes).toEqual([
      { field: 'status', label: '整改状态', from: '整改中', to: '已销号' },
      { field: 'closedAt', label: '销号时间', from: '', to: '2026-12-02 02:28' },
      { field: 'closedBy', label: '销号人', from: '', to: '李审核' },
    ]);
    expect(JSON.stringify(groups.map((g) => [g.time, g.changes]))).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
  });

  it('names the entries a note list gained instead of dumping the list', () => {
    const before = [{ id: 'e1', text: '已起草方案' }];
    const after = [...before, { id: 'e2', text: '方案已印发' }];
    const [group] = historyTimeline([row({ field: 'progressLog', oldValue: before, newValue: after })], 'measure', codec);
    expect(group!.changes).toEqual([{ field: 'progressLog', label: '进展记录', from: '', to: '新增 1 条：方案已印发' }]);
  });

  it('says what an import, a deletion and a restoring did when they name no field', () => {
    const groups = historyTimeline(
      [
        row({ seq: 9, op: 'restore', field: '*', newValue: { title: 'x' }, mutationId: null }),
        row({ seq: 8, op: 'delete', field: '*', oldValue: { title: 'x' } }),
        row({ seq: 1, op: 'create', field: '*', newValue: { import: '台账.xlsx' }, mutationId: null }),
      ],
      'measure',
      codec,
    );
    expect(groups.map((g) => g.note)).toEqual(['整条记录已恢复', '整条记录已删除', '导入自 台账.xlsx']);
  });

  it('exports Chinese headers and labels, local times, and no internal or device ids', () => {
    const table = historyTable(historyTimeline([...closing, ...creation], 'measure', codec), codec.t);
    expect(table.header).toEqual(['时间', '修改人', '操作', '字段', '原值', '新值', '备注']);
    expect(table.rows[0]).toEqual(['2026-12-02 02:28', '李审核', '修改', '整改状态', '整改中', '已销号', '']);
    expect(table.rows).toHaveLength(3 + 6);
    const text = JSON.stringify(table);
    for (const internal of ['device-7f3a', 'close-1', 'create-1', 'm1', 'closedAt', 'leadDepartmentId', 'd1', 'T0', 'Z"']) expect(text).not.toContain(internal);
  });

  it('formats moments as local date and time', () => {
    expect(formatLocalDateTime(local(2026, 1, 5, 7, 3))).toBe('2026-01-05 07:03');
    expect(formatLocalDateTime(local(2026, 1, 5, 7, 3), { seconds: true })).toBe('2026-01-05 07:03:54');
  });
});
