// Turns a parsed table into changes: each cell read with the field codecs, each row validated with the shared
// schema, rows matched to existing records by id (or a natural key; a measure's problem by what the file says, see
// plan-problems.ts), unknown departments collected, the problems, areas and units a flat ledger names planned for
// creation when asked, and cells the export predates kept out (the newer value stands). Pure: nothing is written.
import { fieldLabel } from '../i18n/describe-error.ts';
import type { Area } from '../model/area.ts';
import { type Change, applyChange, sameValue } from '../model/change.ts';
import type { AnyRecord, EntityName } from '../model/entities.ts';
import { type CodecContext, isOngoingText, parseFieldText } from '../model/field-codec.ts';
import type { ErrorCode } from '../model/field-error.ts';
import { idSchema, newId } from '../model/ids.ts';
import { z } from 'zod';
import { checkChange, type SessionUser } from '../auth/permissions.ts';
import type { Problem } from '../model/problem.ts';
import { type ColumnKey, columnsOf, jsonFields } from './columns.ts';
import { planProblems, type ProblemColumns, type ProblemMatch } from './plan-problems.ts';
import { restoreNeutralised } from './table.ts';

export type RowIssue = { row: number; column: string; field: string; code: ErrorCode; params?: Record<string, string | number>; severity: 'error' | 'warning' };
/** What a row was matched to, for the preview: its problem and its units, each marked when the import creates it. */
export type RowMatch = { problem?: { label: string; created: boolean }; departments: { name: string; created: boolean }[] };
export type PlannedRow = { row: number; change: Change | null; issues: RowIssue[]; match?: RowMatch };
export type ImportPlan = {
  rows: PlannedRow[];
  newDepartments: Change[];
  unknownDepartments: string[];
  /** Problems and areas the file names and the ledger lacks, planned when creating them was asked for. */
  newProblems: Change[];
  newAreas: Change[];
  /** How many problems the file names that the ledger lacks (whether or not they are to be created). */
  missingProblems: number;
  numberIsRowCounter: boolean;
};

export type ImportLookups = {
  codec: CodecContext;
  get: (entity: EntityName, id: string) => AnyRecord | undefined;
  /** A record matching a row without id: a measure by problem and title, a problem by number, a department by name. */
  findByKey: (entity: EntityName, values: Record<string, unknown>) => AnyRecord | undefined;
  /** The next free position for a new measure of a problem. */
  nextSeq: (problemId: string) => number;
  problems: readonly Problem[];
  areas: readonly Area[];
};

export type ImportOptions = {
  entity: EntityName;
  createDepartments: boolean;
  /** Create the problems, areas and units the file names and the ledger lacks (a flat ledger into a new one). */
  createMissing?: boolean;
  /** How the user asks for that, named in the message when they have not (a checkbox, a command-line option). */
  missingFix?: string;
  actor: string;
  now: string;
  /** Who imports: rows they may not change are refused here, as the server would refuse them. */
  user?: SessionUser;
  /** Each table row's own number in the file (header first); without it the header is taken as row 1. */
  rowNumbers?: readonly number[];
  /** Called every thousand rows, for a progress bar. */
  onProgress?: (done: number, total: number) => void;
};

const NOT_FIELDS = new Set(['id', 'rev', 'updatedAt', 'problemNumber', 'area']);
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
  const t = lookups.codec.t;
  const may = (entity: EntityName) => !options.user || checkChange(options.user, entity, null, { name: '' }, ['name']).ok;
  const createMissing = options.createMissing === true && may('problem');
  const created = new Map<string, string>();
  const newDepartments: Change[] = [];
  if ((options.createDepartments || createMissing) && may('department')) {
    for (const name of unknown) {
      const id = newId();
      created.set(name, id);
      newDepartments.push({ op: 'create', entity: 'department', id, values: { name } });
    }
  }
  const codec: CodecContext = { ...lookups.codec, findDepartment: (name) => created.get(name) ?? lookups.codec.findDepartment(name) };
  const seqs = new Map<string, number>();
  const createdNames = new Map([...created].map(([name, id]) => [id, name]));
  const departmentName = (id: string) => createdNames.get(id) ?? lookups.codec.departmentName(id) ?? '';

  // A measure's problem, from what the file says (问题 text, 序号), blanks continuing the row above.
  const find = (kind: string, key?: string) => mapped.find((m) => m.column.kind === kind && (key === undefined || m.key === key));
  const problemColumns: ProblemColumns = {};
  for (const [slot, m] of [['number', find('problemNumber')], ['text', find('problem', 'problemId')], ['area', find('problemArea')]] as const) {
    if (m) problemColumns[slot] = { index: m.index, header: m.header };
  }
  const problemPlan =
    options.entity === 'measure' && (problemColumns.number || problemColumns.text)
      ? planProblems(table.slice(1), problemColumns, { t, problems: lookups.problems, areas: lookups.areas, findArea: lookups.codec.findArea, create: createMissing, fix: options.missingFix ?? t('import.fix.ui') })
      : null;
  const newProblemIds = new Map((problemPlan?.problems ?? []).map((p) => [p.id, p]));
  const problemLabel = (id: string) => {
    const made = newProblemIds.get(id);
    if (made) return { label: `${made.number}. ${made.title}`, created: true };
    const p = lookups.get('problem', id) as Problem | undefined;
    return p ? { label: `${p.number}. ${p.title}`, created: false } : undefined;
  };

  const total = table.length - 1;
  const rows = table.slice(1).map((cells, i): PlannedRow => {
    const row = options.rowNumbers?.[i + 1] ?? i + 2; // the file's own numbering, as a spreadsheet program shows it
    if (i % 1000 === 0) options.onProgress?.(i, total);
    const issues: RowIssue[] = [];
    const issue = (m: { header: string; key: string }, code: ErrorCode, params?: Record<string, string | number>, severity: RowIssue['severity'] = 'error') =>
      issues.push({ row, column: m.header, field: m.key, code, params, severity });
    // A field the file has no column for is named by its label, never by its internal name.
    const unmapped = (field: string) => mapped.find((x) => x.key === field) ?? { header: fieldLabel(t, options.entity, field), key: field };
    const values: Record<string, unknown> = {};
    const match: ProblemMatch | undefined = problemPlan?.matches[i];
    if (match?.kind === 'error') issue({ header: match.column, key: 'problemId' }, match.code, match.params);
    else if (match) values.problemId = match.id;
    let ongoing = false;
    for (const m of mapped) {
      if (problemPlan && (m.column.kind === 'problemNumber' || m.key === 'problemId')) continue;
      if (m.column.kind === 'problemArea') continue;
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
      } else if (text === '' && (kind === 'status' || kind === 'measureType' || kind === 'level')) {
        // A blank choice is no choice: a new record takes the default, an existing one keeps its value.
        continue;
      } else if (kind === 'date' && isOngoingText(text)) {
        // 长期坚持 in a deadline column: no end date, and that is the measure's status.
        values[m.key] = null;
        ongoing = true;
      } else if (!(m.key === 'problemId' && 'problemId' in values)) {
        const parsed = parseFieldText(kind, text, codec);
        if (parsed.ok) values[m.key] = parsed.value;
        else issue(m, parsed.code, parsed.params);
      }
    }
    if (ongoing && values.status === undefined) values.status = 'ongoing';
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
        const m = unmapped(field);
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
      for (const error of check.errors) issue(unmapped(error.field), error.code, error.params);
      return { row, change: null, issues };
    }
    const fieldNames = Object.keys(change.op === 'create' ? change.values : change.op === 'update' ? change.fields : {});
    const permission = options.user ? checkChange(options.user, options.entity, (existing) ?? null, check.next, fieldNames) : { ok: true as const };
    if (!permission.ok) {
      issue(permission.field ? unmapped(permission.field) : { header: '', key: '' }, 'forbidden');
      return { row, change: null, issues };
    }
    const next = check.next as unknown as Record<string, unknown>;
    const units = [next.leadDepartmentId, ...((next.cooperatingDepartmentIds as string[] | undefined) ?? [])].filter((id): id is string => typeof id === 'string');
    const rowMatch: RowMatch = {
      problem: typeof next.problemId === 'string' ? problemLabel(next.problemId) : undefined,
      departments: units.map((id) => ({ name: departmentName(id), created: createdNames.has(id) })),
    };
    return { row, change, issues, match: rowMatch };
  });
  const made = problemPlan ? newProblemChanges(problemPlan.problems, rows, departmentName, { actor: options.actor, now: options.now }) : [];
  return {
    rows,
    newDepartments,
    unknownDepartments: [...unknown],
    newProblems: made,
    newAreas: (problemPlan?.areas ?? []).map((a): Change => ({ op: 'create', entity: 'area', id: a.id, values: { name: a.name, seq: a.seq } })),
    missingProblems: problemPlan?.missing ?? 0,
    numberIsRowCounter: problemPlan?.numberIsRowCounter ?? false,
  };
}

/**
 * A new problem's units follow its rows: the first row's lead unit leads it, every other unit named cooperates,
 * and 责任单位（原文） lists them all in the file's order.
 */
function newProblemChanges(problems: ReturnType<typeof planProblems>['problems'], rows: PlannedRow[], name: (id: string) => string, ctx: { actor: string; now: string }): Change[] {
  const rowsOf = new Map<string, PlannedRow[]>();
  for (const r of rows) {
    const problemId = r.change?.op === 'create' ? r.change.values.problemId : undefined;
    if (typeof problemId === 'string') (rowsOf.get(problemId) ?? rowsOf.set(problemId, []).get(problemId)!).push(r);
  }
  return problems.map((p): Change => {
    const units: string[] = [];
    let lead: string | null = null;
    for (const r of rowsOf.get(p.id) ?? []) {
      const values = r.change?.op === 'create' ? r.change.values : {};
      if (lead === null && typeof values.leadDepartmentId === 'string') lead = values.leadDepartmentId;
      for (const id of [values.leadDepartmentId, ...((values.cooperatingDepartmentIds as string[] | undefined) ?? [])]) if (typeof id === 'string' && !units.includes(id)) units.push(id);
    }
    const change: Change = {
      op: 'create',
      entity: 'problem',
      id: p.id,
      values: { number: p.number, title: p.title, description: p.description, areaId: p.areaId, leadDepartmentId: lead, cooperatingDepartmentIds: units.filter((id) => id !== lead), departmentsListed: units.map(name).join('、') },
    };
    // Checked as any record is: a problem that would be refused refuses its rows here, not half-way through a commit.
    const check = applyChange(undefined, change, ctx);
    if (!check.ok) {
      for (const r of rowsOf.get(p.id) ?? []) {
        r.change = null;
        for (const error of check.errors) r.issues.push({ row: r.row, column: '', field: error.field, code: error.code, params: error.params, severity: 'error' });
      }
    }
    return change;
  });
}
