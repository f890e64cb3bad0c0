// Sync under failure and at scale-out: a server killed in the middle of a push, and two server processes
// sharing one PostgreSQL database with clients writing to both, and PostgreSQL dropping the server's connections.
import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { Change } from '../../src/shared/model/change.ts';
import { newId } from '../../src/shared/model/ids.ts';
import { createClient, seedChanges, signedInFetch, type TestClient } from './support/clients.ts';
import pg from 'pg';
import { createTestDatabase, postgresUrl, type StoreKind, type TestDatabase } from './support/databases.ts';
import { type ChildServer, startChild } from './support/servers.ts';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

function track<T extends ChildServer | TestClient | TestDatabase>(thing: T): T {
  if ('drop' in thing) cleanup.push(() => thing.drop());
  else if ('kill' in thing) cleanup.push(() => thing.kill());
  else cleanup.push(() => thing.close());
  return thing;
}

async function pullAll(url: string): Promise<{ entity: string; id: string; version: number }[]> {
  const api = await signedInFetch(url);
  const out: { entity: string; id: string; version: number }[] = [];
  let after = 0;
  for (;;) {
    const page = (await (await api(`/api/sync/pull?after=${after}&limit=5000`)).json()) as { records: { entity: string; id: string; version: number }[]; cursor: number; more: boolean };
    out.push(...page.records);
    after = page.cursor;
    if (!page.more) return out;
  }
}

describe.each<StoreKind>(['sqlite', 'postgres'])('a server killed in the middle of a push (%s)', (kind) => {
  it('loses nothing: the retry completes and every change is applied exactly once', async () => {
    const database = track(await createTestDatabase(kind));
    const port = await freePort();
    let server = await startChild(database, port);
    const client = track(await createClient(server.url, '甲'));
    const seed = seedChanges();
    await client.save(seed.changes);
    const many: Change[] = Array.from({ length: 3_000 }, (_, i) => ({ op: 'create', entity: 'measure', id: newId(), values: { problemId: seed.problemId, seq: i + 2, title: `措施 ${i}` } }));
    await client.save(many);

    const pushing = client.sync.syncNow();
    // Kill the server as soon as the push is on its way in.
    await new Promise((resolve) => setTimeout(resolve, 150));
    await server.kill();
    await pushing;
    expect(client.sync.state.get().error?.kind).toBe('network');
    expect(client.sync.state.get().pending).toBeGreaterThan(0);

    server = track(await startChild(database, port));
    await client.sync.syncNow();
    expect(client.sync.state.get()).toMatchObject({ pending: 0, rejected: 0, error: null });
    const records = await pullAll(server.url);
    expect(records).toHaveLength(3 + 3_000);
    expect(new Set(records.map((r) => r.id)).size).toBe(records.length);
    expect(new Set(records.map((r) => r.version)).size).toBe(records.length);
  });
});

describe('two server processes on one PostgreSQL', () => {
  it('serve clients writing to both at once, and everything converges', async () => {
    const database = track(await createTestDatabase('postgres'));
    const [one, two] = [track(await startChild(database, await freePort())), track(await startChild(database, await freePort()))];
    const seed = seedChanges();
    const first = track(await createClient(one.url, '甲'));
    await first.save(seed.changes);
    await first.sync.syncNow();
    const clients = [first, track(await createClient(two.url, '乙')), track(await createClient(one.url, '丙')), track(await createClient(two.url, '丁'))];
    await Promise.all(clients.slice(1).map((c) => c.sync.syncNow()));

    // Each client adds its own measures and edits the shared one, all pushing at the same time.
    await Promise.all(
      clients.map(async (c, n) => {
        await c.save(Array.from({ length: 150 }, (_, i): Change => ({ op: 'create', entity: 'measure', id: newId(), values: { problemId: seed.problemId, seq: 100 * n + i, title: `客户端 ${n} 措施 ${i}` } })));
        await c.save([{ op: 'update', entity: 'measure', id: seed.measureId, fields: { owner: `客户端 ${n}` } }]);
      }),
    );
    await Promise.all(clients.map((c) => c.sync.syncNow()));
    await Promise.all(clients.map((c) => c.sync.syncNow()));

    const fromOne = await pullAll(one.url);
    const fromTwo = await pullAll(two.url);
    expect(fromOne).toEqual(fromTwo);
    expect(fromOne).toHaveLength(3 + 4 * 150);
    expect(new Set(fromOne.map((r) => r.version)).size).toBe(fromOne.length);
    const snapshot = (c: TestClient) => JSON.stringify([...c.storage.cache.all('measure')].sort((x, y) => x.id.localeCompare(y.id)));
    for (const c of clients.slice(1)) expect(snapshot(c)).toBe(snapshot(first));
    // The four owners raced on one field: one stands, the other three are kept as conflicts.
    expect(await first.sync.conflicts()).toHaveLength(3);
  });
});

describe('PostgreSQL dropping the server’s connections (a restart or failover)', () => {
  it('does not stop the server: the next sync succeeds on fresh connections', async () => {
    const database = track(await createTestDatabase('postgres'));
    const server = track(await startChild(database, await freePort()));
    const client = track(await createClient(server.url, '甲'));
    const seed = seedChanges();
    await client.save(seed.changes);
    await client.sync.syncNow();

    const admin = new pg.Client({ connectionString: postgresUrl() });
    await admin.connect();
    const name = new URL(database.env.DATABASE_URL ?? '').pathname.slice(1);
    const { rows } = await admin.query<{ pid: number }>('select pg_terminate_backend(pid) as pid from pg_stat_activity where datname = $1', [name]);
    await admin.end();
    expect(rows.length).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(server.process.exitCode).toBeNull();

    await client.save([{ op: 'update', entity: 'measure', id: seed.measureId, fields: { owner: '重连之后' } }]);
    await client.sync.syncNow();
    expect(client.sync.state.get()).toMatchObject({ pending: 0, rejected: 0, error: null });
    expect((await pullAll(server.url)).length).toBe(3);
  });
});
