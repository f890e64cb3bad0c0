// Turns a parsed CSV table into changes: each cell read with the field codecs, each row validated with the
// shared schema, rows matched to existing records by id (or a natural key), unknown departments collected,
// and cells the export predates kept out (the newer value stands). Pure: nothing is written here.
import { type Change, applyChange, sameValue } from '../model/change.ts';
import type { AnyRecord, EntityName } from '../model/entities.ts';
import { type CodecContext, parseFieldText } from '../model/field-codec.ts';
import type { ErrorCode } from '../model/field-error.ts';
import { idSchema, newId } from '../model/ids.ts';
import { z } from 'zod';
import { checkChange, type SessionUser } from '../auth/permissions.ts';
import { type ColumnKey, columnsOf, jsonFields } from './columns.ts';
import { restoreNeutralised } from './table.ts';

export type RowIssue = { row: number; column: string; field: string; code: ErrorCode; params?: Record<string, string | number>; severity: 'error' | 'warning' };
export type PlannedRow = { row: number; change: Change | null; issues: RowIssue[] };
export type ImportPlan = { rows: PlannedRow[]; newDepartments: Change[]; unknownDepartments: string[] };

export type ImportLookups = {
  codec: CodecContext;
  get: (entity: EntityName, id: string) => AnyRecord | undefined;
  /** A record matching a row without id: a measure by problem and title, a problem by number, a department by name. */
  findByKey: (entity: EntityName, values: Record<string, unknown>) => AnyRecord | undefined;
  /** The next free position for a new measure of a problem. */
  nextSeq: (problemId: string) => number;
};

export type ImportOptions = {
  entity: EntityName;
  createDepartments: boolean;
  actor: string;
  now: string;
  /** Who imports: rows they may not change are refused here, as the server would refuse them. */
  user?: SessionUser;
  /** Called every thousand rows, for a progress bar. */
  onProgress?: (done: number, total: number) => void;
};

const NOT_FIELDS = new Set(['id', 'rev', 'updatedAt', 'problemNumber']);
const TEXT_KINDS = new Set(['text', 'multiline', 'lines']);
const LIST_SPLIT = /[、，,;；\n\r\t]+/;

export function planImport(table: string[][], mapping: (ColumnKey | null)[], lookups: ImportLookups, options: ImportOptions): ImportPlan {
  const header = table[0] ?? [];
  const columns = new Map(columnsOf(options.entity).map((c) => [c.key, c]));
  const mapped = mapping.map((key, index) => (key ? { index, key, column: columns.get(key), header: header[index] ?? key } : null)).filter((m) => m?.column !== undefined) as {
    index: number;
    key: string;
    column: NonNullable<ReturnType<typeof columns.get>>;
    header: string;
  }[];

  // Departments nobody has heard of: offered for creation, never invented behind the user's back.
  const unknown = new Set<string>();
  for (const m of mapped.filter((x) => x.column.kind === 'department' || x.column.kind === 'departments')) {
    for (const row of table.slice(1)) {
      for (const name of (row[m.index] ?? '').split(LIST_SPLIT).map((s) => s.trim()).filter((s) => s !== '')) {
        if (!lookups.codec.findDepartment(name)) unknown.add(name);
      }
    }
  }
  const created = new Map<string, string>();
  const newDepartments: Change[] = [];
  if (options.createDepartments && (!options.user || checkChange(options.user, 'department', null, { name: '' }, ['name']).ok)) {
    for (const name of unknown) {
      const id = newId();
      created.set(name, id);
      newDepartments.push({ op: 'create', entity: 'department', id, values: { name } });
    }
  }
  const codec: CodecContext = { ...lookups.codec, findDepartment: (name) => created.get(name) ?? lookups.codec.findDepartment(name) };
  const seqs = new Map<string, number>();

  const total = table.length - 1;
  const rows = table.slice(1).map((cells, i): PlannedRow => {
    const row = i + 2; // the spreadsheet's own numbering: the header is row 1
    if (i % 1000 === 0) options.onProgress?.(i, total);
    const issues: RowIssue[] = [];
    const issue = (m: { header: string; key: string }, code: ErrorCode, params?: Record<string, string | number>, severity: RowIssue['severity'] = 'error') =>
      issues.push({ row, column: m.header, field: m.key, code, params, severity });
    const values: Record<string, unknown> = {};
    for (const m of mapped) {
      const raw = cells[m.index] ?? '';
      const text = TEXT_KINDS.has(m.column.kind) ? restoreNeutralised(raw) : raw.trim();
      const kind = m.column.kind;
      if (kind === 'id') {
        if (text !== '' && !idSchema.safeParse(text).success) issue(m, 'invalidId');
        else if (text !== '') values.id = text;
      } else if (kind === 'rev') {
        if (text !== '' && !/^\d+$/.test(text)) issue(m, 'invalidNumber');
        else if (text !== '') values.rev = Number(text);
      } else if (kind === 'seq') {
        const n = Number(text);
        if (text !== '' && !(Number.isFinite(n) && n >= 0)) issue(m, 'invalidNumber');
        else if (text !== '') values.seq = n;
      } else if (kind === 'timestamp') {
        if (text !== '') values.updatedAt = text;
      } else if (kind === 'problemNumber') {
        if (text === '') continue;
        const problemId = codec.findProblem(text);
        if (problemId) values.problemId = problemId;
        else issue(m, 'unknownReference', { name: text });
      } else if (kind === 'json') {
        if (text === '') values[m.key] = [];
        else {
          try {
            const parsed = (jsonFields[options.entity][m.key] ?? z.never()).safeParse(JSON.parse(text));
            if (parsed.success) values[m.key] = parsed.data;
            else issue(m, 'invalid');
          } catch {
            issue(m, 'invalid');
          }
        }
      } else if (kind === 'multiline') {
        // Kept as written, edge line breaks included: a file is data, not typing.
        values[m.key] = text.replace(/\r\n?/g, '\n');
      } else if (!(m.key === 'problemId' && 'problemId' in values)) {
        const parsed = parseFieldText(kind, text, codec);
        if (parsed.ok) values[m.key] = parsed.value;
        else issue(m, parsed.code, parsed.params);
      }
    }
    if (issues.some((x) => x.severity === 'error')) return { row, change: null, issues };

    const existing = typeof values.id === 'string' ? lookups.get(options.entity, values.id) : lookups.findByKey(options.entity, values);
    const id = existing?.id ?? (typeof values.id === 'string' ? values.id : newId());
    const exportedAt = typeof values.updatedAt === 'string' ? values.updatedAt : undefined;
    const base = typeof values.rev === 'number' ? values.rev : undefined;
    const fields = Object.fromEntries(Object.entries(values).filter(([k]) => !NOT_FIELDS.has(k)));

    let change: Change;
    if (existing) {
      const current = existing as unknown as Record<string, unknown>;
      const changed: Record<string, unknown> = {};
      const rev = typeof current.rev === 'number' ? current.rev : 0;
      for (const [field, value] of Object.entries(fields)) {
        if (sameValue(current[field], value)) continue;
        const m = mapped.find((x) => x.key === field) ?? { header: field, key: field };
        if (base !== undefined) {
          // An export carries its version: the change goes through sync's merge, based on that version, so
          // that a cell someone changed since stays theirs and the file's value becomes a conflict.
          if (rev > base) issue(m, 'changedSinceExport', { base, rev }, 'warning');
        } else if (exportedAt !== undefined && typeof current.updatedAt === 'string' && current.updatedAt > exportedAt) {
          // Only a time to go by: the whole record is newer, so none of its cells is taken from the file.
          issue(m, 'staleValue', { at: current.updatedAt }, 'warning');
          continue;
        }
        changed[field] = value;
      }
      if (Object.keys(changed).length === 0) return { row, change: null, issues };
      change = { op: 'update', entity: options.entity, id, fields: changed, ...(base !== undefined ? { base } : {}) };
    } else {
      if (options.entity === 'measure' && typeof fields.problemId === 'string' && fields.seq === undefined) {
        const next = seqs.get(fields.problemId) ?? lookups.nextSeq(fields.problemId);
        seqs.set(fields.problemId, next + 1);
        fields.seq = next;
      }
      change = { op: 'create', entity: options.entity, id, values: fields };
    }
    const check = applyChange(existing, change, { actor: options.actor, now: options.now });
    if (!check.ok) {
      for (const error of check.errors) {
        const m = mapped.find((x) => x.key === error.field) ?? { header: error.field, key: error.field };
        issue(m, error.code, error.params);
      }
      return { row, change: null, issues };
    }
    const fieldNames = Object.keys(change.op === 'create' ? change.values : change.op === 'update' ? change.fields : {});
    const permission = options.user ? checkChange(options.user, options.entity, (existing) ?? null, check.next, fieldNames) : { ok: true as const };
    if (!permission.ok) {
      const m = mapped.find((x) => x.key === permission.field) ?? { header: '', key: permission.field ?? '' };
      issue(m, 'forbidden');
      return { row, change: null, issues };
    }
    return { row, change, issues };
  });
  return { rows, newDepartments, unknownDepartments: [...unknown] };
}
