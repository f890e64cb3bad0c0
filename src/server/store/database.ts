// Opens the server's database: an embedded SQLite file by default, PostgreSQL when given a postgres:// URL.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { registerSqlite } from './bulk-insert.ts';
import { migrate } from './migrations.ts';
import type { Database } from './schema.ts';

export type Dialect = 'sqlite' | 'postgres';
export type OpenDatabase = { db: Kysely<Database>; dialect: Dialect; describe: string; close: () => Promise<void> };
export type DatabaseOptions = { databaseUrl?: string; dataDir: string };

/** Opens and migrates the database (the command line and the tests: the database must be there). */
export async function openDatabase(options: DatabaseOptions): Promise<OpenDatabase> {
  const database = connectDatabase(options);
  await migrateDatabase(database);
  return database;
}

/** Brings the schema up to date: the first use of the database, which fails while it is away. */
export function migrateDatabase(database: OpenDatabase): Promise<void> {
  return migrate(database.db as unknown as Kysely<unknown>);
}

// PostgreSQL returns bigint (sequence numbers) as strings by default; they fit a JS number for ages.
pg.types.setTypeParser(20, (value) => Number(value));

/**
 * The database's handle without using it: PostgreSQL connects on the first query, so a server may start (and
 * answer that its database is unreachable) before PostgreSQL does.
 */
export function connectDatabase(options: DatabaseOptions): OpenDatabase {
  let db: Kysely<Database>;
  let dialect: Dialect;
  let describe: string;
  let closing = false;
  if (options.databaseUrl) {
    // A connection attempt gives up after 5 s: while PostgreSQL is away a request answers 503 rather than hang.
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10, connectionTimeoutMillis: 5_000 });
    // An idle connection PostgreSQL drops (restart, failover, admin) is reported here; unheard, it would crash the
    // server. The pool opens a fresh connection for the next query, so a warning is all it needs.
    pool.on('error', (error) => {
      if (!closing) console.warn(`PostgreSQL closed an idle connection (a new one opens on the next query): ${error.message}`);
    });
    // A connection in use (inside a transaction, between its queries) that PostgreSQL drops — a shutdown sends
    // every backend a FATAL — emits 'error' on the client itself, not the pool: unheard, that crashes the process.
    // The query waiting on it fails on its own and answers 503; the pool discards the broken client.
    pool.on('connect', (client) => {
      client.on('error', (error) => {
        if (!closing) console.warn(`PostgreSQL dropped a connection in use: ${error.message}`);
      });
    });
    db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    dialect = 'postgres';
    describe = `PostgreSQL ${new URL(options.databaseUrl).host}`;
  } else {
    mkdirSync(options.dataDir, { recursive: true });
    const file = join(options.dataDir, 'ledger.sqlite');
    const sqlite = new SQLite(file);
    // Larger pages for a new file (an existing one keeps its own): records of about a kilobyte leave less of each
    // page empty, which keeps a 100,000-row ledger's file within three times its data.
    sqlite.pragma('page_size = 16384');
    // WAL lets readers go on while a push writes; NORMAL sync is durable across process crashes in WAL mode.
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('busy_timeout = 5000');
    db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
    registerSqlite(db, sqlite);
    dialect = 'sqlite';
    describe = `SQLite ${file}`;
  }
  return {
    db,
    dialect,
    describe,
    close: () => {
      closing = true;
      return db.destroy();
    },
  };
}
