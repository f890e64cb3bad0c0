// The sync data in SQL (Kysely, one code for SQLite and PostgreSQL): records, their references, the change
// log, received mutations and conflicts. Writes run one at a time, each in a transaction that holds the
// sequence row, so that commit order is sequence order and a pull can never skip a change.
import { type Kysely, type Transaction, sql } from 'kysely';
import { type EntityName, entityReferences } from '#shared/model/entities.ts';
import type { StoredRecord } from '#shared/sync/merge.ts';
import type { Conflict, Mutation, PulledRecord } from '#shared/sync/protocol.ts';
import { batchedTx } from './batch-tx.ts';
import { bulkInsertFor } from './bulk-insert.ts';
import { decodeFieldVersions, encodeFieldVersions } from './field-versions.ts';
import type { Dialect } from './database.ts';
import type { Database } from './schema.ts';

export type ChangeRow = Database['changes'];
export type MutationRow = Database['mutations'];

export type SyncTx = {
  /** The last sequence number committed before this transaction. */
  readonly startSeq: number;
  getMutation: (mutationId: string) => Promise<MutationRow | undefined>;
  saveMutation: (row: MutationRow) => Promise<void>;
  getRecord: (entity: EntityName, id: string) => Promise<StoredRecord | null>;
  putRecord: (entity: EntityName, id: string, record: StoredRecord) => Promise<void>;
  /** Of the given records, those that exist and are not deleted, as "entity:id". */
  liveRecords: (targets: { entity: EntityName; id: string }[]) => Promise<Set<string>>;
  countReferrers: (entity: EntityName, id: string) => Promise<number>;
  /** Of the given attachment hashes, those whose file the server holds in full. */
  storedAttachments: (hashes: string[]) => Promise<Set<string>>;
  appendChange: (row: ChangeRow) => Promise<void>;
  insertConflict: (conflict: Conflict, seq: number) => Promise<void>;
  getConflict: (id: string) => Promise<Conflict | undefined>;
  resolveConflict: (id: string, resolution: Conflict['resolution'], by: string, at: string) => Promise<void>;
  setSeq: (seq: number) => Promise<void>;
  appendAudit: (rows: Database['audit'][]) => Promise<void>;
  /** Reads ahead what these mutations will read (a batched transaction; the plain one reads as it goes). */
  prefetch?: (mutations: readonly Mutation[]) => Promise<void>;
  /** Writes what a batched transaction holds back, before the transaction commits. */
  flush?: () => Promise<void>;
  /** Who last set a field of a record, by the audit trail (the author a conflict names for the standing value). */
  fieldAuthor: (entity: EntityName, id: string, field: string) => Promise<string | undefined>;
  /** Binds a device id to `userId` if nobody holds it yet; returns the account that holds it. */
  bindClient: (clientId: string, userId: string, at: string) => Promise<string>;
};

export type SyncStore = {
  write: <T>(work: (tx: SyncTx) => Promise<T>) => Promise<T>;
  /** A write under the same lock, in SQL terms, for changes made in bulk (clearing the shared ledger). */
  writeBulk: <T>(work: (trx: Transaction<Database>, startSeq: number) => Promise<T>) => Promise<T>;
  pull: (after: number, limit: number) => Promise<{ records: PulledRecord[]; cursor: number; more: boolean }>;
  listConflicts: (status: 'open' | 'resolved' | 'all') => Promise<Conflict[]>;
  /** The current state of particular records (tombstones included); unknown ones are left out. */
  fetch: (refs: { entity: EntityName; id: string }[]) => Promise<PulledRecord[]>;
};

/** A record row as the sync code sees it, and back. */
export function toStoredRecord(row: Database['records']): StoredRecord {
  const data = JSON.parse(row.data) as Record<string, unknown>;
  const fields = decodeFieldVersions(data, row.field_versions);
  return { data, fieldVersions: fields.versions, fieldClients: fields.clients, version: Number(row.version), deleted: row.deleted === 1 };
}

export function toRecordRow(entity: EntityName, id: string, record: StoredRecord): Database['records'] {
  return { entity, id, version: record.version, deleted: record.deleted ? 1 : 0, data: JSON.stringify(record.data), field_versions: encodeFieldVersions(record.data, { versions: record.fieldVersions, clients: record.fieldClients }) };
}

export function refsOf(entity: EntityName, data: Record<string, unknown>): { target_entity: string; target_id: string }[] {
  return entityReferences[entity].flatMap((ref) => {
    const value = data[ref.field];
    const ids = ref.many ? ((value as string[] | undefined) ?? []) : typeof value === 'string' ? [value] : [];
    return ids.map((target_id) => ({ target_entity: ref.target, target_id }));
  });
}

function toConflict(row: Database['conflicts']): Conflict {
  return {
    id: row.id,
    entity: row.entity as EntityName,
    recordId: row.record_id,
    field: row.field,
    serverValue: JSON.parse(row.server_value) as unknown,
    serverActor: row.server_actor,
    clientValue: JSON.parse(row.client_value) as unknown,
    clientActor: row.client_actor,
    clientId: row.client_id,
    clientAt: row.client_at,
    createdAt: row.created_at,
    status: row.status as Conflict['status'],
    resolution: row.resolution as Conflict['resolution'],
    resolvedBy: row.resolved_by,
    resolvedAt: row.resolved_at,
  };
}

function txOf(trx: Transaction<Database>, startSeq: number): SyncTx {
  return {
    startSeq,
    getMutation: (mutationId) => trx.selectFrom('mutations').selectAll().where('mutation_id', '=', mutationId).executeTakeFirst(),
    saveMutation: async (row) => {
      await trx.insertInto('mutations').values(row).execute();
    },
    getRecord: async (entity, id) => {
      const row = await trx.selectFrom('records').selectAll().where('entity', '=', entity).where('id', '=', id).executeTakeFirst();
      return row ? toStoredRecord(row) : null;
    },
    putRecord: async (entity, id, record) => {
      const row = toRecordRow(entity, id, record);
      await trx
        .insertInto('records')
        .values(row)
        .onConflict((oc) => oc.columns(['entity', 'id']).doUpdateSet({ version: row.version, deleted: row.deleted, data: row.data, field_versions: row.field_versions }))
        .execute();
    },
    liveRecords: async (targets) => {
      const live = new Set<string>();
      for (const entity of new Set(targets.map((t) => t.entity))) {
        const ids = targets.filter((t) => t.entity === entity).map((t) => t.id);
        const rows = await trx.selectFrom('records').select('id').where('entity', '=', entity).where('id', 'in', ids).where('deleted', '=', 0).execute();
        for (const row of rows) live.add(`${entity}:${row.id}`);
      }
      return live;
    },
    countReferrers: async (entity, id) => {
      // Which entities can refer to this one, and through which fields; none (a measure): nothing to look at.
      const referring = (Object.keys(entityReferences) as EntityName[]).filter((e) => entityReferences[e].some((r) => r.target === entity));
      if (referring.length === 0) return 0;
      // Deletions of what others refer to are rare: the records' JSON is searched for the id, and each hit confirmed
      // from its reference fields (the id could also appear in free text).
      const rows = await trx.selectFrom('records').select(['entity', 'data']).where('entity', 'in', referring).where('deleted', '=', 0).where('data', 'like', `%"${id}"%`).execute();
      return rows.filter((row) => refsOf(row.entity as EntityName, JSON.parse(row.data) as Record<string, unknown>).some((r) => r.target_entity === entity && r.target_id === id)).length;
    },
    storedAttachments: async (hashes) => {
      if (hashes.length === 0) return new Set();
      const rows = await trx.selectFrom('attachments').select('hash').where('hash', 'in', hashes).execute();
      return new Set(rows.map((r) => r.hash));
    },
    appendChange: async (row) => {
      await trx.insertInto('changes').values(row).execute();
    },
    insertConflict: async (c, seq) => {
      await trx
        .insertInto('conflicts')
        .values({
          id: c.id,
          entity: c.entity,
          record_id: c.recordId,
          field: c.field,
          server_value: JSON.stringify(c.serverValue ?? null),
          server_actor: c.serverActor,
          client_value: JSON.stringify(c.clientValue ?? null),
          client_actor: c.clientActor,
          client_id: c.clientId,
          client_at: c.clientAt,
          created_at: c.createdAt,
          created_seq: seq,
          status: c.status,
          resolution: null,
          resolved_by: null,
          resolved_at: null,
        })
        .execute();
    },
    getConflict: async (id) => {
      const row = await trx.selectFrom('conflicts').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toConflict(row) : undefined;
    },
    resolveConflict: async (id, resolution, by, at) => {
      await trx.updateTable('conflicts').set({ status: 'resolved', resolution, resolved_by: by, resolved_at: at }).where('id', '=', id).execute();
    },
    appendAudit: async (rows) => {
      // Chunked: a create writes a row per field, and a push may hold a thousand creates.
      for (let i = 0; i < rows.length; i += 500) await trx.insertInto('audit').values(rows.slice(i, i + 500)).execute();
    },
    fieldAuthor: async (entity, id, field) => {
      const row = await trx.selectFrom('audit').select('display_name').where('entity', '=', entity).where('record_id', '=', id).where('field', '=', field).orderBy('change_seq', 'desc').limit(1).executeTakeFirst();
      return row?.display_name;
    },
    bindClient: async (clientId, userId, at) => {
      await trx.insertInto('clients').values({ client_id: clientId, user_id: userId, first_seen: at }).onConflict((oc) => oc.column('client_id').doNothing()).execute();
      const row = await trx.selectFrom('clients').select('user_id').where('client_id', '=', clientId).executeTakeFirstOrThrow();
      return row.user_id;
    },
    setSeq: async (seq) => {
      await trx.updateTable('sync_state').set({ seq }).where('id', '=', 1).execute();
    },
  };
}

/** `committed`: told the change log's new last sequence number after each write that grew it (live updates). */
export function createSyncStore(db: Kysely<Database>, dialect: Dialect, committed: (seq: number) => void = () => undefined): SyncStore {
  const insert = bulkInsertFor(db);
  // One write at a time per process, first come first served: a push's chunks queue behind whatever was asked in
  // between (another user's small push waits one chunk), and on PostgreSQL writes waiting for the sequence row never
  // hold more than one pooled connection, leaving the others to reads.
  let queue: Promise<unknown> = Promise.resolve();
  const queued = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    return run;
  };
  const writeBulk = <T>(work: (trx: Transaction<Database>, startSeq: number) => Promise<T>) => queued(() => writeNow(work));
  const writeNow = async <T>(work: (trx: Transaction<Database>, startSeq: number) => Promise<T>) => {
    let grown: number | null = null;
    const result = await db.transaction().execute(async (trx) => {
      // The sequence row is the write lock: PostgreSQL holds it until commit, so concurrent pushes
      // (from several server processes too) commit one after another, in sequence order. SQLite
      // serialises writers by itself.
      const locked = dialect === 'postgres' ? sql`select seq from sync_state where id = 1 for update` : sql`select seq from sync_state where id = 1`;
      const { rows } = await locked.execute(trx);
      const startSeq = Number((rows[0] as { seq: number | string } | undefined)?.seq ?? 0);
      const out = await work(trx, startSeq);
      const end = await trx.selectFrom('sync_state').select('seq').where('id', '=', 1).executeTakeFirst();
      if (Number(end?.seq ?? 0) > startSeq) grown = Number(end?.seq);
      return out;
    });
    // After the commit, never before: a device told of a sequence must find it when it pulls.
    if (grown !== null) committed(grown);
    return result;
  };
  return {
    writeBulk,
    write: (work) =>
      writeBulk(async (trx, startSeq) => {
        const tx = batchedTx(trx, txOf(trx, startSeq), insert);
        const result = await work(tx);
        await tx.flush();
        return result;
      }),
    pull: async (after, limit) => {
      const rows = await db.selectFrom('records').select(['entity', 'id', 'version', 'deleted', 'data']).where('version', '>', after).orderBy('version').limit(limit + 1).execute();
      const page = rows.slice(0, limit);
      return {
        records: page.map((r) => ({ entity: r.entity as EntityName, id: r.id, version: Number(r.version), deleted: r.deleted === 1, data: JSON.parse(r.data) as Record<string, unknown> })),
        cursor: page.length > 0 ? Number(page[page.length - 1]?.version) : after,
        more: rows.length > limit,
      };
    },
    fetch: async (refs) => {
      const out: PulledRecord[] = [];
      for (const entity of new Set(refs.map((r) => r.entity))) {
        const ids = refs.filter((r) => r.entity === entity).map((r) => r.id);
        const rows = await db.selectFrom('records').select(['entity', 'id', 'version', 'deleted', 'data']).where('entity', '=', entity).where('id', 'in', ids).execute();
        for (const r of rows) out.push({ entity, id: r.id, version: Number(r.version), deleted: r.deleted === 1, data: JSON.parse(r.data) as Record<string, unknown> });
      }
      return out;
    },
    listConflicts: async (status) => {
      let query = db.selectFrom('conflicts').selectAll().orderBy('created_seq', 'desc');
      if (status !== 'all') query = query.where('status', '=', status);
      return (await query.limit(1_000).execute()).map(toConflict);
    },
  };
}
