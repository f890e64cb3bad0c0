// Every record of the ledger held in memory once, kept current by the change feed; views read from here.
// It loads in the background, so that the app (and an empty grid) can appear while IndexedDB reads.
import type { EntityName, EntityRecordMap } from '#shared/model/entities.ts';
import { entityNames } from '#shared/model/entities.ts';
import type { ChangeEvent, ChangeFeed } from './change-feed.ts';
import { createCompactor } from './compact.ts';
import { type LedgerDb, WRITES_KEY } from './db.ts';

export type RecordCache = {
  /** Resolves once every table has been read; until then the cache is empty. */
  ready: Promise<void>;
  isReady: () => boolean;
  get: <E extends EntityName>(entity: E, id: string) => EntityRecordMap[E] | undefined;
  /** All records of an entity; the same array until the entity changes, so it can feed React. */
  all: <E extends EntityName>(entity: E) => readonly EntityRecordMap[E][];
  /** Called after the cache has taken a change in, and once per entity (origin 'load') when loaded. */
  subscribe: (listener: (event: ChangeEvent) => void) => () => void;
  /** The database write count up to which this cache has seen every change. */
  version: () => number;
};

type Maps = { [E in EntityName]: Map<string, EntityRecordMap[E]> };

export function createRecordCache(db: LedgerDb, feed: ChangeFeed): RecordCache {
  const maps = Object.fromEntries(entityNames.map((e) => [e, new Map()])) as Maps;
  const arrays = new Map<EntityName, readonly unknown[]>();
  const listeners = new Set<(event: ChangeEvent) => void>();
  const compact = createCompactor();
  let tracker = createVersionTracker(0);
  let loaded = false;
  // Changes announced while the tables are read wait, and are taken in after, if the read did not see them.
  const early: ChangeEvent[] = [];

  const notify = (event: ChangeEvent) => {
    for (const listener of [...listeners]) listener(event);
  };
  const take = (event: ChangeEvent) => {
    const map = maps[event.entity] as Map<string, unknown>;
    for (const record of event.upserted) map.set(record.id, compact(record));
    for (const id of event.removed) map.delete(id);
    arrays.delete(event.entity);
    if (event.version !== undefined) tracker.saw(event.version);
    notify(event);
  };
  feed.subscribe((event) => (loaded ? take(event) : early.push(event)));

  const ready = (async () => {
    // One read-only transaction over all tables: the reads run together, and see one consistent state.
    const [writes, ...tables] = await db.transaction('r', [db.meta, ...entityNames.map((e) => db.tableFor(e))], () =>
      Promise.all([db.meta.get(WRITES_KEY).then((row) => row?.value ?? 0), ...entityNames.map((e) => db.tableFor(e).toArray())]),
    );
    entityNames.forEach((entity, i) => {
      const map = maps[entity] as Map<string, unknown>;
      for (const record of (tables[i] as { id: string }[] | undefined) ?? []) map.set(record.id, compact(record));
    });
    tracker = createVersionTracker(writes);
    loaded = true;
    arrays.clear();
    for (const entity of entityNames) notify({ entity, upserted: [], removed: [], origin: 'load' });
    for (const event of early.splice(0)) if (event.version === undefined || event.version > (writes)) take(event);
  })();

  return {
    ready,
    isReady: () => loaded,
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
    version: () => tracker.version(),
  };
}

/**
 * Commits from several tabs may be announced out of order; the cache has "seen up to v" only when it has
 * seen every version up to v, so versions seen ahead of a gap wait until the gap closes.
 */
export function createVersionTracker(start: number) {
  let contiguous = start;
  const ahead = new Set<number>();
  return {
    saw(version: number) {
      if (version <= contiguous) return;
      ahead.add(version);
      while (ahead.has(contiguous + 1)) ahead.delete(++contiguous);
    },
    version: () => contiguous,
  };
}
