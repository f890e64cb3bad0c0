// The sync server and protocol over real HTTP, the same suite on SQLite and on PostgreSQL, driven by the
// app's own client storage and sync engine.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { newId } from '../../src/shared/model/ids.ts';
import type { Mutation, PushResponse } from '../../src/shared/sync/protocol.ts';
import { buildSampleLedger } from '../../src/shared/sample/build-sample.ts';
import { loadSample } from '../../src/client/storage/sample-data.ts';
import { createClient, seedChanges, signedInFetch } from './support/clients.ts';
import { createTestDatabase, type StoreKind } from './support/databases.ts';
import { startInProcess } from './support/servers.ts';
import { useServerSuite } from './support/suite.ts';

const kinds: StoreKind[] = ['sqlite', 'postgres'];

describe.each(kinds)('sync on %s', (kind) => {
  const suite = useServerSuite(kind);
  const client = (name: string) => suite.coordinator(name);

  async function twoSyncedClients() {
    const a = await client('甲');
    const b = await client('乙');
    const seed = seedChanges();
    await a.save(seed.changes);
    await a.sync.syncNow();
    await b.sync.syncNow();
    expect(b.storage.cache.get('measure', seed.measureId)?.title).toBe('编印读本');
    return { a, b, seed };
  }

  it('loads the sample into an empty ledger only, on two new devices at once, and again after an administrator cleared the ledger', async () => {
    const sample = buildSampleLedger(readFileSync(new URL('../../src/shared/sample/seed-report.txt', import.meta.url), 'utf8'));
    const a = await client('甲');
    const b = await client('乙');
    // Two devices of a new installation load the sample before either synced: the same records, no conflict.
    expect((await loadSample(a.storage, sample)).ok).toBe(true);
    expect((await loadSample(b.storage, sample)).ok).toBe(true);
    await a.sync.syncNow();
    await b.sync.syncNow();
    expect(await a.sync.conflicts()).toEqual([]);
    // A ledger that holds anything is refused: the sample would overwrite what coordinators corrected.
    await a.save([{ op: 'update', entity: 'measure', id: sample.measures[0]!.id, fields: { title: '协调员核对后的标题' } }]);
    expect((await loadSample(a.storage, sample)).ok).toBe(false);
    await a.sync.syncNow();

    // The administrator clears the shared ledger (the server keeps it as tombstones); the sample loads again.
    const admin = await signedInFetch(suite.server.url);
    expect((await admin('/api/ledger/clear', { method: 'POST', body: JSON.stringify({ confirm: '整改台账' }) })).status).toBe(200);
    await a.sync.syncNow();
    expect(a.storage.cache.all('measure')).toHaveLength(0);
    expect((await loadSample(a.storage, sample)).ok).toBe(true);
    await a.sync.syncNow();
    await b.sync.syncNow();
    for (const c of [a, b]) expect(c.storage.cache.all('measure')).toHaveLength(sample.measures.length);
    expect(b.storage.cache.get('measure', sample.measures[0]!.id)?.title).toBe(sample.measures[0]!.title);
    for (const c of [a, b]) expect(c.sync.state.get()).toMatchObject({ pending: 0, rejected: 0 });
  });

  it('merges offline edits of different fields, and keeps both values of the same field as one conflict', async () => {
    const { a, b, seed } = await twoSyncedClients();
    const m = seed.measureId;
    await a.save([{ op: 'update', entity: 'measure', id: m, fields: { owner: '王芳' } }]);
    await b.save([{ op: 'update', entity: 'measure', id: m, fields: { deadline: '2022-12-31' } }]);
    await a.sync.syncNow();
    await b.sync.syncNow();
    await a.sync.syncNow();
    for (const c of [a, b]) expect(c.storage.cache.get('measure', m)).toMatchObject({ owner: '王芳', deadline: '2022-12-31' });
    expect(await a.sync.conflicts()).toEqual([]);

    await a.save([{ op: 'update', entity: 'measure', id: m, fields: { progress: 30 } }]);
    await b.save([{ op: 'update', entity: 'measure', id: m, fields: { progress: 60 } }]);
    await a.sync.syncNow();
    await b.sync.syncNow();
    await a.sync.syncNow();
    for (const c of [a, b]) expect(c.storage.cache.get('measure', m)?.progress).toBe(30);
    const conflicts = await b.sync.conflicts();
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({ recordId: m, field: 'progress', serverValue: 30, clientValue: 60, clientActor: '乙', status: 'open' });
    expect(b.sync.state.get()).toMatchObject({ pending: 0, openConflicts: 1, error: null });

    // A coordinator takes the other value: it becomes an ordinary change every device pulls.
    await a.sync.resolve(conflicts[0]!.id, { action: 'take' });
    await b.sync.syncNow();
    for (const c of [a, b]) expect(c.storage.cache.get('measure', m)?.progress).toBe(60);
    expect(await a.sync.conflicts()).toEqual([]);
  });

  it('names the author of the value that stands, not whoever last edited another field of the record', async () => {
    const { a, b, seed } = await twoSyncedClients();
    const c = await client('丙');
    await c.sync.syncNow();
    await a.save([{ op: 'update', entity: 'measure', id: seed.measureId, fields: { progress: 30 } }]);
    await a.sync.syncNow();
    await c.save([{ op: 'update', entity: 'measure', id: seed.measureId, fields: { owner: '王芳' } }]);
    await c.sync.syncNow();
    await b.save([{ op: 'update', entity: 'measure', id: seed.measureId, fields: { progress: 60 } }]);
    await b.sync.syncNow();
    expect(await b.sync.conflicts()).toMatchObject([{ field: 'progress', serverValue: 30, serverActor: '甲', clientValue: 60, clientActor: '乙' }]);
    // The device stops showing its losing value: it reads the record again.
    expect(b.storage.cache.get('measure', seed.measureId)).toMatchObject({ progress: 30, owner: '王芳' });
  });

  it('applies a duplicated push once, even when both copies arrive together', async () => {
    const seed = seedChanges();
    const clientId = newId();
    const mutations: Mutation[] = seed.changes.map((c) => ({
      mutationId: newId(), clientId, entity: c.entity, id: c.id, op: 'create', fields: c.op === 'create' ? c.values : {}, baseVersion: 0, actor: '甲', at: new Date().toISOString(),
    }));
    const api = await signedInFetch(suite.server.url);
    const push = () => api('/api/sync/push', { method: 'POST', body: JSON.stringify({ clientId, mutations }) }).then((r) => r.json() as Promise<PushResponse>);
    const [first, second] = await Promise.all([push(), push()]);
    const statuses = [first, second].map((r) => r.results.map((x) => x.status).join(',')).sort();
    expect(statuses).toEqual(['applied,applied,applied', 'duplicate,duplicate,duplicate']);
    const third = await push();
    expect(third.results.map((r) => [r.status, r.first])).toEqual(Array(3).fill(['duplicate', 'applied']));
    const pulled = (await (await api('/api/sync/pull?after=0')).json()) as { records: { version: number }[] };
    expect(pulled.records.map((r) => r.version)).toEqual([1, 2, 3]);
  });

  it('converges when a client was offline across a deletion; its refused edit stays with the reason', async () => {
    const { a, b, seed } = await twoSyncedClients();
    await b.save([{ op: 'delete', entity: 'measure', id: seed.measureId }]);
    await b.sync.syncNow();
    await a.save([{ op: 'update', entity: 'measure', id: seed.measureId, fields: { owner: '离线时填写' } }]);
    await a.sync.syncNow();
    expect(a.storage.cache.get('measure', seed.measureId)).toBeUndefined();
    expect(b.storage.cache.get('measure', seed.measureId)).toBeUndefined();
    const refused = await a.sync.listRejected();
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatchObject({ status: 'rejected', reason: { code: 'deleted' }, mutation: { fields: { owner: '离线时填写' } } });
    expect(a.sync.state.get()).toMatchObject({ pending: 0, rejected: 1 });
    expect(JSON.parse(await a.sync.exportUnsynced())).toMatchObject({ changes: [{ mutation: { fields: { owner: '离线时填写' } } }] });
  });

  it('refuses an invalid change on the server, keeps it on the device, and shows the server’s value', async () => {
    const { a, seed } = await twoSyncedClients();
    // A change the device accepted but the server refuses: closing is not allowed from 整改中 on the server either.
    const mutation: Mutation = { mutationId: newId(), clientId: a.storage.settings.get().clientId, entity: 'measure', id: seed.measureId, op: 'update', fields: { status: 'closed' }, baseVersion: 3, actor: '甲', at: new Date().toISOString() };
    await a.storage.db.outbox.add({ key: `measure:${seed.measureId}`, mutation, status: 'pending' });
    await a.sync.syncNow();
    expect(await a.sync.listRejected()).toMatchObject([{ reason: { code: 'transition', field: 'status' } }]);
    expect(a.storage.cache.get('measure', seed.measureId)?.status).toBe('in_progress');
  });

  it('keeps pending local edits over pulled rows, so a stuck upload never blocks a download', async () => {
    const { a, b, seed } = await twoSyncedClients();
    await b.save([{ op: 'update', entity: 'measure', id: seed.measureId, fields: { title: '乙改的标题' } }]);
    await b.sync.syncNow();
    await a.save([{ op: 'update', entity: 'measure', id: seed.measureId, fields: { owner: '甲未上传' } }]);
    // The push fails (every push answered 503, the database away: try again later, not a refusal), the pull still runs.
    const realFetch = globalThis.fetch;
    globalThis.fetch = (input, init) => ((input as string).includes('/push') ? Promise.resolve(new Response('{"message":"busy"}', { status: 503 })) : realFetch(input, init));
    try {
      await a.sync.syncNow();
    } finally {
      globalThis.fetch = realFetch;
    }
    expect(a.storage.cache.get('measure', seed.measureId)).toMatchObject({ title: '乙改的标题', owner: '甲未上传' });
    expect(a.sync.state.get()).toMatchObject({ pending: 1, error: { kind: 'unavailable', status: 503 } });
  });

  it('answers bad input with 4xx and a message, and changes nothing', async () => {
    const api = await signedInFetch(suite.server.url);
    const post = (body: string, path = '/api/sync/push') => api(path, { method: 'POST', body });
    const malformed = await post('{"clientId": ');
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { message: string }).message).toMatch(/JSON/);
    const unknownField = await post(JSON.stringify({ clientId: newId(), mutations: [], sneaky: true }));
    expect(unknownField.status).toBe(400);
    expect(((await unknownField.json()) as { message: string }).message).toContain('sneaky');
    const badId = await post(JSON.stringify({ clientId: newId(), mutations: [{ mutationId: 'not-a-uuid', clientId: newId(), entity: 'measure', id: newId(), op: 'delete', fields: {}, baseVersion: 0, actor: 'x', at: new Date().toISOString() }] }));
    expect(badId.status).toBe(400);
    expect(((await badId.json()) as { message: string }).message).toContain('mutations.0.mutationId');
    const badQuery = await api('/api/sync/pull?after=-1');
    expect(badQuery.status).toBe(400);
    const pulled = (await (await api('/api/sync/pull')).json()) as { records: unknown[] };
    expect(pulled.records).toEqual([]);
  });

  it('refuses an oversized body with 413', async () => {
    const small = await startInProcess(suite.database, 1024);
    try {
      const api = await signedInFetch(small.url);
      const response = await api('/api/sync/push', { method: 'POST', body: JSON.stringify({ padding: 'x'.repeat(4096) }) });
      expect(response.status).toBe(413);
      expect(((await response.json()) as { message: string }).message.length).toBeGreaterThan(0);
    } finally {
      await small.stop();
    }
  });
});

describe.each(kinds)('a device’s consecutive edits before its first sync (%s)', (kind) => {
  it('all stand, in the order made', async () => {
    const database = await createTestDatabase(kind);
    const server = await startInProcess(database);
    const c = await createClient(server.url, '甲');
    try {
      const seed = seedChanges();
      await c.save(seed.changes);
      await c.save([{ op: 'update', entity: 'measure', id: seed.measureId, fields: { title: '第二个标题' } }]);
      await c.save([{ op: 'update', entity: 'measure', id: seed.measureId, fields: { title: '第三个标题', owner: '王芳' } }]);
      await c.sync.syncNow();
      expect(c.storage.cache.get('measure', seed.measureId)).toMatchObject({ title: '第三个标题', owner: '王芳' });
      expect(await c.sync.conflicts()).toEqual([]);
    } finally {
      c.close();
      await server.stop();
      await database.drop();
    }
  });
});

describe.each(kinds)('a server that lost its data (%s)', (kind) => {
  it('never makes a device delete what the server does not know', async () => {
    const first = await createTestDatabase(kind);
    let server = await startInProcess(first);
    const c = await createClient(server.url, '甲');
    const second = await createTestDatabase(kind);
    try {
      const seed = seedChanges();
      await c.save(seed.changes);
      await c.sync.syncNow();
      // The server comes back from an empty database (a restore gone wrong): the device's update is refused.
      await server.stop();
      server = await startInProcess(second);
      c.useServer(server.url);
      await c.login();
      await c.save([{ op: 'update', entity: 'measure', id: seed.measureId, fields: { owner: '王芳' } }]);
      await c.sync.push();
      expect(c.storage.cache.get('measure', seed.measureId)).toMatchObject({ title: '编印读本', owner: '王芳' });
      expect(await c.storage.db.measures.get(seed.measureId)).toBeDefined();
      expect(await c.sync.listRejected()).toMatchObject([{ reason: { code: 'missing' } }]);
    } finally {
      c.close();
      await server.stop();
      await first.drop();
      await second.drop();
    }
  });
});
