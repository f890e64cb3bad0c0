// An administrator's clearing of the shared ledger, and its undoing, in SQL: every live record becomes a tombstone
// with a version of its own (devices pull them like any deletion), the trail records each, and the clearing keeps
// the list of what it removed, so that 恢复 brings those records back as they were. One statement per step, so
// that a ledger of 100,000 records clears in one transaction without a round trip per record.
import { type Kysely, sql, type Transaction } from 'kysely';
import type { SessionUser } from '#shared/auth/permissions.ts';
import type { LedgerClear } from '#shared/sync/protocol.ts';
import type { Database } from './schema.ts';
import type { SyncStore } from './sync-store.ts';

export type LedgerClearStore = {
  clear: (id: string, user: SessionUser, at: string) => Promise<number>;
  /** Brings back what a clearing removed and nobody has re-created or deleted since; the count, or null if none such. */
  restore: (id: string, user: SessionUser, at: string) => Promise<number | null>;
  list: () => Promise<LedgerClear[]>;
};

export function createLedgerClearStore(db: Kysely<Database>, store: SyncStore): LedgerClearStore {
  return {
    clear: (id, user, at) =>
      store.writeBulk(async (trx, startSeq) => {
        await sql`insert into ledger_clear_records (clear_id, entity, id, version)
          select ${id}, entity, id, ${startSeq} + row_number() over (order by version, entity, id) from records where deleted = 0`.execute(trx);
        await sql`update records set deleted = 1, version = c.version from ledger_clear_records c
          where c.clear_id = ${id} and records.entity = c.entity and records.id = c.id`.execute(trx);
        const count = await counted(trx, id, 'version');
        await trail(trx, id, user, at, 'delete', 'version');
        await trx.insertInto('ledger_clears').values({ id, cleared_at: at, cleared_by: user.displayName, count, restored_at: null, restored_by: null }).execute();
        if (count > 0) await trx.updateTable('sync_state').set({ seq: startSeq + count }).where('id', '=', 1).execute();
        return count;
      }),
    restore: (id, user, at) =>
      store.writeBulk(async (trx, startSeq) => {
        const clearing = await trx.selectFrom('ledger_clears').selectAll().where('id', '=', id).executeTakeFirst();
        if (!clearing || clearing.restored_at !== null) return null;
        await sql`update ledger_clear_records set restored_version = s.v from (
            select c.entity as e, c.id as i, ${startSeq} + row_number() over (order by c.version) as v
            from ledger_clear_records c join records r on r.entity = c.entity and r.id = c.id
            where c.clear_id = ${id} and r.deleted = 1 and r.version = c.version) s
          where ledger_clear_records.clear_id = ${id} and ledger_clear_records.entity = s.e and ledger_clear_records.id = s.i`.execute(trx);
        await sql`update records set deleted = 0, version = c.restored_version from ledger_clear_records c
          where c.clear_id = ${id} and c.restored_version is not null and records.entity = c.entity and records.id = c.id`.execute(trx);
        const count = await counted(trx, id, 'restored_version');
        await trail(trx, id, user, at, 'restore', 'restored_version');
        await trx.updateTable('ledger_clears').set({ restored_at: at, restored_by: user.displayName }).where('id', '=', id).execute();
        if (count > 0) await trx.updateTable('sync_state').set({ seq: startSeq + count }).where('id', '=', 1).execute();
        return count;
      }),
    list: async () =>
      (await db.selectFrom('ledger_clears').selectAll().orderBy('cleared_at', 'desc').limit(50).execute()).map((r) => ({
        id: r.id,
        clearedAt: r.cleared_at,
        clearedBy: r.cleared_by,
        count: Number(r.count),
        restoredAt: r.restored_at,
        restoredBy: r.restored_by,
      })),
  };
}

type Column = 'version' | 'restored_version';

async function counted(trx: Transaction<Database>, id: string, column: Column): Promise<number> {
  const row = await trx.selectFrom('ledger_clear_records').select((eb) => eb.fn.countAll<number>().as('n')).where('clear_id', '=', id).where(column, 'is not', null).executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** One trail row and one change-log row per record, with the record's data as it was taken or given back. */
async function trail(trx: Transaction<Database>, id: string, user: SessionUser, at: string, op: 'delete' | 'restore', column: Column): Promise<void> {
  const seq = sql.ref(`c.${column}`);
  const [oldValue, newValue] = op === 'delete' ? [sql`r.data`, sql`null`] : [sql`null`, sql`r.data`];
  await sql`insert into audit (id, change_seq, at, received_at, user_id, username, display_name, client_id, entity, record_id, op, field, old_value, new_value, mutation_id, carried_by)
    select ${`${id}:${op}:`} || c.entity || ':' || c.id, ${seq}, ${at}, ${at}, ${user.id}, ${user.username}, ${user.displayName}, null, c.entity, c.id, ${op}, '*', ${oldValue}, ${newValue}, null, null
    from ledger_clear_records c join records r on r.entity = c.entity and r.id = c.id
    where c.clear_id = ${id} and ${seq} is not null`.execute(trx);
  await sql`insert into changes (seq, entity, record_id, op, fields, mutation_id, client_id, actor, at, received_at)
    select ${seq}, c.entity, c.id, ${op}, '{}', null, null, ${user.displayName}, ${at}, ${at}
    from ledger_clear_records c where c.clear_id = ${id} and ${seq} is not null`.execute(trx);
}
