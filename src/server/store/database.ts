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

// PostgreSQL returns bigint (sequence numbers) as strings by default; they fit a JS number for ages.
pg.types.setTypeParser(20, (value) => Number(value));

export async function openDatabase(options: { databaseUrl?: string; dataDir: string }): Promise<OpenDatabase> {
  let db: Kysely<Database>;
  let dialect: Dialect;
  let describe: string;
  let closing = false;
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10 });
    // An idle connection PostgreSQL drops (restart, failover, admin) is reported here; unheard, it would crash the
    // server. The pool opens a fresh connection for the next query, so a warning is all it needs.
    pool.on('error', (error) => {
      if (!closing) console.warn(`PostgreSQL closed an idle connection (a new one opens on the next query): ${error.message}`);
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
  await migrate(db as unknown as Kysely<unknown>);
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
