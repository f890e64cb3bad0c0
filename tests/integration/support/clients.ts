// A real client for the tests: the app's own storage (on fake-indexeddb) and sync engine, over real HTTP.
import type { Change } from '../../../src/shared/model/change.ts';
import { newId } from '../../../src/shared/model/ids.ts';
import { type LedgerStorage, openLedgerStorage } from '../../../src/client/storage/ledger-storage.ts';
import { createSyncEngine, type SyncEngine } from '../../../src/client/sync/sync-engine.ts';
import { createHttpTransport } from '../../../src/client/sync/transport.ts';
import { ADMIN_PASSWORD } from './servers.ts';

export type TestClient = {
  storage: LedgerStorage;
  sync: SyncEngine;
  /** Points the client at another server (the same data, another process). */
  useServer: (url: string) => void;
  /** Signs in again (a new server process knows the session; a different database does not). */
  login: () => Promise<void>;
  save: (changes: Change[]) => Promise<void>;
  close: () => void;
};

export type Credentials = { username: string; password: string };

/**
 * A device signed in as `credentials` (default: the test server's admin). Node's fetch keeps no cookies,
 * so the client carries its session cookie itself, as a browser would.
 */
export async function createClient(
  url: string,
  name: string,
  credentials: Credentials = { username: 'admin', password: ADMIN_PASSWORD },
  options: { beforeRequest?: (path: string, init?: RequestInit) => void; prefetchPerSync?: number } = {},
): Promise<TestClient> {
  const storage = await openLedgerStorage({ name: `client-${newId()}` });
  await storage.cache.ready;
  await storage.settings.save({ userName: name });
  let base = url;
  let cookie = '';
  const transport = createHttpTransport('', async (input, init) => {
    options.beforeRequest?.(input as string, init);
    const headers = new Headers(init?.headers);
    if (cookie) headers.set('cookie', cookie);
    const response = await fetch(`${base}${input as string}`, { ...init, headers });
    const set = response.headers.get('set-cookie');
    if (set) cookie = set.split(';')[0] ?? '';
    return response;
  });
  // The device remembers who signed in, as the app's account service does (sync reads the user's departments).
  await storage.settings.save({ account: await transport.login(credentials.username, credentials.password) });
  const sync = createSyncEngine({ storage, transport, locks: null, prefetchPerSync: options.prefetchPerSync });
  return {
    storage,
    sync,
    useServer: (next) => {
      base = next;
    },
    login: async () => {
      await transport.login(credentials.username, credentials.password);
    },
    save: async (changes) => {
      const result = await storage.save(changes);
      if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.errors)}`);
    },
    close: () => {
      sync.dispose();
      storage.close();
    },
  };
}

/** A department, a problem and a measure: the least a ledger needs to be edited. */
export function seedChanges(): { changes: Change[]; measureId: string; problemId: string; departmentId: string } {
  const departmentId = newId();
  const problemId = newId();
  const measureId = newId();
  return {
    departmentId,
    problemId,
    measureId,
    changes: [
      { op: 'create', entity: 'department', id: departmentId, values: { name: '市财政局' } },
      { op: 'create', entity: 'problem', id: problemId, values: { number: 1, title: '宣传不够', leadDepartmentId: departmentId } },
      { op: 'create', entity: 'measure', id: measureId, values: { problemId, seq: 1, title: '编印读本', status: 'in_progress', leadDepartmentId: departmentId } },
    ],
  };
}

/** A signed-in fetch for raw requests: the session cookie and the CSRF header, as the app sends them. */
export async function signedInFetch(url: string, credentials: Credentials = { username: 'admin', password: ADMIN_PASSWORD }): Promise<(path: string, init?: RequestInit) => Promise<Response>> {
  const response = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-ledger-request': '1' }, body: JSON.stringify(credentials) });
  if (!response.ok) throw new Error(`login failed: ${response.status}`);
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return (path, init) => fetch(`${url}${path}`, { ...init, headers: { cookie, 'x-ledger-request': '1', ...(init?.body ? { 'content-type': 'application/json' } : {}), ...(init?.headers as Record<string, string> | undefined) } });
}
