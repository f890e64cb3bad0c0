// A change to one record (create, update some fields, delete) and the pure rule that applies it.
import { z } from 'zod';
import { todayIso } from './dates.ts';
import { type AnyRecord, type EntityName, entityDefaults, entityEntryLogs, entityNames, entitySchemas } from './entities.ts';
import { invertEntries, mergeEntries } from './entry-log.ts';
import { type FieldError, toFieldErrors } from './field-error.ts';
import { idSchema } from './ids.ts';
import { appendProgress, type ProgressEntry, withLatestNote } from './measure-history.ts';
import { overlay } from './overlay.ts';
import { derivedFields, metaDefaults, metaFields } from './record.ts';
import { canTransition, isDone, type Status } from './status.ts';
import { checkSteps } from './supervision-steps.ts';

const valuesSchema = z.record(z.string(), z.unknown());

export const changeSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('create'), entity: z.enum(entityNames), id: idSchema, values: valuesSchema }).strict(),
  z
    .object({
      op: z.literal('update'),
      entity: z.enum(entityNames),
      id: idSchema,
      fields: valuesSchema,
      /** The server version the change was based on, when older than the record's (an import of an older export). */
      base: z.number().int().min(0).optional(),
    })
    .strict(),
  z.object({ op: z.literal('delete'), entity: z.enum(entityNames), id: idSchema }).strict(),
]);
export type Change = z.infer<typeof changeSchema>;

export type ChangeContext = {
  /** Who makes the change, as stored in createdBy/updatedBy. */
  actor: string;
  /** When, as an ISO timestamp. */
  now: string;
};

export type ApplyResult = { ok: true; next: AnyRecord | null } | { ok: false; errors: FieldError[] };

type Loose = Record<string, unknown>;

/**
 * Applies one change to the record it targets (`prev`, undefined if absent) and validates the result
 * with the entity's schema. Pure: the caller decides whether and where to write `next`.
 */
export function applyChange(prev: AnyRecord | undefined, change: Change, ctx: ChangeContext): ApplyResult {
  if (change.op === 'delete') {
    return prev ? { ok: true, next: null } : { ok: false, errors: [{ field: '', code: 'missing' }] };
  }
  if (change.op === 'create') {
    if (prev) return { ok: false, errors: [{ field: '', code: 'exists' }] };
    const draft = overlay(entityDefaults[change.entity], change.values, metaDefaults, { id: change.id, createdAt: ctx.now, createdBy: ctx.actor, updatedAt: ctx.now, updatedBy: ctx.actor });
    const entries = takeEntries(change.entity, undefined, draft, change.values, ctx);
    if (!entries.ok) return entries;
    return validate(change.entity, withDerivedFields(change.entity, undefined, draft, change.values, ctx));
  }
  if (!prev) return { ok: false, errors: [{ field: '', code: 'missing' }] };
  const readOnly = Object.keys(change.fields).filter((f) => (metaFields as readonly string[]).includes(f) || (derivedFields as readonly string[]).includes(f));
  if (readOnly.length > 0) return { ok: false, errors: readOnly.map((field) => ({ field, code: 'readOnlyField' })) };
  const draft = overlay(prev, change.fields, { updatedAt: ctx.now, updatedBy: ctx.actor });
  const before = prev as Loose;
  if ('status' in before && before.status !== draft.status) {
    const from = before.status as Status;
    const to = draft.status as Status;
    if (typeof to === 'string' && !canTransition(from, to)) {
      return { ok: false, errors: [{ field: 'status', code: 'transition', params: { from, to } }] };
    }
  }
  const entries = takeEntries(change.entity, before, draft, change.fields, ctx);
  if (!entries.ok) return entries;
  const stepError = change.entity === 'measure' ? checkSteps(before, draft) : null;
  if (stepError) return { ok: false, errors: [stepError] };
  return validate(change.entity, withDerivedFields(change.entity, before, draft, change.fields, ctx));
}

/**
 * The entry lists a change gives (notes, extension requests) taken against the record's: new entries and acts
 * stamped with this device's user and time (the server stamps them again), none removed or rewritten.
 */
function takeEntries(entity: EntityName, prev: Loose | undefined, draft: Loose, given: Loose, ctx: ChangeContext): { ok: true } | { ok: false; errors: FieldError[] } {
  for (const kind of entityEntryLogs[entity]) {
    if (!(kind.field in given)) continue;
    const merged = mergeEntries(kind, prev?.[kind.field], given[kind.field], { actor: ctx.actor, now: ctx.now, actsForOthers: true }, { sawAll: true, concurrent: false });
    if (!merged.ok) return { ok: false, errors: [{ field: kind.field, code: merged.code }] };
    draft[kind.field] = merged.entries;
  }
  return { ok: true };
}

// Values that follow from others, so that a grid edit of one cell leaves a consistent record. `draft` is the caller's
// own fresh copy and is changed in place (a copy per row was a tenth of an import's check).
function withDerivedFields(entity: EntityName, prev: Loose | undefined, draft: Loose, given: Loose, ctx: ChangeContext): Loose {
  if (entity !== 'measure' && entity !== 'problem') return draft;
  const next = deriveClosure(prev?.status, draft, ctx.actor, ctx.now);
  if (entity !== 'measure') return next;
  const status = next.status as Status;
  if (isDone(status) && !('progress' in given) && (prev === undefined || prev.status !== status)) next.progress = 100;
  if ('progressNote' in given && !('progressNoteDate' in given) && next.progressNote !== prev?.progressNote) {
    next.progressNoteDate = next.progressNote === '' ? null : todayIso(new Date(ctx.now));
  }
  // A note typed in the grid joins the dispatch record too: the history keeps every note, not just the last.
  const note = typeof next.progressNote === 'string' ? next.progressNote.trim() : '';
  if (prev !== undefined && 'progressNote' in given && !('progressLog' in given) && note !== '' && next.progressNote !== prev?.progressNote && typeof next.progressNoteDate === 'string') {
    const log = Array.isArray(next.progressLog) ? (next.progressLog as ProgressEntry[]) : [];
    next.progressLog = appendProgress(log, { date: next.progressNoteDate, text: note, progress: next.progress as number, status }, ctx);
  }
  // 最新进展 follows the newest note whenever the log changed.
  return sameValue(next.progressLog, prev?.progressLog) ? next : withLatestNote(next);
}

function validate(entity: EntityName, draft: Loose): ApplyResult {
  const parsed = entitySchemas[entity].safeParse(draft);
  if (parsed.success) return { ok: true, next: parsed.data };
  return { ok: false, errors: toFieldErrors(parsed.error.issues, draft) };
}

/** Closing (销号) records who verified the item and when; reopening clears it. */
export function deriveClosure(before: unknown, record: Loose, actor: string, now: string): Loose {
  if (record.status === 'closed' && before !== 'closed') return overlay(record, { closedBy: actor, closedAt: now });
  if (record.status !== 'closed' && record.closedBy !== null && record.closedBy !== undefined) return overlay(record, { closedBy: null, closedAt: null });
  return record;
}

/** The change that undoes a change which turned `prev` into `next` (either undefined/null if absent). */
export function invertChange(entity: EntityName, id: string, prev: AnyRecord | undefined, next: AnyRecord | null): Change | null {
  if (!prev) return next ? { op: 'delete', entity, id } : null;
  if (!next) return { op: 'create', entity, id, values: withoutMeta(prev) };
  const fields = diffFields(prev, next);
  // An entry list only grows: what a step wrote is taken back by striking or withdrawing it.
  for (const kind of entityEntryLogs[entity]) {
    if (kind.field in fields) fields[kind.field] = invertEntries(kind, (prev as Loose)[kind.field], (next as Loose)[kind.field]);
  }
  return Object.keys(fields).length > 0 ? { op: 'update', entity, id, fields } : null;
}

const NOT_VALUES = new Set<string>([...metaFields, ...derivedFields]);

/** A record's own values: without the meta fields every record carries, and without derived ones. */
export function withoutMeta(record: object): Loose {
  return Object.fromEntries(Object.entries(record).filter(([k]) => !NOT_VALUES.has(k)));
}

/** The non-meta fields whose values differ between two versions of a record, with the values of `from`. */
export function diffFields(from: object, to: object): Loose {
  const a = from as Loose;
  const b = to as Loose;
  const out: Loose = {};
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if ((metaFields as readonly string[]).includes(key)) continue;
    if (!sameValue(a[key], b[key])) out[key] = a[key];
  }
  return out;
}

export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}
