// The database going away is an outage, never a crash: PostgreSQL stopped the hard way while pushes and pulls are
// in flight, and a server started before its database. The process stays up (same PID), answers 503 and says so in
// its health, resumes by itself, and every push is applied exactly once once retried with its mutation ids.
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { Change } from '../../src/shared/model/change.ts';
import { newId } from '../../src/shared/model/ids.ts';
import { createClient, seedChanges, signedInFetch, type TestClient } from './support/clients.ts';
import { createOwnPostgres, type OwnPostgres } from './support/own-postgres.ts';
import { freePort } from './support/ports.ts';
import { type ChildServer, startChild } from './support/servers.ts';
import { useServerSuite } from './support/suite.ts';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function ownPostgres(): Promise<OwnPostgres> {
  const pg = await createOwnPostgres();
  cleanup.push(() => pg.database.drop());
  return pg;
}

function track<T extends ChildServer | TestClient>(thing: T): T {
  cleanup.push(() => ('kill' in thing ? thing.kill() : thing.close()));
  return thing;
}

async function health(url: string): Promise<{ status: number; database: string }> {
  const response = await fetch(`${url}/api/health`);
  const body = (await response.json()) as { database: string };
  return { status: response.status, database: body.database };
}

/** Polls health until the database answers (the server finds it again by itself: nobody restarts it). */
async function untilHealthy(url: string, withinMs: number): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < withinMs) {
    if ((await health(url)).status === 200) return Date.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the server did not find its database again within ${withinMs} ms`);
}

function measures(problemId: string, count: number, label: string): Change[] {
  return Array.from({ length: count }, (_, i): Change => ({ op: 'create', entity: 'measure', id: newId(), values: { problemId, seq: i + 2, title: `${label} 措施 ${i}` } }));
}

async function pullAll(api: (path: string) => Promise<Response>): Promise<{ id: string; version: number }[]> {
  const out: { id: string; version: number }[] = [];
  let after = 0;
  for (;;) {
    const page = (await (await api(`/api/sync/pull?after=${after}&limit=5000`)).json()) as { records: { id: string; version: number }[]; cursor: number; more: boolean };
    out.push(...page.records);
    after = page.cursor;
    if (!page.more) return out;
  }
}

describe('PostgreSQL stopped (pg_ctl stop -m immediate) while pushes and pulls are in flight', () => {
  it('answers 503, keeps its process, resumes by itself, and applies every push exactly once', async () => {
    const pg = await ownPostgres();
    await pg.start();
    const server = track(await startChild(pg.database, await freePort()));
    const pid = server.process.pid;
    const seed = seedChanges();
    const clients = [track(await createClient(server.url, '甲')), track(await createClient(server.url, '乙')), track(await createClient(server.url, '丙'))];
    await clients[0]!.save(seed.changes);
    for (const c of clients) await c.sync.syncNow();
    const api = await signedInFetch(server.url);
    // One mutation sent by hand, so that its retries carry the very same mutation id.
    const clientId = newId();
    const mutation = { mutationId: newId(), clientId, entity: 'measure', id: newId(), op: 'create', fields: { problemId: seed.problemId, seq: 999, title: '手工推送' }, baseVersion: 0, actor: '甲', at: new Date().toISOString() };
    const push = () => api('/api/sync/push', { method: 'POST', body: JSON.stringify({ clientId, mutations: [mutation] }) });

    for (const [n, c] of clients.entries()) await c.save(measures(seed.problemId, 1_200, `客户端 ${n}`));
    // Pulls keep going through the outage: every one is answered (200 or 503), none finds the server gone.
    let pulling = true;
    const pullStatuses: number[] = [];
    const puller = (async () => {
      while (pulling) {
        pullStatuses.push((await api('/api/sync/pull?after=0&limit=2000')).status);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    const syncing = Promise.all(clients.map((c) => c.sync.syncNow()));
    await new Promise((resolve) => setTimeout(resolve, 150));
    await pg.kill();
    await syncing;

    // Down: the same process answers 503 with the code the devices word, and its health says why.
    expect((await push()).status).toBe(503);
    const refused = await push();
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('5');
    expect(await refused.json()).toEqual({ error: 'unavailable', message: 'the database is unavailable; try again later' });
    expect((await api('/api/sync/pull?after=0')).status).toBe(503);
    expect(await health(server.url)).toEqual({ status: 503, database: 'unreachable' });
    const late = clients[2]!;
    await late.save([{ op: 'update', entity: 'measure', id: seed.measureId, fields: { owner: '停库期间' } }]);
    await late.sync.syncNow();
    expect(late.sync.state.get().error).toMatchObject({ kind: 'unavailable', status: 503, code: 'unavailable' });
    expect(late.sync.state.get().pending).toBeGreaterThan(0);
    pulling = false;
    await puller;
    expect(pullStatuses.every((s) => s === 200 || s === 503)).toBe(true);
    expect(pullStatuses).toContain(503);
    expect(server.process.exitCode).toBeNull();
    expect(server.process.pid).toBe(pid);

    await pg.start();
    await untilHealthy(server.url, 10_000);
    const applied = (await (await push()).json()) as { results: { status: string }[] };
    expect(applied.results[0]?.status).toBe('applied');
    const again = (await (await push()).json()) as { results: { status: string }[] };
    expect(again.results[0]?.status).toBe('duplicate');
    await Promise.all(clients.map((c) => c.sync.syncNow()));
    for (const c of clients) expect(c.sync.state.get()).toMatchObject({ pending: 0, rejected: 0, error: null });

    const records = await pullAll(api);
    expect(records).toHaveLength(3 + 3 * 1_200 + 1);
    expect(new Set(records.map((r) => r.id)).size).toBe(records.length);
    expect(new Set(records.map((r) => r.version)).size).toBe(records.length);
    expect(server.process.pid).toBe(pid);
    expect(server.process.exitCode).toBeNull();
  });
});

describe('a server started while PostgreSQL is down', () => {
  it('comes up, answers that its database is unreachable, and serves once PostgreSQL starts', async () => {
    const pg = await ownPostgres();
    const server = track(await startChild(pg.database, await freePort(), { answering: true }));
    const pid = server.process.pid;
    expect(await health(server.url)).toEqual({ status: 503, database: 'unreachable' });
    const login = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-ledger-request': '1' }, body: JSON.stringify({ username: 'admin', password: 'x' }) });
    expect(login.status).toBe(503);
    expect(((await login.json()) as { error: string }).error).toBe('unavailable');
    // Still waiting, still there, after a couple of its retries.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(server.process.exitCode).toBeNull();

    await pg.start();
    await untilHealthy(server.url, 15_000);
    expect(server.process.pid).toBe(pid);
    const client = track(await createClient(server.url, '甲'));
    await client.save(seedChanges().changes);
    await client.sync.syncNow();
    expect(client.sync.state.get()).toMatchObject({ pending: 0, rejected: 0, error: null });
  });
});

describe('SQLite locked by another process (SQLITE_BUSY)', () => {
  const suite = useServerSuite('sqlite');
  it('answers a push 503 once its busy timeout runs out, then takes it when the lock is gone', async () => {
    const api = await signedInFetch(suite.server.url);
    const clientId = newId();
    const department = { mutationId: newId(), clientId, entity: 'department', id: newId(), op: 'create', fields: { name: '市财政局' }, baseVersion: 0, actor: '甲', at: new Date().toISOString() };
    const push = () => api('/api/sync/push', { method: 'POST', body: JSON.stringify({ clientId, mutations: [department] }) });
    // Another process (a backup, a second server on the same file) holds the write lock.
    const other = new SQLite(join(suite.database.env.DATA_DIR, 'ledger.sqlite'));
    other.exec('begin exclusive');
    try {
      const refused = await push();
      expect(refused.status).toBe(503);
      expect(((await refused.json()) as { error: string }).error).toBe('unavailable');
    } finally {
      other.exec('rollback');
      other.close();
    }
    const applied = (await (await push()).json()) as { results: { status: string }[] };
    expect(applied.results[0]?.status).toBe('applied');
  }, 20_000);
});
