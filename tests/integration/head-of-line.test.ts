// No user waits behind another's large push: while a 1,000-mutation push is being applied (chunk by chunk), another
// user's one-mutation push and GET /api/auth/me are answered — within a generous bound, and before the large push
// ends — on SQLite and PostgreSQL, over real HTTP. A chunked push cut off after some chunks (the database away)
// says which mutations it applied; retried, every mutation is applied exactly once. The exact figures are the
// benchmark's (npm run bench:server).
import { describe, expect, it } from 'vitest';
import { addUser } from '../../src/server/auth/accounts.ts';
import { createApp } from '../../src/server/http/app.ts';
import type { SyncStore } from '../../src/server/store/sync-store.ts';
import type { Change } from '../../src/shared/model/change.ts';
import { newId } from '../../src/shared/model/ids.ts';
import type { Mutation, PushResponse } from '../../src/shared/sync/protocol.ts';
import { createClient, seedChanges, signedInFetch } from './support/clients.ts';
import type { StoreKind } from './support/databases.ts';
import { openEvents } from './support/events.ts';
import { useServerSuite } from './support/suite.ts';

type Api = (path: string, init?: RequestInit) => Promise<Response>;

const BOUND_MS = 2_000;

function measureMutations(clientId: string, problemId: string, count: number): Mutation[] {
  const at = new Date().toISOString();
  return Array.from({ length: count }, (_, i) => ({ mutationId: newId(), clientId, entity: 'measure', id: newId(), op: 'create', fields: { problemId, seq: i + 1, title: `大批措施 ${i}`, owner: '王芳', details: '一次推送一千条' }, baseVersion: 0, actor: '甲', at }));
}

async function push(api: Api, clientId: string, mutations: Mutation[]): Promise<PushResponse> {
  const response = await api('/api/sync/push', { method: 'POST', body: JSON.stringify({ clientId, mutations }) });
  if (!response.ok) throw new Error(`push ${response.status}: ${await response.text()}`);
  return (await response.json()) as PushResponse;
}

async function pullAll(api: Api): Promise<{ id: string; version: number }[]> {
  const out: { id: string; version: number }[] = [];
  for (let after = 0; ; ) {
    const page = (await (await api(`/api/sync/pull?after=${after}&limit=5000`)).json()) as { records: { id: string; version: number }[]; cursor: number; more: boolean };
    out.push(...page.records);
    after = page.cursor;
    if (!page.more) return out;
  }
}

/** A store whose `failAt`-th write (counting from 1) meets a database that went away, as PostgreSQL's shutdown says it. */
function failingOnce(store: SyncStore, failAt: number): SyncStore {
  let writes = 0;
  return {
    ...store,
    write: (work) => {
      writes++;
      if (writes === failAt) return Promise.reject(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }));
      return store.write(work);
    },
  };
}

describe.each<StoreKind>(['sqlite', 'postgres'])('a large push (%s)', (kind) => {
  const suite = useServerSuite(kind);

  it('keeps nobody waiting: another user’s small push and /api/auth/me answer while it runs', async () => {
    for (const name of ['甲', '乙']) await addUser(suite.server.accounts, { username: name, displayName: name, password: `password-of-${name}`, role: 'coordinator' });
    const big = await signedInFetch(suite.server.url, { username: '甲', password: 'password-of-甲' });
    const small = await signedInFetch(suite.server.url, { username: '乙', password: 'password-of-乙' });
    const seed = seedChanges();
    const bigClient = newId();
    const smallClient = newId();
    const at = new Date().toISOString();
    const base = (await push(big, bigClient, seed.changes.map((c) => ({ mutationId: newId(), clientId: bigClient, entity: c.entity, id: c.id, op: 'create', fields: c.op === 'create' ? c.values : {}, baseVersion: 0, actor: '甲', at })))).results;
    const startSeq = Math.max(...base.map((r) => r.seq ?? 0));
    const events = await openEvents(small);
    try {
      let bigDoneAt = 0;
      const bigPush = push(big, bigClient, measureMutations(bigClient, seed.problemId, 1_000)).then((answer) => {
        bigDoneAt = Date.now();
        return answer;
      });
      // The first chunk has committed (its sequence is announced): the large push is under way.
      await events.until(startSeq + 1, 10_000);
      const sent = Date.now();
      const one = { mutationId: newId(), clientId: smallClient, entity: 'measure', id: seed.measureId, op: 'update', fields: { owner: '李强' }, baseVersion: startSeq, actor: '乙', at } satisfies Mutation;
      const [smallAnswer, me] = await Promise.all([
        push(small, smallClient, [one]).then((answer) => ({ answer, at: Date.now() })),
        small('/api/auth/me').then(async (response) => ({ status: response.status, user: ((await response.json()) as { user: { username: string } }).user, at: Date.now() })),
      ]);
      const answered = await bigPush;
      console.log(`head of line (${kind}): small push ${smallAnswer.at - sent} ms, me ${me.at - sent} ms, large push ended ${bigDoneAt - sent} ms after they were sent`);
      expect(smallAnswer.answer.results[0]?.status).toBe('applied');
      expect(me).toMatchObject({ status: 200, user: { username: '乙' } });
      expect(smallAnswer.at - sent).toBeLessThan(BOUND_MS);
      expect(me.at - sent).toBeLessThan(BOUND_MS);
      expect(smallAnswer.at).toBeLessThan(bigDoneAt);
      expect(me.at).toBeLessThan(bigDoneAt);
      expect(answered.results).toHaveLength(1_000);
      expect(answered.results.every((r) => r.status === 'applied')).toBe(true);
      // Commit order is sequence order: the small push took a sequence number between two of the large push's chunks.
      const seqs = answered.results.map((r) => r.seq ?? 0);
      const smallSeq = smallAnswer.answer.results[0]?.seq ?? 0;
      expect(seqs.some((s) => s < smallSeq) && seqs.some((s) => s > smallSeq)).toBe(true);
      expect(new Set([...seqs, smallSeq]).size).toBe(1_001);
    } finally {
      events.close();
    }
  });

  it('cut off after some chunks, tells which applied; retried, applies every mutation exactly once', async () => {
    // The same stores behind a second app whose fourth write fails as a database going away would.
    const flaky = await createApp({ ...suite.server.options, store: failingOnce(suite.server.options.store, 4) });
    await flaky.listen({ port: 0, host: '127.0.0.1' });
    try {
      const url = `http://127.0.0.1:${(flaky.server.address() as { port: number }).port}`;
      const device = await createClient(url, '甲');
      suite.track(device);
      const seed = seedChanges();
      await device.save(seed.changes);
      await device.sync.syncNow();
      expect(device.sync.state.get()).toMatchObject({ pending: 0, error: null });
      const changes = Array.from({ length: 450 }, (_, i): Change => ({ op: 'create', entity: 'measure', id: newId(), values: { problemId: seed.problemId, seq: i + 2, title: `离线措施 ${i}` } }));
      await device.save(changes);
      // Writes 2 and 3 are the push's first two chunks; the third chunk meets the outage.
      await device.sync.syncNow();
      expect(device.sync.state.get().error).toMatchObject({ kind: 'unavailable', status: 503 });
      expect(device.sync.state.get().pending).toBe(450 - 200);
      await device.sync.syncNow();
      expect(device.sync.state.get()).toMatchObject({ pending: 0, rejected: 0, error: null });

      const api = await signedInFetch(suite.server.url);
      const records = await pullAll(api);
      expect(records).toHaveLength(3 + 450);
      expect(new Set(records.map((r) => r.id))).toEqual(new Set([...seed.changes, ...changes].map((c) => c.id)));
      expect(new Set(records.map((r) => r.version)).size).toBe(records.length);
      // Each measure has one change in the log: none was applied twice.
      for (const change of changes.slice(0, 5).concat(changes.slice(-5))) {
        const trail = (await (await api(`/api/audit?entity=measure&id=${change.id}`)).json()) as { entries: { seq: number }[] };
        expect(new Set(trail.entries.map((e) => e.seq)).size).toBe(1);
      }
    } finally {
      await flaky.close();
    }
  });
});
