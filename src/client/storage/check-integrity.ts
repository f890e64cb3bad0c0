// Checks a batch against what the database holds: references resolve, deleted records are not in use,
// department names stay unique. Runs inside the saving transaction.
import { type AnyRecord, type EntityName, entityNames, entityReferences } from '#shared/model/entities.ts';
import type { FieldError } from '#shared/model/field-error.ts';
import type { Change } from '#shared/model/change.ts';
import type { LedgerDb } from './db.ts';

export type Key = `${EntityName}:${string}`;

export function keyOf(entity: EntityName, id: string): Key {
  return `${entity}:${id}`;
}

export function splitKey(key: Key): [EntityName, string] {
  const at = key.indexOf(':');
  return [key.slice(0, at) as EntityName, key.slice(at + 1)];
}

export type IntegrityError = { index: number; entity: EntityName; id: string; errors: FieldError[] };

function refsOf(record: AnyRecord, entity: EntityName) {
  const loose = record as unknown as Record<string, unknown>;
  return entityReferences[entity].flatMap((ref) => {
    const value = loose[ref.field];
    const ids = ref.many ? (value as string[]) : value === null ? [] : [value as string];
    return ids.map((id) => ({ field: ref.field, target: ref.target, id }));
  });
}

/** Entities some field of another entity refers to. */
const referable = new Set<EntityName>(entityNames.flatMap((e) => entityReferences[e].map((r) => r.target)));

export async function checkIntegrity(db: LedgerDb, changes: readonly Change[], state: Map<Key, AnyRecord | null>): Promise<IntegrityError[]> {
  const errors: IntegrityError[] = [];
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

  // A deleted record must no longer be referred to by anything that stays. Records nothing can refer to
  // (measures, the ledger's information) are skipped without an await: Dexie keeps a transaction alive over
  // about a hundred awaits of other promises, and clearing a ledger deletes thousands of measures at once.
  for (const [key, record] of state) {
    if (record !== null) continue;
    const [entity, id] = splitKey(key);
    if (!referable.has(entity)) continue;
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
