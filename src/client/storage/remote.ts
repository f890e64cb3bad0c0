// Takes in records pulled from the server. A record the device has pending changes for gets those changes
// re-applied on top (rebased), so the user keeps seeing their edits until the server has them.
import type { AnyRecord, EntityName } from '#shared/model/entities.ts';
import { entityDefaults, entityNames } from '#shared/model/entities.ts';
import type { PulledRecord } from '#shared/sync/protocol.ts';
import { rebaseRecord } from '#shared/sync/rebase.ts';
import type { ChangeFeed } from './change-feed.ts';
import { type LedgerDb, tableOf, WRITES_KEY } from './db.ts';

export const CURSOR_KEY = 'pullCursor';

export async function loadCursor(db: LedgerDb): Promise<number> {
  return (await db.meta.get(CURSOR_KEY))?.value ?? 0;
}

/**
 * Writes the server's records (or removes tombstoned ones) in one transaction, rebasing pending local
 * changes, and moves the pull cursor when `cursor` is given. Announces the result as 'remote' changes.
 */
export async function applyPulled(db: LedgerDb, feed: ChangeFeed, records: PulledRecord[], cursor?: number): Promise<void> {
  if (records.length === 0 && cursor === undefined) return;
  const tables = [...entityNames.map((e) => db.table(tableOf[e])), db.meta, db.outbox];
  const changed = new Map<EntityName, { upserted: AnyRecord[]; removed: string[] }>();
  let version = 0;
  await db.transaction('rw', tables, async () => {
    const keys = records.map((r) => `${r.entity}:${r.id}`);
    const hasPending = (await db.outbox.where('status').equals('pending').count()) > 0;
    const pending = hasPending ? await db.outbox.where('key').anyOf(keys).sortBy('seq') : [];
    for (const entity of entityNames) {
      const mine = records.filter((r) => r.entity === entity);
      if (mine.length === 0) continue;
      const puts: AnyRecord[] = [];
      const removes: string[] = [];
      for (const record of mine) {
        const local = pending.filter((row) => row.status === 'pending' && row.key === `${entity}:${record.id}`);
        // A record the server stored before a field existed takes the field's default.
        const next = rebaseRecord(entity, record.deleted ? null : { ...entityDefaults[entity], ...record.data, rev: record.version }, local.map((row) => row.mutation));
        if (next === 'keep') continue;
        if (next) puts.push(next as AnyRecord);
        else removes.push(record.id);
      }
      const table = db.table(tableOf[entity]);
      if (puts.length > 0) await table.bulkPut(puts);
      if (removes.length > 0) await table.bulkDelete(removes);
      changed.set(entity, { upserted: puts, removed: removes });
    }
    version = ((await db.meta.get(WRITES_KEY))?.value ?? 0) + 1;
    await db.meta.put({ key: WRITES_KEY, value: version });
    if (cursor !== undefined) await db.meta.put({ key: CURSOR_KEY, value: cursor });
  });
  for (const [entity, { upserted, removed }] of changed) feed.emit({ entity, upserted, removed, origin: 'remote', version });
}
