// Every record of the ledger held in memory once, kept current by the change feed; views read from here.
import type { EntityName, EntityRecordMap } from '#shared/model/entities.ts';
import { entityNames } from '#shared/model/entities.ts';
import type { ChangeEvent, ChangeFeed } from './change-feed.ts';
import type { LedgerDb } from './db.ts';

export type RecordCache = {
  get: <E extends EntityName>(entity: E, id: string) => EntityRecordMap[E] | undefined;
  /** All records of an entity; the same array until the entity changes, so it can feed React. */
  all: <E extends EntityName>(entity: E) => readonly EntityRecordMap[E][];
  /** Called after the cache has taken the change in. */
  subscribe: (listener: (event: ChangeEvent) => void) => () => void;
};

type Maps = { [E in EntityName]: Map<string, EntityRecordMap[E]> };

export async function loadRecordCache(db: LedgerDb, feed: ChangeFeed): Promise<RecordCache> {
  const maps = {} as Maps;
  for (const entity of entityNames) {
    const rows = await db.tableFor(entity).toArray();
    (maps as Record<EntityName, Map<string, unknown>>)[entity] = new Map(rows.map((r) => [r.id, r]));
  }
  const arrays = new Map<EntityName, readonly unknown[]>();
  const listeners = new Set<(event: ChangeEvent) => void>();

  feed.subscribe((event) => {
    const map = maps[event.entity] as Map<string, unknown>;
    for (const record of event.upserted) map.set(record.id, record);
    for (const id of event.removed) map.delete(id);
    arrays.delete(event.entity);
    for (const listener of [...listeners]) listener(event);
  });

  return {
    get: (entity, id) => maps[entity].get(id),
    all: <E extends EntityName>(entity: E) => {
      let array = arrays.get(entity);
      if (!array) {
        array = [...maps[entity].values()];
        arrays.set(entity, array);
      }
      return array as readonly EntityRecordMap[E][];
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
