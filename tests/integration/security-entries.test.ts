// Authorship inside records is the server's word (issue 12, point 3), attacked over real HTTP on SQLite and
// PostgreSQL: a department's staff forging a note's author and time, another's request, a decision, and removing,
// rewriting or striking another user's note. Each case states the record before and after.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId } from '../../src/shared/model/ids.ts';
import type { Extension, ProgressEntry } from '../../src/shared/model/measure-history.ts';
import type { AuditEntry, Mutation, MutationResult, PushResponse } from '../../src/shared/sync/protocol.ts';
import { addUser } from '../../src/server/auth/accounts.ts';
import { signedInFetch } from './support/clients.ts';
import { createTestDatabase, type StoreKind, type TestDatabase } from './support/databases.ts';
import { type InProcessServer, startInProcess } from './support/servers.ts';

type Api = Awaited<ReturnType<typeof signedInFetch>>;
type Stored = { version: number; data: { progressLog: ProgressEntry[]; extensions: Extension[]; deadline: string | null } };

const kinds: StoreKind[] = ['sqlite', 'postgres'];
const LONG_AGO = '2001-01-01T00:00:00.000Z';

describe.each(kinds)('authors and times of notes and requests on %s', (kind) => {
  let database: TestDatabase;
  let server: InProcessServer;
  let coordinator: Api;
  let staff: Api;
  let colleague: Api;
  const department = newId();
  const measure = newId();
  const clientId = newId();
  let started: string;

  // Each account pushes from a device of its own: the server binds a device id to the first account using it.
  const devices = new Map<Api, string>();
  const deviceOf = (api: Api) => devices.get(api) ?? devices.set(api, newId()).get(api)!;
  const push = async (api: Api, fields: Record<string, unknown>, baseVersion?: number): Promise<MutationResult> => {
    const base = baseVersion ?? (await record()).version;
    const clientId = deviceOf(api);
    const m: Mutation = { mutationId: newId(), clientId, entity: 'measure', id: measure, op: 'update', fields, baseVersion: base, actor: '协调员', at: LONG_AGO };
    return ((await (await api('/api/sync/push', { method: 'POST', body: JSON.stringify({ clientId, mutations: [m] }) })).json()) as PushResponse).results[0]!;
  };
  const record = async (): Promise<Stored> => {
    const response = await coordinator('/api/sync/records', { method: 'POST', body: JSON.stringify({ refs: [{ entity: 'measure', id: measure }] }) });
    return ((await response.json()) as { records: Stored[] }).records[0]!;
  };
  const note = (text: string, by = '协调员'): ProgressEntry => ({ id: newId(), date: '2022-11-02', text, progress: 10, status: null, by, at: LONG_AGO });
  const stampedNow = (at: string | null | undefined) => at !== null && at !== undefined && at >= started;

  beforeEach(async () => {
    database = await createTestDatabase(kind);
    server = await startInProcess(database);
    const admin = await signedInFetch(server.url);
    const problem = newId();
    const seed: Mutation[] = [
      { mutationId: newId(), clientId, entity: 'department', id: department, op: 'create', fields: { name: '市财政局' }, baseVersion: 0, actor: 'x', at: LONG_AGO },
      { mutationId: newId(), clientId, entity: 'problem', id: problem, op: 'create', fields: { number: 1, title: '宣传不够' }, baseVersion: 0, actor: 'x', at: LONG_AGO },
      { mutationId: newId(), clientId, entity: 'measure', id: measure, op: 'create', fields: { problemId: problem, seq: 1, title: '编印读本', status: 'in_progress', deadline: '2022-12-31', leadDepartmentId: department }, baseVersion: 0, actor: 'x', at: LONG_AGO },
    ];
    await admin('/api/sync/push', { method: 'POST', body: JSON.stringify({ clientId, mutations: seed }) });
    const add = async (username: string, displayName: string, role: 'staff' | 'coordinator') => {
      await addUser(server.accounts, { username, displayName, password: 'a-long-password', role, departmentIds: role === 'staff' ? [department] : [] });
      return signedInFetch(server.url, { username, password: 'a-long-password' });
    };
    coordinator = await add('coord', '协调员', 'coordinator');
    staff = await add('zhao', '赵敏', 'staff');
    colleague = await add('qian', '钱进', 'staff');
    started = new Date().toISOString();
  });
  afterEach(async () => {
    await server.stop();
    await database.drop();
  });

  it('stamps a staff member’s note written as the coordinator, in 2001, with the staff member and the server’s time', async () => {
    expect((await record()).data.progressLog).toEqual([]);
    const forged = note('以协调员名义写的');
    expect(await push(staff, { progressLog: [forged] })).toMatchObject({ status: 'applied' });
    const [stored] = (await record()).data.progressLog;
    expect(stored).toMatchObject({ id: forged.id, text: '以协调员名义写的', by: '赵敏' });
    expect(stampedNow(stored?.at)).toBe(true);
  });

  it('stamps a request made in someone else’s name, refuses a department deciding it, and stamps a coordinator’s decision', async () => {
    const request: Extension = { id: newId(), requestedDeadline: '2023-03-31', reason: '需协调', requestedBy: '协调员', requestedAt: LONG_AGO, decision: 'pending', decidedBy: null, decidedAt: null };
    expect(await push(staff, { extensions: [request] })).toMatchObject({ status: 'applied' });
    const [asked] = (await record()).data.extensions;
    expect(asked).toMatchObject({ requestedBy: '赵敏', decision: 'pending' });
    expect(stampedNow(asked?.requestedAt)).toBe(true);

    const approved = { ...asked!, decision: 'approved', decidedBy: '协调员', decidedAt: LONG_AGO };
    expect(await push(staff, { extensions: [approved], deadline: '2023-03-31' })).toMatchObject({ status: 'rejected', reason: { code: 'forbidden' } });
    expect((await record()).data).toMatchObject({ deadline: '2022-12-31', extensions: [{ decision: 'pending' }] });
    expect(await push(coordinator, { extensions: [{ ...approved, decidedBy: '赵敏' }], deadline: '2023-03-31' })).toMatchObject({ status: 'applied' });
    const [decided] = (await record()).data.extensions;
    expect(decided).toMatchObject({ decision: 'approved', decidedBy: '协调员', requestedBy: '赵敏' });
    expect(stampedNow(decided?.decidedAt)).toBe(true);
  });

  it('refuses a staff member deleting, rewriting or striking the coordinator’s note; the note stands as it was', async () => {
    await push(coordinator, { progressLog: [note('协调员的调度意见')] });
    const before = (await record()).data.progressLog;
    expect(before).toMatchObject([{ text: '协调员的调度意见', by: '协调员' }]);
    expect(await push(staff, { progressLog: [] })).toMatchObject({ status: 'rejected', reason: { code: 'entryRemoved', field: 'progressLog' } });
    expect(await push(staff, { progressLog: [{ ...before[0]!, text: '改掉了' }] })).toMatchObject({ status: 'rejected', reason: { code: 'entryRewrite' } });
    expect(await push(staff, { progressLog: [{ ...before[0]!, struckBy: '赵敏', struckAt: LONG_AGO }] })).toMatchObject({ status: 'rejected', reason: { code: 'forbidden' } });
    // Claiming never to have seen it (base 0) removes nothing either: the lists merge.
    expect(await push(staff, { progressLog: [note('我的记录', '赵敏')] }, 0)).toMatchObject({ status: 'applied' });
    const after = (await record()).data.progressLog;
    expect(after[0]).toEqual(before[0]);
    expect(after.map((e) => [e.text, e.by])).toEqual([['协调员的调度意见', '协调员'], ['我的记录', '赵敏']]);
  });

  it('lets the author and a coordinator strike a note, stamped and in the trail, and not a colleague', async () => {
    await push(staff, { progressLog: [note('赵敏的记录'), note('第二条')] });
    const strike = async (i: number) => (await record()).data.progressLog.map((e, j) => (j === i ? { ...e, struckBy: '协调员', struckAt: LONG_AGO } : e));
    expect(await push(colleague, { progressLog: await strike(0) })).toMatchObject({ status: 'rejected', reason: { code: 'forbidden' } });
    expect((await record()).data.progressLog[0]?.struckAt).toBeUndefined();
    expect(await push(staff, { progressLog: await strike(0) })).toMatchObject({ status: 'applied' });
    expect(await push(coordinator, { progressLog: await strike(1) })).toMatchObject({ status: 'applied' });
    const struck = (await record()).data.progressLog;
    expect(struck.map((e) => [e.text, e.struckBy])).toEqual([['赵敏的记录', '赵敏'], ['第二条', '协调员']]);
    expect(struck.every((e) => stampedNow(e.struckAt))).toBe(true);
    const trail = ((await (await coordinator(`/api/audit?entity=measure&id=${measure}`)).json()) as { entries: AuditEntry[] }).entries.filter((e) => e.field === 'progressLog' && e.op === 'update');
    expect(trail.map((e) => e.user)).toEqual(['协调员', '赵敏', '赵敏']);
  });
});
