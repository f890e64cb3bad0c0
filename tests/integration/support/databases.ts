// Throwaway databases for the server tests: a temp SQLite file, or a fresh database in the test PostgreSQL.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export type StoreKind = 'sqlite' | 'postgres';
export type TestDatabase = { kind: StoreKind; env: { DATABASE_URL?: string; DATA_DIR: string }; drop: () => Promise<void> };

export function postgresUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  // The test line (npm test) always starts a throwaway PostgreSQL; without it these tests cannot mean anything.
  if (!url) throw new Error('TEST_DATABASE_URL is not set: run the tests with `npm test` (it starts a throwaway PostgreSQL).');
  return url;
}

export async function createTestDatabase(kind: StoreKind): Promise<TestDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ledger-it-'));
  if (kind === 'sqlite') return { kind, env: { DATA_DIR: dataDir }, drop: () => Promise.resolve(rmSync(dataDir, { recursive: true, force: true })) };
  const admin = new pg.Client({ connectionString: postgresUrl() });
  await admin.connect();
  const name = `ledger_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(postgresUrl());
  url.pathname = `/${name}`;
  return {
    kind,
    env: { DATABASE_URL: url.toString(), DATA_DIR: dataDir },
    drop: async () => {
      const client = new pg.Client({ connectionString: postgresUrl() });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
