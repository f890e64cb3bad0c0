// A small ledger on a test server for the attack suites: two departments, a problem, measures of each, an open
// conflict, a stored photo, and a signed-in account of every role (staff and viewer belong to department A).
import { createHash, randomBytes } from 'node:crypto';
import type { Role } from '../../../src/shared/auth/permissions.ts';
import { newId } from '../../../src/shared/model/ids.ts';
import type { Mutation, MutationResult, PushResponse } from '../../../src/shared/sync/protocol.ts';
import { addUser } from '../../../src/server/auth/accounts.ts';
import { signedInFetch } from './clients.ts';
import type { InProcessServer } from './servers.ts';

export type Api = Awaited<ReturnType<typeof signedInFetch>>;

export type LedgerFixture = {
  ids: { deptA: string; deptB: string; problem: string; mine: string; theirs: string; conflict: string; userId: string };
  /** A stored photo's hash. */
  photo: string;
  /** A title only the ledger's data holds: an answer that contains it leaked the ledger. */
  secret: string;
  api: Record<Role, Api>;
  clientIds: Record<Role, string>;
  mutation: (entity: Mutation['entity'], id: string, op: Mutation['op'], fields: Record<string, unknown>, options?: { baseVersion?: number; clientId?: string; at?: string }) => Mutation;
  push: (role: Role, ...mutations: Mutation[]) => Promise<MutationResult[]>;
  record: (id: string) => Promise<Record<string, unknown> | undefined>;
};

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Bytes that start like a JPEG, random after that: a new file every time. */
export function jpegBytes(size: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(size);
  bytes.set(randomBytes(size));
  bytes.set([0xff, 0xd8, 0xff, 0xe0], 0);
  return bytes;
}

export function putPiece(api: Api, hash: string, offset: number, piece: Uint8Array<ArrayBuffer>, total: number): Promise<Response> {
  return api(`/api/attachments/${hash}?offset=${offset}`, { method: 'PUT', body: piece, headers: { 'content-type': 'application/octet-stream', 'x-attachment-total': String(total) } });
}

export async function createLedgerFixture(server: InProcessServer): Promise<LedgerFixture> {
  const ids = { deptA: newId(), deptB: newId(), problem: newId(), mine: newId(), theirs: newId(), conflict: '', userId: '' };
  const secret = `机密措施-${newId()}`;
  const api = {} as Record<Role, Api>;
  const clientIds = { admin: newId(), coordinator: newId(), staff: newId(), viewer: newId() } satisfies Record<Role, string>;
  api.admin = await signedInFetch(server.url);
  for (const role of ['coordinator', 'staff', 'viewer'] as const) {
    const user = await addUser(server.accounts, { username: role, displayName: `${role} 用户`, password: `password-of-${role}`, role, departmentIds: [ids.deptA] });
    if (role === 'viewer') ids.userId = user.id;
    api[role] = await signedInFetch(server.url, { username: role, password: `password-of-${role}` });
  }
  const mutation: LedgerFixture['mutation'] = (entity, id, op, fields, options = {}) => ({
    mutationId: newId(),
    clientId: options.clientId ?? clientIds.admin,
    entity,
    id,
    op,
    fields,
    baseVersion: options.baseVersion ?? (op === 'create' ? 0 : 1_000_000),
    actor: '设备上写的名字',
    at: options.at ?? new Date().toISOString(),
  });
  const push: LedgerFixture['push'] = async (role, ...mutations) => {
    const clientId = mutations[0]?.clientId ?? clientIds[role];
    const response = await api[role]('/api/sync/push', { method: 'POST', body: JSON.stringify({ clientId, mutations }) });
    if (!response.ok) throw new Error(`push ${response.status}: ${await response.text()}`);
    return ((await response.json()) as PushResponse).results;
  };
  const record: LedgerFixture['record'] = async (id) => {
    const page = (await (await api.admin('/api/sync/pull?after=0&limit=5000')).json()) as { records: { id: string; data: Record<string, unknown> }[] };
    return page.records.find((r) => r.id === id)?.data;
  };
  await push(
    'admin',
    mutation('department', ids.deptA, 'create', { name: '市财政局' }),
    mutation('department', ids.deptB, 'create', { name: '市税务局' }),
    mutation('problem', ids.problem, 'create', { number: 1, title: '宣传不够', leadDepartmentId: ids.deptA }),
    mutation('measure', ids.mine, 'create', { problemId: ids.problem, seq: 1, title: secret, status: 'in_progress', leadDepartmentId: ids.deptA }),
    mutation('measure', ids.theirs, 'create', { problemId: ids.problem, seq: 2, title: '别的单位的措施', status: 'in_progress', leadDepartmentId: ids.deptB }),
  );
  // Two coordinators' devices change one field from the same version: the later value is kept as a conflict.
  const first = mutation('measure', ids.theirs, 'update', { owner: '王芳' }, { baseVersion: 1, clientId: clientIds.admin });
  await push('admin', first);
  const [second] = await push('coordinator', mutation('measure', ids.theirs, 'update', { owner: '李强' }, { baseVersion: 1, clientId: clientIds.coordinator }));
  ids.conflict = second?.conflicts?.[0]?.conflictId ?? '';
  if (!ids.conflict) throw new Error(`no conflict made: ${JSON.stringify(second)}`);
  const bytes = jpegBytes(3000);
  const photo = sha256(bytes);
  const stored = await putPiece(api.admin, photo, 0, bytes, bytes.byteLength);
  if (!stored.ok) throw new Error(`photo not stored: ${stored.status}`);
  return { ids, photo, secret, api, clientIds, mutation, push, record };
}
