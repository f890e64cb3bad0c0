// Live updates: a device's event stream (GET /api/sync/events, the session cookie) is told the change log's last
// sequence number right after another user's push — on SQLite, on PostgreSQL, and through a second server process
// on the same PostgreSQL (LISTEN/NOTIFY) — and pulling after it finds the change. Without a session: 401.
import { afterEach, describe, expect, it } from 'vitest';
import { addUser } from '../../src/server/auth/accounts.ts';
import { newId } from '../../src/shared/model/ids.ts';
import { signedInFetch } from './support/clients.ts';
import { createTestDatabase, type StoreKind, type TestDatabase } from './support/databases.ts';
import { openEvents } from './support/events.ts';
import { freePort } from './support/ports.ts';
import { type ChildServer, startChild } from './support/servers.ts';
import { useServerSuite } from './support/suite.ts';

type Api = (path: string, init?: RequestInit) => Promise<Response>;

async function pushDepartment(api: Api, name: string): Promise<number> {
  const clientId = newId();
  const mutation = { mutationId: newId(), clientId, entity: 'department', id: newId(), op: 'create', fields: { name }, baseVersion: 0, actor: name, at: new Date().toISOString() };
  const response = await api('/api/sync/push', { method: 'POST', body: JSON.stringify({ clientId, mutations: [mutation] }) });
  const body = (await response.json()) as { results: { status: string; seq: number }[] };
  expect(body.results[0]?.status).toBe('applied');
  return body.results[0]!.seq;
}

async function names(api: Api, after: number): Promise<string[]> {
  const page = (await (await api(`/api/sync/pull?after=${after}`)).json()) as { records: { data: { name?: string } }[] };
  return page.records.map((r) => r.data.name ?? '');
}

describe.each<StoreKind>(['sqlite', 'postgres'])('a live-update stream (%s)', (kind) => {
  const suite = useServerSuite(kind);

  it('tells a second user the new sequence right after another user’s push', async () => {
    for (const name of ['甲', '乙']) await addUser(suite.server.accounts, { username: name, displayName: name, password: `password-of-${name}`, role: 'coordinator' });
    const writer = await signedInFetch(suite.server.url, { username: '甲', password: 'password-of-甲' });
    const reader = await signedInFetch(suite.server.url, { username: '乙', password: 'password-of-乙' });
    const before = await pushDepartment(writer, '市财政局');
    const events = await openEvents(reader);
    try {
      // The stream starts with where the log ends now.
      expect((await events.until(before, 2_000)).seq).toBe(before);
      const pushedAt = Date.now();
      const seq = await pushDepartment(writer, '市税务局');
      const heard = await events.until(seq, 2_000);
      console.log(`live update (${kind}, one process): told seq ${seq} ${heard.at - pushedAt} ms after the push was sent`);
      expect(await names(reader, before)).toEqual(['市税务局']);
    } finally {
      events.close();
    }
  });

  it('is behind the gate: no session, no stream', async () => {
    const response = await fetch(`${suite.server.url}/api/sync/events`);
    expect(response.status).toBe(401);
  });
});

describe('two server processes on one PostgreSQL', () => {
  const cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  it('a push to one reaches a stream on the other (LISTEN/NOTIFY)', async () => {
    const database: TestDatabase = await createTestDatabase('postgres');
    cleanup.push(() => database.drop());
    const start = async (): Promise<ChildServer> => {
      const server = await startChild(database, await freePort());
      cleanup.push(() => server.kill());
      return server;
    };
    const [one, two] = [await start(), await start()];
    const writer = await signedInFetch(one.url);
    const reader = await signedInFetch(two.url);
    const events = await openEvents(reader);
    try {
      await events.until(0, 2_000);
      for (const name of ['市财政局', '市税务局']) {
        const pushedAt = Date.now();
        const seq = await pushDepartment(writer, name);
        const heard = await events.until(seq, 2_000);
        console.log(`live update (PostgreSQL, across processes): told seq ${seq} ${heard.at - pushedAt} ms after the push was sent`);
      }
      expect(await names(reader, 0)).toEqual(['市财政局', '市税务局']);
    } finally {
      events.close();
    }
  });
});
