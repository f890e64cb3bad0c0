// Turns many cell inputs (a paste, a fill, a bulk set) into one batch of changes, each cell handled as a typed
// edit would be: parsed by its column's codec, skipped where not editable, and each record's change validated
// whole with the shared rules, so that every refused cell is named before anything is saved.
import type { Column, IRowNode } from 'ag-grid-community';
import { describeReason, fieldLabel } from '#shared/i18n/describe-error.ts';
import type { Translate } from '#shared/i18n/translate.ts';
import { applyChange, type Change, sameValue } from '#shared/model/change.ts';
import type { AnyRecord, EntityName } from '#shared/model/entities.ts';
import type { CodecContext, ParseResult } from '#shared/model/field-codec.ts';
import type { FieldError } from '#shared/model/field-error.ts';
import { type ColumnContext, parseCellInput } from './columns.ts';

/** A cell to set: typed `text` (parsed like an edit) or a `value` already in the field's form. */
export type CellInput = { node: IRowNode; column: Column; text?: string; value?: unknown };
/** A row still to be made (a paste longer than the grid): its creation and the cells that fill it. */
export type NewRowInput = { create: Extract<Change, { op: 'create' }>; cells: { column: Column; text: string }[] };

export type RefusedCell = { row: string; column: string; reason: string };
export type CellPlan = { changes: Change[]; cells: number; refused: RefusedCell[]; skipped: number };

export type PlanContext = {
  t: Translate;
  codec: CodecContext;
  get: (entity: EntityName, id: string) => AnyRecord | undefined;
  rowLabel: (entity: EntityName, id: string) => string;
  actor: string;
  now: string;
};

type Cell = { field: string; header: string };
type Pending = { entity: EntityName; id: string; fields: Record<string, unknown>; cells: Cell[] };

/** Fields whose value is stamped when another changes without them: progressNote dates itself today. */
const COMPANIONS: Record<string, string> = { progressNote: 'progressNoteDate' };

const contextOf = (column: Column) => column.getColDef().context as ColumnContext | undefined;
const headerOf = (column: Column) => column.getColDef().headerName ?? column.getColId();

export function planCells(inputs: readonly CellInput[], newRows: readonly NewRowInput[], ctx: PlanContext): CellPlan {
  const plan: CellPlan = { changes: [], cells: 0, refused: [], skipped: 0 };
  const pending = new Map<string, Pending>();
  const unchanged = new Map<string, Map<string, { value: unknown; cell: Cell }>>();
  for (const input of inputs) {
    const context = contextOf(input.column);
    const data = input.node.data as AnyRecord | undefined;
    if (!context || !data || !input.column.isCellEditable(input.node)) {
      plan.skipped++;
      continue;
    }
    const parsed: ParseResult = input.text === undefined ? { ok: true, value: input.value ?? null } : parseCellInput(context.kind, input.text, ctx.codec);
    const cell = { field: context.field, header: headerOf(input.column) };
    if (!parsed.ok) {
      plan.refused.push({ row: ctx.rowLabel(context.entity, data.id), column: cell.header, reason: describeReason(ctx.t, parsed) });
      continue;
    }
    const key = `${context.entity}:${data.id}`;
    if (sameValue((data as unknown as Record<string, unknown>)[context.field], parsed.value)) {
      const same = unchanged.get(key) ?? new Map<string, { value: unknown; cell: Cell }>();
      unchanged.set(key, same.set(context.field, { value: parsed.value, cell }));
      continue;
    }
    const entry = pending.get(key) ?? { entity: context.entity, id: data.id, fields: {}, cells: [] };
    entry.fields[context.field] = parsed.value;
    entry.cells.push(cell);
    pending.set(key, entry);
  }
  for (const [key, entry] of pending) {
    // A note pasted with its date keeps that date even when it equals the old note's: left out, the new note
    // would be dated today.
    for (const [field, companion] of Object.entries(COMPANIONS)) {
      const given = unchanged.get(key)?.get(companion);
      if (field in entry.fields && given) {
        entry.fields[companion] = given.value;
        entry.cells.push(given.cell);
      }
    }
    settle(entry, plan, ctx);
  }
  for (const row of newRows) planNewRow(row, plan, ctx);
  return plan;
}

/** Validates one record's change; the cells of refused fields drop out, the rest stand if they are valid alone. */
function settle(entry: Pending, plan: CellPlan, ctx: PlanContext): void {
  const existing = ctx.get(entry.entity, entry.id);
  const row = ctx.rowLabel(entry.entity, entry.id);
  const refuse = (cells: Cell[], errors: readonly FieldError[]) => {
    for (const cell of cells) {
      const error = errors.find((e) => e.field === cell.field) ?? errors[0];
      if (error) plan.refused.push({ row, column: cell.header, reason: describeReason(ctx.t, error) });
    }
  };
  let fields = entry.fields;
  for (let attempt = 0; attempt < 2; attempt++) {
    const change: Change = { op: 'update', entity: entry.entity, id: entry.id, fields };
    const result = applyChange(existing, change, { actor: ctx.actor, now: ctx.now });
    if (result.ok) {
      plan.changes.push(change);
      plan.cells += Object.keys(fields).length;
      return;
    }
    const named = new Set(result.errors.map((e) => e.field).filter((f) => f in fields));
    const cells = entry.cells.filter((c) => c.field in fields);
    if (attempt === 1 || named.size === 0) {
      refuse(cells, result.errors);
      return;
    }
    refuse(cells.filter((c) => named.has(c.field)), result.errors);
    fields = Object.fromEntries(Object.entries(fields).filter(([f]) => !named.has(f)));
    if (Object.keys(fields).length === 0) return;
  }
}

function planNewRow(row: NewRowInput, plan: CellPlan, ctx: PlanContext): void {
  const values: Record<string, unknown> = { ...row.create.values };
  const entity = row.create.entity;
  let cells = 0;
  for (const { column, text } of row.cells) {
    const context = contextOf(column);
    // A new row's computed and read-only columns have nothing to take.
    if (!context || context.entity !== entity || column.getColDef().editable === false) continue;
    const parsed = parseCellInput(context.kind, text, ctx.codec);
    if (!parsed.ok) {
      plan.refused.push({ row: ctx.t('bulk.newRow'), column: headerOf(column), reason: describeReason(ctx.t, parsed) });
      return;
    }
    values[context.field] = parsed.value;
    cells++;
  }
  const create: Change = { ...row.create, values };
  const result = applyChange(undefined, create, { actor: ctx.actor, now: ctx.now });
  if (!result.ok) {
    for (const error of result.errors) plan.refused.push({ row: ctx.t('bulk.newRow'), column: error.field ? fieldLabel(ctx.t, entity, error.field) : '', reason: describeReason(ctx.t, error) });
    return;
  }
  plan.changes.push(create);
  plan.cells += cells;
}
