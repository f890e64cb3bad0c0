// The outbox after a push: what the server took in leaves it, what it refused stays with the reason.
import type { MutationResult } from '#shared/sync/protocol.ts';
import type { LedgerDb, OutboxRow } from './db.ts';

/** The oldest pending mutations, in the order they were made. */
export function readPending(db: LedgerDb, limit: number): Promise<OutboxRow[]> {
  return db.outbox.where('status').equals('pending').limit(limit).sortBy('seq');
}

export async function countOutbox(db: LedgerDb): Promise<{ pending: number; rejected: number }> {
  const [pending, rejected] = await Promise.all([db.outbox.where('status').equals('pending').count(), db.outbox.where('status').equals('rejected').count()]);
  return { pending, rejected };
}

/** The records ("entity:id") with changes not yet on the server: read from the index alone, rows stay unread. */
export async function unsyncedKeys(db: LedgerDb): Promise<Set<string>> {
  return new Set((await db.outbox.orderBy('key').uniqueKeys()) as string[]);
}

/** How many changes of one record are not yet on the server. */
export function countUnsyncedOf(db: LedgerDb, key: string): Promise<number> {
  return db.outbox.where('key').equals(key).count();
}

export function listRejected(db: LedgerDb): Promise<OutboxRow[]> {
  return db.outbox.where('status').equals('rejected').sortBy('seq');
}

/** Everything not yet on the server (pending and refused), for export before risky steps. */
export function listUnsynced(db: LedgerDb): Promise<OutboxRow[]> {
  return db.outbox.orderBy('seq').toArray();
}

/**
 * Records the server's answers; returns the records to re-read from the server: those whose change was refused,
 * and those where a value of the change lost to an earlier one (the device would go on showing its own).
 */
export async function settlePush(db: LedgerDb, rows: OutboxRow[], results: MutationResult[]): Promise<{ entity: OutboxRow['mutation']['entity']; id: string }[]> {
  const byId = new Map(results.map((r) => [r.mutationId, r]));
  const refused: { entity: OutboxRow['mutation']['entity']; id: string }[] = [];
  await db.transaction('rw', db.outbox, async () => {
    const done: number[] = [];
    for (const row of rows) {
      const result = byId.get(row.mutation.mutationId);
      if (!result || row.seq === undefined) continue;
      const outcome = result.status === 'duplicate' ? result.first : result.status;
      if (outcome === 'rejected') await db.outbox.update(row.seq, { status: 'rejected', reason: result.reason ?? { code: 'invalid' } });
      else done.push(row.seq);
      if (outcome === 'rejected' || outcome === 'conflict') refused.push({ entity: row.mutation.entity, id: row.mutation.id });
    }
    await db.outbox.bulkDelete(done);
  });
  return refused;
}

/** The user has seen a refused change and lets it go (after exporting it, if wanted). */
export async function discardRejected(db: LedgerDb, seq: number): Promise<void> {
  await db.outbox.where('seq').equals(seq).and((row) => row.status === 'rejected').delete();
}

/** Forgets everything this device has not sent (changes, unsaved drafts, files not uploaded): signing out. */
export async function discardUnsynced(db: LedgerDb): Promise<void> {
  await db.transaction('rw', [db.outbox, db.drafts, db.files], async () => {
    await db.outbox.clear();
    await db.drafts.clear();
    await db.files.where('uploaded').equals(0).delete();
  });
}
