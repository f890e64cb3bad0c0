// Accounts, department-scoped permissions and the audit trail, over real HTTP on SQLite and PostgreSQL.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Role } from '../../src/shared/auth/permissions.ts';
import { newId } from '../../src/shared/model/ids.ts';
import type { Mutation, PushResponse } from '../../src/shared/sync/protocol.ts';
import { addUser } from '../../src/server/auth/accounts.ts';
import { signedInFetch } from './support/clients.ts';
import { createTestDatabase, type StoreKind, type TestDatabase } from './support/databases.ts';
import { type InProcessServer, startInProcess } from './support/servers.ts';

type Api = Awaited<ReturnType<typeof signedInFetch>>;

const kinds: StoreKind[] = ['sqlite', 'postgres'];

describe.each(kinds)('accounts and permissions on %s', (kind) => {
  let database: TestDatabase;
  let server: InProcessServer;
  let admin: Api;
  const ids = { deptA: newId(), deptB: newId(), problem: newId(), mineDone: newId(), mineOpen: newId(), theirs: newId() };
  const clientId = newId();
  // The unit's application for 销号 on the completed measure, and a coordinator's 通过 of it.
  const applied = { id: newId(), step: 'apply', text: '已完成', evidence: ['财办〔2022〕1号'], files: [], date: null, by: '', at: new Date().toISOString() };
  const passed = () => ({ status: 'closed', reviews: [applied, { id: newId(), step: 'pass', text: '同意销号', evidence: [], files: [], date: '2022-11-02', by: '', at: new Date().toISOString() }] });

  const mutation = (entity: Mutation['entity'], id: string, op: Mutation['op'], fields: Record<string, unknown>, baseVersion = 1_000): Mutation => ({
    mutationId: newId(), clientId, entity, id, op, fields, baseVersion, actor: '设备上写的名字', at: new Date().toISOString(),
  });
  // Each account pushes from a device of its own: the server binds a device id to the first account using it.
  const devices = new Map<Api, string>();
  const deviceOf = (api: Api) => devices.get(api) ?? devices.set(api, api === admin ? clientId : newId()).get(api)!;
  const push = async (api: Api, m: Mutation) => {
    const device = deviceOf(api);
    const body = JSON.stringify({ clientId: device, mutations: [{ ...m, clientId: device }] });
    return ((await (await api('/api/sync/push', { method: 'POST', body })).json()) as PushResponse).results[0]!;
  };
  const record = async (id: string) => {
    const page = (await (await admin('/api/sync/pull?after=0&limit=5000')).json()) as { records: { id: string; data: Record<string, unknown> }[] };
    return page.records.find((r) => r.id === id)?.data;
  };
  const auditCount = async () => ((await (await admin('/api/audit?limit=100000')).json()) as { entries: unknown[] }).entries.length;

  beforeEach(async () => {
    database = await createTestDatabase(kind);
    server = await startInProcess(database);
    admin = await signedInFetch(server.url);
    const seed = [
      mutation('department', ids.deptA, 'create', { name: '市财政局' }, 0),
      mutation('department', ids.deptB, 'create', { name: '市税务局' }, 0),
      mutation('problem', ids.problem, 'create', { number: 1, title: '宣传不够' }, 0),
      mutation('measure', ids.mineDone, 'create', { problemId: ids.problem, seq: 1, title: '已完成的措施', status: 'completed', progress: 100, leadDepartmentId: ids.deptA, reviews: [applied] }, 0),
      mutation('measure', ids.mineOpen, 'create', { problemId: ids.problem, seq: 2, title: '进行中的措施', status: 'in_progress', leadDepartmentId: ids.deptA }, 0),
      mutation('measure', ids.theirs, 'create', { problemId: ids.problem, seq: 3, title: '别的单位的措施', status: 'in_progress', leadDepartmentId: ids.deptB }, 0),
    ];
    const response = (await (await admin('/api/sync/push', { method: 'POST', body: JSON.stringify({ clientId, mutations: seed }) })).json()) as PushResponse;
    expect(response.results.every((r) => r.status === 'applied')).toBe(true);
  });
  afterEach(async () => {
    await server.stop();
    await database.drop();
  });

  async function as(role: Role): Promise<Api> {
    const username = `${role}-${Math.floor(Math.random() * 1e6)}`;
    await addUser(server.accounts, { username, displayName: `${role} 用户`, password: 'a-long-password', role, departmentIds: [ids.deptA] });
    return signedInFetch(server.url, { username, password: 'a-long-password' });
  }

  // Each kind of change, and which roles may make it.
  const matrix: { name: string; make: () => Mutation; allowed: Role[] }[] = [
    { name: 'edit own department’s measure', make: () => mutation('measure', ids.mineOpen, 'update', { owner: '王芳' }), allowed: ['admin', 'coordinator', 'staff'] },
    { name: 'add a measure for own department', make: () => mutation('measure', newId(), 'create', { problemId: ids.problem, seq: 9, title: '新措施', leadDepartmentId: ids.deptA }, 0), allowed: ['admin', 'coordinator', 'staff'] },
    { name: 'edit another department’s measure', make: () => mutation('measure', ids.theirs, 'update', { owner: '越权' }), allowed: ['admin', 'coordinator'] },
    { name: 'hand own measure to another department', make: () => mutation('measure', ids.mineOpen, 'update', { leadDepartmentId: ids.deptB }), allowed: ['admin', 'coordinator'] },
    { name: 'change a deadline', make: () => mutation('measure', ids.mineOpen, 'update', { deadline: '2022-12-31' }), allowed: ['admin', 'coordinator'] },
    { name: 'close (销号) a completed measure: pass its verification', make: () => mutation('measure', ids.mineDone, 'update', passed()), allowed: ['admin', 'coordinator'] },
    { name: 'delete a measure', make: () => mutation('measure', ids.mineOpen, 'delete', {}), allowed: ['admin', 'coordinator'] },
    { name: 'edit a problem', make: () => mutation('problem', ids.problem, 'update', { title: '改过的问题' }), allowed: ['admin', 'coordinator'] },
    { name: 'add a department', make: () => mutation('department', newId(), 'create', { name: '新单位' }, 0), allowed: ['admin', 'coordinator'] },
  ];

  for (const role of ['admin', 'coordinator', 'staff', 'viewer'] as const) {
    it(`enforces the permission matrix for ${role}`, async () => {
      const api = await as(role);
      for (const entry of matrix) {
        const m = entry.make();
        const before = await record(m.id);
        const audits = await auditCount();
        const result = await push(api, m);
        if (entry.allowed.includes(role)) {
          expect(result.status, entry.name).toBe('applied');
          expect(await auditCount(), entry.name).toBeGreaterThan(audits);
          // Put things back for the next kind of change.
          if (m.op === 'update') await push(admin, mutation(m.entity, m.id, 'update', Object.fromEntries(Object.keys(m.fields).map((f) => [f, before?.[f]]))));
          if (m.op === 'delete') await push(admin, mutation(m.entity, m.id, 'create', {}, 0));
        } else {
          expect(result, entry.name).toMatchObject({ status: 'rejected', reason: { code: 'forbidden' } });
          expect(await record(m.id), entry.name).toEqual(before);
          expect(await auditCount(), entry.name).toBe(audits);
        }
      }
    });
  }

  it('attributes a change to the signed-in user, and records who closed an item and when', async () => {
    const api = await as('coordinator');
    await push(api, mutation('measure', ids.mineDone, 'update', { ...passed(), closedBy: '冒名顶替' }));
    expect(await record(ids.mineDone)).toMatchObject({ status: 'closed', closedBy: 'coordinator 用户', updatedBy: 'coordinator 用户' });
    expect((await record(ids.mineDone))?.closedAt).toEqual(expect.any(String));
    const { entries } = (await (await admin(`/api/audit?entity=measure&id=${ids.mineDone}`)).json()) as { entries: { field: string; user: string; oldValue: unknown; newValue: unknown; clientId: string }[] };
    expect(entries.find((e) => e.field === 'status')).toMatchObject({ user: 'coordinator 用户', oldValue: 'completed', newValue: 'closed', clientId: deviceOf(api) });
    expect(entries.find((e) => e.field === 'closedBy')).toMatchObject({ newValue: 'coordinator 用户' });
    const bytes = new Uint8Array(await (await admin(`/api/audit.csv?entity=measure&id=${ids.mineDone}`)).arrayBuffer());
    // UTF-8 with a byte-order mark, so that Excel and WPS open the Chinese correctly.
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder().decode(bytes);
    expect(csv.split('\r\n')[0]).toContain('"序号","时间"');
    expect(csv).toContain('"coordinator 用户"');
  });

  it('refuses unauthenticated requests and requests without the CSRF header', async () => {
    for (const path of ['/api/sync/pull', '/api/sync/conflicts', '/api/audit', '/api/auth/me', '/api/users']) {
      expect((await fetch(`${server.url}${path}`)).status, path).toBe(401);
    }
    const anonymousPush = await fetch(`${server.url}/api/sync/push`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-ledger-request': '1' }, body: '{}' });
    expect(anonymousPush.status).toBe(401);
    const login = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'x' }) });
    expect(login.status).toBe(403);
    const cookie = (await (await admin('/api/auth/me')).json()) as { user: { role: string } };
    expect(cookie.user.role).toBe('admin');
  });

  it('stores only salted hashes, rate-limits sign-in, and signs out', async () => {
    await as('staff');
    const stored = await server.accounts.findByUsername('admin');
    expect(stored?.password_hash).toMatch(/^scrypt\$\d+\$8\$1\$/);
    expect(stored?.password_hash).not.toContain('admin-password-for-tests');
    const attempt = (password: string) =>
      fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-ledger-request': '1' }, body: JSON.stringify({ username: 'admin', password }) });
    for (let i = 0; i < 5; i++) expect((await attempt('wrong-password')).status).toBe(401);
    const blocked = await attempt('admin-password-for-tests');
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);

    expect((await admin('/api/auth/logout', { method: 'POST', body: '{}' })).status).toBe(200);
    expect((await admin('/api/auth/me')).status).toBe(401);
  });

  it('lets only an administrator manage accounts', async () => {
    const coordinator = await as('coordinator');
    expect((await coordinator('/api/users')).status).toBe(403);
    const created = await admin('/api/users', { method: 'POST', body: JSON.stringify({ username: 'li', displayName: '李强', password: 'li-password-1', role: 'viewer', departmentIds: [] }) });
    expect(created.status).toBe(201);
    const bad = await admin('/api/users', { method: 'POST', body: JSON.stringify({ username: 'x', displayName: 'X', password: 'short', role: 'viewer' }) });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { message: string }).message).toContain('password');
  });
});
