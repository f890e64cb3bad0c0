// An administrator's clearing of the shared ledger and its restoring, over real HTTP on SQLite and PostgreSQL:
// only by typing the ledger's name, recorded in the trail, every device following; 恢复 brings back exactly
// what was removed, except what someone has re-created since.
import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../src/shared/sync/protocol.ts';
import { seedChanges, signedInFetch } from './support/clients.ts';
import type { StoreKind } from './support/databases.ts';
import { useServerSuite } from './support/suite.ts';

const kinds: StoreKind[] = ['sqlite', 'postgres'];

describe.each(kinds)('clearing the shared ledger on %s', (kind) => {
  const suite = useServerSuite(kind);

  it('takes the typed name, empties every device, and restores what it removed', async () => {
    const a = await suite.coordinator('甲');
    const b = await suite.coordinator('乙');
    const seed = seedChanges();
    await a.save(seed.changes);
    await a.save([{ op: 'update', entity: 'measure', id: seed.measureId, fields: { owner: '王芳' } }]);
    await a.sync.syncNow();
    await b.sync.syncNow();
    const before = structuredClone(b.storage.cache.get('measure', seed.measureId));
    const admin = await signedInFetch(suite.server.url);
    const coordinator = await signedInFetch(suite.server.url, { username: '甲', password: 'password-of-甲' });
    const clear = (api: typeof admin, confirm: string) => api('/api/ledger/clear', { method: 'POST', body: JSON.stringify({ confirm }) });

    expect((await clear(coordinator, '整改台账')).status).toBe(403);
    expect((await clear(admin, '整改')).status).toBe(422);
    await b.sync.syncNow();
    expect(b.storage.cache.all('measure')).toHaveLength(1);

    const cleared = (await (await clear(admin, '整改台账')).json()) as { id: string; count: number };
    expect(cleared.count).toBe(3);
    for (const device of [a, b]) {
      await device.sync.syncNow();
      expect(['area', 'department', 'problem', 'measure'].map((e) => device.storage.cache.all(e as 'measure').length)).toEqual([0, 0, 0, 0]);
    }
    const trail = ((await (await admin(`/api/audit?entity=measure&id=${seed.measureId}`)).json()) as { entries: AuditEntry[] }).entries;
    expect(trail[0]).toMatchObject({ op: 'delete', field: '*', user: '管理员' });
    expect(((await (await admin('/api/ledger/clears')).json()) as { clears: unknown[] }).clears).toMatchObject([{ id: cleared.id, count: 3, clearedBy: '管理员', restoredAt: null }]);

    // Meanwhile the department is made again by someone: it stays as they made it.
    await a.save([{ op: 'create', entity: 'department', id: seed.departmentId, values: { name: '市财政局（新）' } }]);
    await a.sync.syncNow();
    const restored = (await (await admin(`/api/ledger/clears/${cleared.id}/restore`, { method: 'POST', body: '{}' })).json()) as { count: number };
    expect(restored.count).toBe(2);
    expect((await admin(`/api/ledger/clears/${cleared.id}/restore`, { method: 'POST', body: '{}' })).status).toBe(409);
    for (const device of [a, b]) {
      await device.sync.syncNow();
      expect(device.storage.cache.get('measure', seed.measureId)).toEqual({ ...before, rev: expect.any(Number) as number });
      expect(device.storage.cache.get('department', seed.departmentId)?.name).toBe('市财政局（新）');
    }
    // The restored measure is live again: ordinary changes to it go through.
    await b.save([{ op: 'update', entity: 'measure', id: seed.measureId, fields: { owner: '李强' } }]);
    await b.sync.syncNow();
    expect(b.sync.state.get()).toMatchObject({ pending: 0, rejected: 0 });
    expect(((await (await admin(`/api/audit?entity=measure&id=${seed.measureId}`)).json()) as { entries: AuditEntry[] }).entries.map((e) => e.op).slice(0, 2)).toEqual(['update', 'restore']);
  });
});
