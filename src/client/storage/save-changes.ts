// The one mutation path: validate every change with the shared schemas, then write them all in one transaction.
import { type Change, applyChange, invertChange } from '#shared/model/change.ts';
import { type AnyRecord, type EntityName, entityNames, entityReferences } from '#shared/model/entities.ts';
import type { FieldError } from '#shared/model/field-error.ts';
import type { ChangeFeed } from './change-feed.ts';
import { type LedgerDb, tableOf } from './db.ts';
import { toStorageError } from './storage-error.ts';

export type RecordError = { index: number; entity: EntityName; id: string; errors: FieldError[] };

export type SavedChange = { entity: EntityName; id: string; prev: AnyRecord | undefined; next: AnyRecord | null };

export type SaveResult = { ok: true; saved: SavedChange[]; inverse: Change[] } | { ok: false; errors: RecordError[] };

export type SaveContext = { actor: string; now?: string };

class Refused extends Error {
  readonly errors: RecordError[];
  constructor(errors: RecordError[]) {
    super('refused');
    this.errors = errors;
  }
}

type Key = `${EntityName}:${string}`;
const keyOf = (entity: EntityName, id: string): Key => `${entity}:${id}`;

/**
 * Applies `changes` in order, all or nothing. Any invalid change refuses the whole batch, changes nothing
 * and reports each refused change with its fields; a storage failure throws a StorageError, and the
 * transaction leaves nothing half-written. On success the change feed announces the new records.
 */
export async function saveChanges(db: LedgerDb, feed: ChangeFeed, changes: readonly Change[], ctx: SaveContext): Promise<SaveResult> {
  if (changes.length === 0) return { ok: true, saved: [], inverse: [] };
  const now = ctx.now ?? new Date().toISOString();
  // Every entity table joins: references are checked against what exists, deletions against what refers.
  const tables = entityNames.map((e) => db.table(tableOf[e]));
  let saved: SavedChange[];
  try {
    saved = await db.transaction('rw', tables, async () => {
      const state = await loadTargets(db, changes);
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
      return [...state.keys()].filter((k) => prevs.get(k) !== state.get(k)).map((key) => {
        const [entity, id] = splitKey(key);
        return { entity, id, prev: prevs.get(key) ?? undefined, next: state.get(key) ?? null };
      });
    });
  } catch (error) {
    if (error instanceof Refused) return { ok: false, errors: error.errors };
    throw toStorageError(error);
  }
  announce(feed, saved);
  const inverse = saved
    .map((s) => invertChange(s.entity, s.id, s.prev, s.next))
    .filter((c): c is Change => c !== null)
    .reverse();
  return { ok: true, saved, inverse };
}

function splitKey(key: Key): [EntityName, string] {
  const at = key.indexOf(':');
  return [key.slice(0, at) as EntityName, key.slice(at + 1)];
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

function refsOf(record: AnyRecord, entity: EntityName) {
  const loose = record as unknown as Record<string, unknown>;
  return entityReferences[entity].flatMap((ref) => {
    const value = loose[ref.field];
    const ids = ref.many ? (value as string[]) : value === null ? [] : [value as string];
    return ids.map((id) => ({ field: ref.field, target: ref.target, id }));
  });
}

async function checkIntegrity(db: LedgerDb, changes: readonly Change[], state: Map<Key, AnyRecord | null>): Promise<RecordError[]> {
  const errors: RecordError[] = [];
  const indexOf = (entity: EntityName, id: string) => changes.findIndex((c) => c.entity === entity && c.id === id);
  const fail = (entity: EntityName, id: string, error: FieldError) => {
    const existing = errors.find((e) => e.entity === entity && e.id === id);
    if (existing) existing.errors.push(error);
    else errors.push({ index: indexOf(entity, id), entity, id, errors: [error] });
  };

  // Every reference must point at a record that exists once the batch is applied.
  const wanted = new Map<Key, { entity: EntityName; id: string; field: string }[]>();
  for (const [key, record] of state) {
    if (!record) continue;
    const [entity, id] = splitKey(key);
    for (const ref of refsOf(record, entity)) {
      const target = keyOf(ref.target, ref.id);
      if (state.has(target)) {
        if (state.get(target) === null) fail(entity, id, { field: ref.field, code: 'unknownReference' });
      } else {
        const list = wanted.get(target) ?? [];
        list.push({ entity, id, field: ref.field });
        wanted.set(target, list);
      }
    }
  }
  for (const target of entityNames) {
    const keys = [...wanted.keys()].filter((k) => k.startsWith(`${target}:`));
    if (keys.length === 0) continue;
    const found = await db.tableFor(target).bulkGet(keys.map((k) => splitKey(k)[1]));
    keys.forEach((k, i) => {
      if (!found[i]) for (const ref of wanted.get(k) ?? []) fail(ref.entity, ref.id, { field: ref.field, code: 'unknownReference' });
    });
  }

  // A deleted record must no longer be referred to by anything that stays.
  for (const [key, record] of state) {
    if (record !== null) continue;
    const [entity, id] = splitKey(key);
    const count = (await referrersOf(db, entity, id)).filter(([refEntity, referrer]) => {
      const current = state.has(keyOf(refEntity, referrer.id)) ? state.get(keyOf(refEntity, referrer.id)) : referrer;
      return current !== null && current !== undefined && refsOf(current, refEntity).some((r) => r.target === entity && r.id === id);
    }).length;
    if (count > 0) fail(entity, id, { field: '', code: 'inUse', params: { count } });
  }

  // Department names identify departments in imports and pastes, so they must stay unique.
  for (const [key, record] of state) {
    if (!record || !key.startsWith('department:')) continue;
    const name = (record as { name: string }).name;
    const clash = (await db.departments.where('name').equals(name).toArray()).some((d) => {
      const current = state.has(keyOf('department', d.id)) ? state.get(keyOf('department', d.id)) : d;
      return d.id !== record.id && current !== null && (current as { name: string } | undefined)?.name === name;
    });
    const inBatch = [...state.entries()].some(([k, r]) => k !== key && k.startsWith('department:') && r !== null && (r as { name: string }).name === name);
    if (clash || inBatch) fail('department', record.id, { field: 'name', code: 'duplicateName', params: { name } });
  }
  return errors;
}

async function referrersOf(db: LedgerDb, entity: EntityName, id: string): Promise<[EntityName, AnyRecord][]> {
  if (entity === 'problem') return (await db.measures.where('problemId').equals(id).toArray()).map((m) => ['measure', m]);
  if (entity === 'area') return (await db.problems.where('areaId').equals(id).toArray()).map((p) => ['problem', p]);
  if (entity !== 'department') return [];
  const measures = new Map([
    ...(await db.measures.where('leadDepartmentId').equals(id).toArray()).map((m) => [m.id, m] as const),
    ...(await db.measures.where('cooperatingDepartmentIds').equals(id).toArray()).map((m) => [m.id, m] as const),
  ]);
  const problems = (await db.problems.toArray()).filter((p) => refsOf(p, 'problem').some((r) => r.id === id));
  return [...[...measures.values()].map((m): [EntityName, AnyRecord] => ['measure', m]), ...problems.map((p): [EntityName, AnyRecord] => ['problem', p])];
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

function announce(feed: ChangeFeed, saved: SavedChange[]): void {
  for (const entity of entityNames) {
    const mine = saved.filter((s) => s.entity === entity);
    if (mine.length === 0) continue;
    feed.emit({
      entity,
      upserted: mine.flatMap((s) => (s.next ? [s.next] : [])),
      removed: mine.filter((s) => !s.next).map((s) => s.id),
      origin: 'local',
    });
  }
}
