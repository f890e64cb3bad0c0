// The real server for the tests: in this process (fast), or as a child process that can be killed mid-request.
import { type ChildProcess, spawn } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { type AppOptions, createApp } from '../../../src/server/http/app.ts';
import { ensureFirstAdmin } from '../../../src/server/auth/accounts.ts';
import { type AccountStore, createAccountStore } from '../../../src/server/store/account-store.ts';
import { createAttachmentStore } from '../../../src/server/store/attachment-store.ts';
import { type OpenDatabase, openDatabase } from '../../../src/server/store/database.ts';
import { createChangeNotifier } from '../../../src/server/store/change-notifier.ts';
import { createLedgerClearStore } from '../../../src/server/store/ledger-clear-store.ts';
import { createSyncStore } from '../../../src/server/store/sync-store.ts';
import type { TestDatabase } from './databases.ts';

export type TestServer = { url: string; stop: () => Promise<void> };
/** `options` builds another app on the same stores (for a test that adds a route of its own). */
export type InProcessServer = TestServer & { accounts: AccountStore; db: OpenDatabase['db']; options: AppOptions };

/** The first administrator's password on every test server. */
export const ADMIN_PASSWORD = 'admin-password-for-tests';

export async function startInProcess(database: TestDatabase, bodyLimit?: number): Promise<InProcessServer> {
  const opened = await openDatabase({ databaseUrl: database.env.DATABASE_URL, dataDir: database.env.DATA_DIR });
  const accounts = createAccountStore(opened.db);
  await ensureFirstAdmin(accounts, ADMIN_PASSWORD);
  const changes = createChangeNotifier(opened.db, opened.dialect, database.env.DATABASE_URL);
  const store = createSyncStore(opened.db, opened.dialect, changes.published);
  const options: AppOptions = { staticDir: '/nonexistent', logLevel: 'silent', store, changes, accounts, attachments: createAttachmentStore(opened.db), clears: createLedgerClearStore(opened.db, store), bodyLimit };
  const app = await createApp(options);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    accounts,
    db: opened.db,
    options,
    stop: async () => {
      await app.close();
      await changes.close();
      await opened.close();
    },
  };
}

export type ChildServer = TestServer & { kill: () => Promise<void>; process: ChildProcess };

/** `answering`: wait only until the server answers at all (its database may be away), not until it is healthy. */
export async function startChild(database: TestDatabase, port: number, options: { answering?: boolean } = {}): Promise<ChildServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: { ...process.env, ...database.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', STATIC_DIR: '/nonexistent', LEDGER_ADMIN_PASSWORD: ADMIN_PASSWORD },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    if (Date.now() > deadline) throw new Error('server did not start');
    try {
      const health = await fetch(`${url}/api/health`);
      if (health.ok || options.answering) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const signal = (sig: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(sig);
    return exited;
  };
  return { url, process: child, stop: () => signal('SIGTERM'), kill: () => signal('SIGKILL') };
}
