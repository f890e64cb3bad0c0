// The one mutation path: validate every change with the shared schemas, then write them all in one transaction.
import { type Change, applyChange, diffFields, invertChange, withoutMeta } from '#shared/model/change.ts';
import { newId } from '#shared/model/ids.ts';
import type { Mutation } from '#shared/sync/protocol.ts';
import { type AnyRecord, type EntityName, entityNames } from '#shared/model/entities.ts';
import type { FieldError } from '#shared/model/field-error.ts';
import type { ChangeFeed } from './change-feed.ts';
import { checkIntegrity, type Key, keyOf, splitKey } from './check-integrity.ts';
import { type LedgerDb, type OutboxRow, tableOf, WRITES_KEY } from './db.ts';
import { toStorageError } from './storage-error.ts';

export type RecordError = { index: number; entity: EntityName; id: string; errors: FieldError[] };

export type SavedChange = { entity: EntityName; id: string; prev: AnyRecord | undefined; next: AnyRecord | null };

export type SaveResult = { ok: true; saved: SavedChange[]; inverse: Change[] } | { ok: false; errors: RecordError[] };

/** What the caller's record cache holds: the write count it has seen in full, and its records. */
export type CachedState = { version: number; get: (entity: EntityName, id: string) => AnyRecord | undefined };

export type SaveContext = {
  actor: string;
  /** This device's id, stamped on the outbox's mutations. */
  clientId: string;
  now?: string;
  cache?: CachedState;
  /** The form draft this save contains: deleted in the same transaction, so it can never outlive the save. */
  draftKey?: string;
};

class Refused extends Error {
  readonly errors: RecordError[];
  constructor(errors: RecordError[]) {
    super('refused');
    this.errors = errors;
  }
}


/**
 * Applies `changes` in order, all or nothing. Any invalid change refuses the whole batch, changes nothing
 * and reports each refused change with its fields; a storage failure throws a StorageError, and the
 * transaction leaves nothing half-written. On success the change feed announces the new records.
 */
export async function saveChanges(db: LedgerDb, feed: ChangeFeed, changes: readonly Change[], ctx: SaveContext): Promise<SaveResult> {
  if (changes.length === 0) return { ok: true, saved: [], inverse: [] };
  const now = ctx.now ?? new Date().toISOString();
  // Every entity table joins: references are checked against what exists, deletions against what refers.
  const tables = [...entityNames.map((e) => db.table(tableOf[e])), db.meta, db.outbox, ...(ctx.draftKey ? [db.drafts] : [])];
  let saved: SavedChange[];
  let version = 0;
  try {
    saved = await db.transaction('rw', tables, async () => {
      const writes = (await db.meta.get(WRITES_KEY))?.value ?? 0;
      version = writes + 1;
      // If the cache has seen every committed write, its records are the stored ones: no need to read
      // them again (a 10,000-row bulkGet costs half a second). Otherwise another tab wrote meanwhile.
      const cache = ctx.cache?.version === writes ? ctx.cache : undefined;
      const state = cache ? targetsFrom(cache, changes) : await loadTargets(db, changes);
      const prevs = new Map(state);
      const errors: RecordError[] = [];
      changes.forEach((change, index) => {
        const key = keyOf(change.entity, change.id);
        const result = applyChange(state.get(key) ?? undefined, change, { actor: ctx.actor, now });
        if (result.ok) state.set(key, result.next);
        else errors.push({ index, entity: change.entity, id: change.id, errors: result.errors });
      });
      if (errors.length === 0) errors.push(...(await checkIntegrity(db, changes, state)));
      if (errors.length > 0) throw new Refused(errors);
      await writeState(db, state, prevs);
      await db.meta.put({ key: WRITES_KEY, value: version });
      // In the order the changes came (dependents deleted before what they refer to, created after): the server
      // applies the outbox in this order, and refuses a deletion of what a later mutation would have freed.
      const order = [...new Set(changes.map((c) => keyOf(c.entity, c.id)))];
      const saved = order.filter((k) => prevs.get(k) !== state.get(k)).map((key): SavedChange => {
        const [entity, id] = splitKey(key);
        return { entity, id, prev: prevs.get(key) ?? undefined, next: state.get(key) ?? null };
      });
      // The outbox commits with the records: a change is never saved without the means to send it.
      const bases = new Map(changes.flatMap((c) => (c.op === 'update' && c.base !== undefined ? [[keyOf(c.entity, c.id), c.base] as const] : [])));
      await db.outbox.bulkAdd(saved.flatMap((s) => toOutbox(s, ctx.clientId, ctx.actor, now, bases.get(keyOf(s.entity, s.id)))));
      if (ctx.draftKey) await db.drafts.delete(ctx.draftKey);
      return saved;
    });
  } catch (error) {
    if (error instanceof Refused) return { ok: false, errors: error.errors };
    throw toStorageError(error);
  }
  announce(feed, saved, version);
  const inverse = saved
    .map((s) => invertChange(s.entity, s.id, s.prev, s.next))
    .filter((c): c is Change => c !== null)
    .reverse();
  return { ok: true, saved, inverse };
}

function toOutbox(s: SavedChange, clientId: string, actor: string, at: string, base?: number): OutboxRow[] {
  const op = !s.prev ? 'create' : !s.next ? 'delete' : 'update';
  const fields = op === 'create' && s.next ? withoutMeta(s.next) : op === 'update' && s.next && s.prev ? diffFields(s.next, s.prev) : {};
  if (op === 'update' && Object.keys(fields).length === 0) return [];
  const mutation: Mutation = { mutationId: newId(), clientId, entity: s.entity, id: s.id, op, fields, baseVersion: Math.min(base ?? Infinity, s.prev?.rev ?? 0), actor, at };
  return [{ key: `${s.entity}:${s.id}`, mutation, status: 'pending' }];
}

function targetsFrom(cache: CachedState, changes: readonly Change[]): Map<Key, AnyRecord | null> {
  const state = new Map<Key, AnyRecord | null>();
  for (const change of changes) state.set(keyOf(change.entity, change.id), cache.get(change.entity, change.id) ?? null);
  return state;
}

async function loadTargets(db: LedgerDb, changes: readonly Change[]): Promise<Map<Key, AnyRecord | null>> {
  const state = new Map<Key, AnyRecord | null>();
  for (const entity of entityNames) {
    const ids = [...new Set(changes.filter((c) => c.entity === entity).map((c) => c.id))];
    if (ids.length === 0) continue;
    const records = await db.tableFor(entity).bulkGet(ids);
    ids.forEach((id, i) => state.set(keyOf(entity, id), records[i] ?? null));
  }
  return state;
}

async function writeState(db: LedgerDb, state: Map<Key, AnyRecord | null>, prevs: Map<Key, AnyRecord | null>): Promise<void> {
  for (const entity of entityNames) {
    const puts: AnyRecord[] = [];
    const deletes: string[] = [];
    for (const [key, record] of state) {
      if (!key.startsWith(`${entity}:`)) continue;
      if (record) puts.push(record);
      else if (prevs.get(key)) deletes.push(splitKey(key)[1]);
    }
    const table = db.table(tableOf[entity]);
    if (puts.length > 0) await table.bulkPut(puts);
    if (deletes.length > 0) await table.bulkDelete(deletes);
  }
}

function announce(feed: ChangeFeed, saved: SavedChange[], version: number): void {
  for (const entity of entityNames) {
    const mine = saved.filter((s) => s.entity === entity);
    if (mine.length === 0) continue;
    feed.emit({
      entity,
      upserted: mine.flatMap((s) => (s.next ? [s.next] : [])),
      removed: mine.filter((s) => !s.next).map((s) => s.id),
      origin: 'local',
      version,
    });
  }
}
