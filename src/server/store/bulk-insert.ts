// Rows inserted in bulk inside a write transaction. On SQLite, by statements prepared once per table and row count and
// run on the connection the transaction holds (so they are part of it): preparing a fresh 400-row statement for every
// chunk, as a query builder does, was most of a 100,000-row import's SQL time. On PostgreSQL, from unnest() of one
// array per column.
import type { Database as SQLiteHandle, Statement } from 'better-sqlite3';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from './schema.ts';

type Table = 'records' | 'changes' | 'mutations' | 'audit';
type Row = Record<string, unknown>;
/** Inserts rows (records: replacing the record of the same entity and id) within the transaction given. */
export type BulkInsert = (trx: Transaction<Database>, table: Table, rows: readonly Row[]) => Promise<void>;

const SQLITE_ROWS = 100;
const PG_ROWS = 1_000;
const RECORD_UPDATE = ['version', 'deleted', 'data', 'field_versions'] as const;

const chunks = <T>(items: readonly T[], size: number) => Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

/** The SQLite connection behind a Kysely instance, registered by openDatabase. */
const handles = new WeakMap<Kysely<Database>, SQLiteHandle>();
export function registerSqlite(db: Kysely<Database>, handle: SQLiteHandle): void {
  handles.set(db, handle);
}

export function bulkInsertFor(db: Kysely<Database>): BulkInsert {
  const handle = handles.get(db);
  return handle ? sqliteBulkInsert(handle) : postgresBulkInsert;
}

/** PostgreSQL's type of each column that is not text: an insert from unnest() names every array's type. */
const PG_TYPES: Record<string, string> = { version: 'bigint', seq: 'bigint', change_seq: 'bigint', deleted: 'integer' };

// One statement per PG_ROWS rows whatever the width: `insert … select * from unnest($1::text[], $2::bigint[], …)`
// sends a column as one array parameter, where a multi-row VALUES list sends (and PostgreSQL parses and plans)
// one parameter per cell — 6,400 for 400 audit rows.
const postgresBulkInsert: BulkInsert = async (trx, table, rows) => {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!);
  const upsert = table === 'records' ? sql.raw(` on conflict (entity, id) do update set ${RECORD_UPDATE.map((c) => `${c} = excluded.${c}`).join(', ')}`) : sql``;
  for (const part of chunks(rows, PG_ROWS)) {
    const values = columns.map((c) => sql`${sql.val(part.map((row) => row[c] ?? null))}::${sql.raw(PG_TYPES[c] ?? 'text')}[]`);
    await sql`insert into ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))}) select * from unnest(${sql.join(values)})${upsert}`.execute(trx);
  }
};

function sqliteBulkInsert(handle: SQLiteHandle): BulkInsert {
  const prepared = new Map<string, Statement>();
  const statement = (table: Table, columns: string[], count: number) => {
    const key = `${table}(${columns.join(',')})×${count}`;
    let s = prepared.get(key);
    if (!s) {
      const tuple = `(${columns.map(() => '?').join(', ')})`;
      const upsert = table === 'records' ? ` on conflict (entity, id) do update set ${RECORD_UPDATE.map((c) => `${c} = excluded.${c}`).join(', ')}` : '';
      s = handle.prepare(`insert into ${table} (${columns.map((c) => `"${c}"`).join(', ')}) values ${Array.from({ length: count }, () => tuple).join(', ')}${upsert}`);
      prepared.set(key, s);
    }
    return s;
  };
  return (_trx, table, rows) => {
    if (rows.length === 0) return Promise.resolve();
    const columns = Object.keys(rows[0]!);
    for (const part of chunks(rows, SQLITE_ROWS)) {
      const values: unknown[] = [];
      for (const row of part) for (const c of columns) values.push(row[c] ?? null);
      statement(table, columns, part.length).run(values);
    }
    return Promise.resolve();
  };
}
