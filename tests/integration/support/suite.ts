// One server per test on a fresh database of the given kind, and the devices that sign in to it (closed after).
import { afterEach, beforeEach } from 'vitest';
import { addUser } from '../../../src/server/auth/accounts.ts';
import { createClient, type TestClient } from './clients.ts';
import { createTestDatabase, type StoreKind, type TestDatabase } from './databases.ts';
import { type InProcessServer, startInProcess } from './servers.ts';

export type ServerSuite = {
  readonly database: TestDatabase;
  readonly server: InProcessServer;
  /** A coordinator named `name`, signed in on a device of their own. */
  coordinator: (name: string, beforeRequest?: (path: string, init?: RequestInit) => void) => Promise<TestClient>;
  /** Department staff named `name`, of the given departments, signed in on a device (a tablet) of their own. */
  staff: (name: string, departmentIds: string[]) => Promise<TestClient>;
  /** A device made elsewhere, closed with the others after the test. */
  track: (client: TestClient) => void;
};

export function useServerSuite(kind: StoreKind): ServerSuite {
  let database: TestDatabase;
  let server: InProcessServer;
  const clients: TestClient[] = [];
  beforeEach(async () => {
    database = await createTestDatabase(kind);
    server = await startInProcess(database);
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) client.close();
    await server.stop();
    await database.drop();
  });
  return {
    get database() {
      return database;
    },
    get server() {
      return server;
    },
    async coordinator(name, beforeRequest) {
      await addUser(server.accounts, { username: name, displayName: name, password: 'password-of-' + name, role: 'coordinator' });
      const client = await createClient(server.url, name, { username: name, password: 'password-of-' + name }, { beforeRequest });
      clients.push(client);
      return client;
    },
    async staff(name, departmentIds) {
      await addUser(server.accounts, { username: name, displayName: name, password: 'password-of-' + name, role: 'staff', departmentIds });
      const client = await createClient(server.url, name, { username: name, password: 'password-of-' + name });
      clients.push(client);
      return client;
    },
    track: (client) => {
      clients.push(client);
    },
  };
}
