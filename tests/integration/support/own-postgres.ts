// A PostgreSQL cluster of a test's own (initdb in a temp dir, as scripts/with-postgres.sh does), so that the test
// may stop it the hard way (pg_ctl stop -m immediate) and start it again without touching the suite's cluster.
import { execFile } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { TestDatabase } from './databases.ts';
import { freePort } from './ports.ts';

const run = promisify(execFile);

export type OwnPostgres = {
  /** The cluster as a test database (its `postgres` database; the data dir for the server's other files). */
  database: TestDatabase;
  start: () => Promise<void>;
  /** Stops it as a crash would: every backend killed, no shutdown checkpoint. */
  kill: () => Promise<void>;
};

function binDir(): string {
  const versions = readdirSync('/usr/lib/postgresql').sort((a, b) => Number(a) - Number(b));
  const last = versions[versions.length - 1];
  if (!last) throw new Error('PostgreSQL is not installed (/usr/lib/postgresql)');
  return join('/usr/lib/postgresql', last, 'bin');
}

export async function createOwnPostgres(): Promise<OwnPostgres> {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-own-pg-'));
  const dataDir = mkdtempSync(join(tmpdir(), 'ledger-it-'));
  const bin = binDir();
  const port = await freePort();
  // initdb refuses to run as root: the cluster then runs as the postgres user.
  const asRoot = process.getuid?.() === 0;
  const as = (command: string, args: string[]) => (asRoot ? run('runuser', ['-u', 'postgres', '--', join(bin, command), ...args]) : run(join(bin, command), args));
  if (asRoot) chmodSync(dir, 0o777);
  await as('initdb', ['-D', join(dir, 'data'), '-U', 'postgres', '-A', 'trust', '--no-sync']);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
  const start = async () => {
    await as('pg_ctl', ['-D', join(dir, 'data'), '-l', join(dir, 'log'), '-w', '-o', options, 'start']);
  };
  const kill = async () => {
    await as('pg_ctl', ['-D', join(dir, 'data'), '-m', 'immediate', 'stop']);
  };
  return {
    database: {
      kind: 'postgres',
      env: { DATABASE_URL: `postgres://postgres@127.0.0.1:${port}/postgres`, DATA_DIR: dataDir },
      drop: async () => {
        await kill().catch(() => undefined);
        rmSync(dir, { recursive: true, force: true });
        rmSync(dataDir, { recursive: true, force: true });
      },
    },
    start,
    kill,
  };
}
