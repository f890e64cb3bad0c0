// Schema migrations, run on start. Append-only: a migration, once released, is never edited or removed.
import { type Kysely, type Migration, type MigrationProvider, Migrator, PostgresAdapter, sql } from 'kysely';

const migrations: Record<string, Migration> = {
  '0001_sync': {
    async up(db: Kysely<unknown>) {
      await db.schema.createTable('sync_state').addColumn('id', 'integer', (c) => c.primaryKey()).addColumn('seq', 'bigint', (c) => c.notNull()).execute();
      await sql`insert into sync_state (id, seq) values (1, 0)`.execute(db);
      await db.schema
        .createTable('records')
        .addColumn('entity', 'text', (c) => c.notNull())
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('version', 'bigint', (c) => c.notNull())
        .addColumn('deleted', 'integer', (c) => c.notNull())
        .addColumn('data', 'text', (c) => c.notNull())
        .addColumn('field_versions', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('records_pk', ['entity', 'id'])
        .execute();
      await db.schema.createIndex('records_version').on('records').column('version').execute();
      await db.schema
        .createTable('record_refs')
        .addColumn('entity', 'text', (c) => c.notNull())
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('target_entity', 'text', (c) => c.notNull())
        .addColumn('target_id', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('record_refs_source').on('record_refs').columns(['entity', 'id']).execute();
      await db.schema.createIndex('record_refs_target').on('record_refs').columns(['target_entity', 'target_id']).execute();
      await db.schema
        .createTable('changes')
        .addColumn('seq', 'bigint', (c) => c.primaryKey())
        .addColumn('entity', 'text', (c) => c.notNull())
        .addColumn('record_id', 'text', (c) => c.notNull())
        .addColumn('op', 'text', (c) => c.notNull())
        .addColumn('fields', 'text', (c) => c.notNull())
        .addColumn('mutation_id', 'text')
        .addColumn('client_id', 'text')
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('received_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('changes_record').on('changes').columns(['entity', 'record_id']).execute();
      await db.schema
        .createTable('mutations')
        .addColumn('mutation_id', 'text', (c) => c.primaryKey())
        .addColumn('client_id', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('seq', 'bigint')
        .addColumn('result', 'text', (c) => c.notNull())
        .addColumn('received_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('conflicts')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('entity', 'text', (c) => c.notNull())
        .addColumn('record_id', 'text', (c) => c.notNull())
        .addColumn('field', 'text', (c) => c.notNull())
        .addColumn('server_value', 'text', (c) => c.notNull())
        .addColumn('server_actor', 'text', (c) => c.notNull())
        .addColumn('client_value', 'text', (c) => c.notNull())
        .addColumn('client_actor', 'text', (c) => c.notNull())
        .addColumn('client_id', 'text', (c) => c.notNull())
        .addColumn('client_at', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('created_seq', 'bigint', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('resolution', 'text')
        .addColumn('resolved_by', 'text')
        .addColumn('resolved_at', 'text')
        .execute();
      await db.schema.createIndex('conflicts_status').on('conflicts').column('status').execute();
    },
  },
  '0002_accounts': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('users')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('username', 'text', (c) => c.notNull().unique())
        .addColumn('display_name', 'text', (c) => c.notNull())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('disabled', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('user_departments')
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('department_id', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('user_departments_pk', ['user_id', 'department_id'])
        .execute();
      await db.schema
        .createTable('sessions')
        .addColumn('token_hash', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('login_attempts')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('failures', 'integer', (c) => c.notNull())
        .addColumn('window_start', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('audit')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('change_seq', 'bigint', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('received_at', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('username', 'text', (c) => c.notNull())
        .addColumn('display_name', 'text', (c) => c.notNull())
        .addColumn('client_id', 'text')
        .addColumn('entity', 'text', (c) => c.notNull())
        .addColumn('record_id', 'text', (c) => c.notNull())
        .addColumn('op', 'text', (c) => c.notNull())
        .addColumn('field', 'text', (c) => c.notNull())
        .addColumn('old_value', 'text')
        .addColumn('new_value', 'text')
        .addColumn('mutation_id', 'text')
        .execute();
      await db.schema.createIndex('audit_record').on('audit').columns(['entity', 'record_id']).execute();
      await db.schema.createIndex('audit_seq').on('audit').column('change_seq').execute();
    },
  },
  '0003_attachments': {
    async up(db: Kysely<unknown>) {
      // Bytes in the database itself: one backup holds the ledger and its evidence together.
      const bytes = db.getExecutor().adapter instanceof PostgresAdapter ? sql`bytea` : sql`blob`;
      await db.schema
        .createTable('attachments')
        .addColumn('hash', 'text', (c) => c.primaryKey())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addColumn('data', bytes, (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('attachment_parts')
        .addColumn('hash', 'text', (c) => c.notNull())
        .addColumn('offset', 'integer', (c) => c.notNull())
        .addColumn('data', bytes, (c) => c.notNull())
        .addColumn('total', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('attachment_parts_pk', ['hash', 'offset'])
        .execute();
    },
  },
  '0004_security': {
    async up(db: Kysely<unknown>) {
      // A device id belongs to the account that first pushed with it: no one else may speak as that device.
      await db.schema
        .createTable('clients')
        .addColumn('client_id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('first_seen', 'text', (c) => c.notNull())
        .execute();
      // Pieces of an upload belong to its uploader until the file is whole and verified, so that someone else's
      // bogus piece for the same hash never blocks the real upload. Pieces in progress are dropped, not moved:
      // a device asks what the server holds and sends the file again.
      const bytes = db.getExecutor().adapter instanceof PostgresAdapter ? sql`bytea` : sql`blob`;
      await db.schema.dropTable('attachment_parts').execute();
      await db.schema
        .createTable('upload_parts')
        .addColumn('hash', 'text', (c) => c.notNull())
        .addColumn('owner', 'text', (c) => c.notNull())
        .addColumn('offset', 'integer', (c) => c.notNull())
        .addColumn('data', bytes, (c) => c.notNull())
        .addColumn('total', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('upload_parts_pk', ['hash', 'owner', 'offset'])
        .execute();
    },
  },
  '0005_entries_and_clears': {
    async up(db: Kysely<unknown>) {
      // A change a coordinator imported from a device's file names them beside its author.
      await db.schema.alterTable('audit').addColumn('carried_by', 'text').execute();
      // Clearing the shared ledger keeps what it removed, so that 恢复 brings it back.
      await db.schema
        .createTable('ledger_clears')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('cleared_at', 'text', (c) => c.notNull())
        .addColumn('cleared_by', 'text', (c) => c.notNull())
        .addColumn('count', 'integer', (c) => c.notNull())
        .addColumn('restored_at', 'text')
        .addColumn('restored_by', 'text')
        .execute();
      await db.schema
        .createTable('ledger_clear_records')
        .addColumn('clear_id', 'text', (c) => c.notNull())
        .addColumn('entity', 'text', (c) => c.notNull())
        .addColumn('id', 'text', (c) => c.notNull())
        // The tombstone's version: a record deleted or re-created since is no longer the clearing's to restore.
        .addColumn('version', 'bigint', (c) => c.notNull())
        .addColumn('restored_version', 'bigint')
        .execute();
      await db.schema.createIndex('ledger_clear_records_clear').on('ledger_clear_records').column('clear_id').execute();
    },
  },
  '0006_no_record_refs': {
    async up(db: Kysely<unknown>) {
      // What refers to a record is read from the records themselves when one is deleted (rare): the table of
      // references doubled the store of a 100,000-row import, and every write of it cost three statements.
      await db.schema.dropTable('record_refs').execute();
    },
  },
  '0007_must_change_password': {
    async up(db: Kysely<unknown>) {
      // A password an administrator handed out (a new account, a reset) is changed at the first sign-in.
      await db.schema.alterTable('users').addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0)).execute();
    },
  },
};

const provider: MigrationProvider = { getMigrations: () => Promise.resolve(migrations) };

export async function migrate(db: Kysely<unknown>): Promise<void> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  // The cause kept: a database that is away (isUnavailable) is waited for, a migration that is wrong is not.
  if (error || failed) throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${String(error)}`, { cause: error });
}
