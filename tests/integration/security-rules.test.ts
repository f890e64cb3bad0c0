// The rules behind the gate attacked over real HTTP, on SQLite and PostgreSQL: sign-in guessing at once and
// across server processes, authors and times a device makes up, someone else's device id, conflict resolutions
// that no longer fit, uploads blocked by someone else's bogus piece, staff overstepping, and the rules that held
// before (other departments, viewers, replayed mutations), so that they stay held.
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { newId } from '../../src/shared/model/ids.ts';
import type { ReviewEntry } from '../../src/shared/model/supervision.ts';
import { applyForClosing, decideClosing } from '../../src/shared/model/supervision-steps.ts';
import type { PushResponse } from '../../src/shared/sync/protocol.ts';
import { STALE_UPLOAD_MS } from '../../src/server/http/attachment-routes.ts';
import type { StoreKind } from './support/databases.ts';
import { signedInFetch } from './support/clients.ts';
import { createLedgerFixture, jpegBytes, putPiece, sha256 } from './support/ledger-fixture.ts';
import { startChild } from './support/servers.ts';
import { useServerSuite } from './support/suite.ts';

const kinds: StoreKind[] = ['sqlite', 'postgres'];

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

describe.each(kinds)('the rules on %s', (kind) => {
  const suite = useServerSuite(kind);

  it('checks at most 5 of 30 wrong passwords sent at once to two server processes, and refuses the rest with 429', async () => {
    const child = await startChild(suite.database, await freePort());
    try {
      const attempt = (url: string, i: number) =>
        fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-ledger-request': '1' }, body: JSON.stringify({ username: 'admin', password: `guess-${i}` }) });
      const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => attempt(i % 2 === 0 ? suite.server.url : child.url, i)));
      const statuses = answers.map((r) => r.status);
      expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(5);
      expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(25);
      expect(statuses.every((s) => s === 401 || s === 429)).toBe(true);
      expect(Number(answers.find((r) => r.status === 429)?.headers.get('retry-after'))).toBeGreaterThan(0);
    } finally {
      await child.stop();
    }
  });

  it('stamps who closed (销号) and when from the session and the server clock, whatever the device says', async () => {
    const f = await createLedgerFixture(suite.server);
    const started = new Date().toISOString();
    const long_ago = '2001-01-01T00:00:00.000Z';
    const id = newId();
    const forged = { actor: '冒名顶替', now: long_ago };
    await f.push('coordinator', f.mutation('measure', id, 'create', { problemId: f.ids.problem, seq: 9, title: '完成的措施', status: 'in_progress', leadDepartmentId: f.ids.deptA }, { at: long_ago, clientId: f.clientIds.coordinator }));
    // 销号 only through its steps: 申请销号 with evidence, then 通过.
    const applied = applyForClosing({ reviews: [], status: 'in_progress', evidence: [], attachments: [] }, { text: '已完成', documents: ['商营商攻坚办〔2021〕1号'] }, forged);
    if (!applied.ok) throw new Error('application refused');
    await f.push('coordinator', f.mutation('measure', id, 'update', applied.fields, { at: long_ago, clientId: f.clientIds.coordinator }));
    const passed = decideClosing({ reviews: (await f.record(id))?.reviews as ReviewEntry[], status: 'completed' }, { pass: true, text: '核实通过' }, forged);
    if (!passed.ok) throw new Error('decision refused');
    const [closed] = await f.push('coordinator', f.mutation('measure', id, 'update', { ...passed.fields, closedBy: '冒名顶替', closedAt: long_ago }, { at: long_ago, clientId: f.clientIds.coordinator }));
    expect(closed?.status).toBe('applied');
    const record = await f.record(id);
    expect(record).toMatchObject({ status: 'closed', closedBy: 'coordinator 用户', updatedBy: 'coordinator 用户', createdBy: 'coordinator 用户' });
    for (const field of ['closedAt', 'createdAt', 'updatedAt']) expect(String(record?.[field]) >= started, `${field}: ${String(record?.[field])}`).toBe(true);
    // The steps' entries too: the device's names and times for them are replaced.
    expect((record?.reviews as ReviewEntry[]).map((e) => [e.step, e.by, e.at >= started])).toEqual([['apply', 'coordinator 用户', true], ['pass', 'coordinator 用户', true]]);
    // Nor can a later change rewrite them: they are derived, never taken from a device.
    await f.push('coordinator', f.mutation('measure', id, 'update', { closedBy: '别人', closedAt: long_ago, owner: '王芳' }, { clientId: f.clientIds.coordinator }));
    expect(await f.record(id)).toMatchObject({ closedBy: 'coordinator 用户', closedAt: record?.closedAt, owner: '王芳' });
  });

  it('binds a device id to the account that first pushed with it', async () => {
    const f = await createLedgerFixture(suite.server);
    const response = await f.api.staff('/api/sync/push', { method: 'POST', body: JSON.stringify({ clientId: f.clientIds.coordinator, mutations: [f.mutation('measure', f.ids.mine, 'update', { owner: '冒用设备' }, { clientId: f.clientIds.coordinator })] }) });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: 'foreignClient' });
    expect((await f.record(f.ids.mine))?.owner).toBe('');
    // The same account signed in again (a new session) keeps its device.
    const again = await signedInFetch(suite.server.url, { username: 'coordinator', password: 'password-of-coordinator' });
    const pushed = await again('/api/sync/push', { method: 'POST', body: JSON.stringify({ clientId: f.clientIds.coordinator, mutations: [f.mutation('measure', f.ids.mine, 'update', { owner: '本人' }, { clientId: f.clientIds.coordinator })] }) });
    expect(((await pushed.json()) as PushResponse).results[0]?.status).toBe('applied');
  });

  it('resolves a conflict through the same gate as a push: a value that no longer fits is refused with the reason, and nothing changes', async () => {
    const f = await createLedgerFixture(suite.server);
    const other = newId();
    await f.push('admin', f.mutation('department', other, 'create', { name: '市商务局' }));
    const version = (await f.record(f.ids.theirs))?.rev as number;
    // Two devices change the lead department and the files from the same version; the later values lose.
    await f.push('admin', f.mutation('measure', f.ids.theirs, 'update', { leadDepartmentId: f.ids.deptA }, { baseVersion: version }));
    const missingFile = { hash: sha256(jpegBytes(50)), name: '没上传.jpg', type: 'image/jpeg', size: 50, addedAt: new Date().toISOString(), addedBy: 'x' };
    const [lost] = await f.push('coordinator', f.mutation('measure', f.ids.theirs, 'update', { leadDepartmentId: other, owner: '李强' }, { baseVersion: version, clientId: f.clientIds.coordinator }));
    const leadConflict = lost?.conflicts?.find((c) => c.field === 'leadDepartmentId')?.conflictId;
    const photo = { hash: f.photo, name: '公示栏.jpg', type: 'image/jpeg', size: 3000, addedAt: new Date().toISOString(), addedBy: 'x' };
    await f.push('admin', f.mutation('measure', f.ids.theirs, 'update', { attachments: [photo] }, { baseVersion: version }));
    const [lostFile] = await f.push('coordinator', f.mutation('measure', f.ids.theirs, 'update', { attachments: [missingFile] }, { baseVersion: version, clientId: f.clientIds.coordinator }));
    const fileConflict = lostFile?.conflicts?.find((c) => c.field === 'attachments')?.conflictId;
    expect(leadConflict && fileConflict).toBeTruthy();
    // The department the losing value names is deleted meanwhile.
    expect((await f.push('admin', f.mutation('department', other, 'delete', {})))[0]?.status).toBe('applied');

    const before = await f.record(f.ids.theirs);
    const audit = async () => ((await (await f.api.admin('/api/audit?limit=100000')).json()) as { entries: unknown[] }).entries.length;
    const audits = await audit();
    const resolve = (id: string, body: unknown) => f.api.coordinator(`/api/sync/conflicts/${id}/resolve`, { method: 'POST', body: JSON.stringify(body) });
    const byReference = await resolve(leadConflict!, { action: 'take' });
    expect(byReference.status).toBe(422);
    expect(await byReference.json()).toMatchObject({ error: 'unknownReference', reason: { code: 'unknownReference', field: 'leadDepartmentId' } });
    const byFile = await resolve(fileConflict!, { action: 'take' });
    expect(byFile.status).toBe(422);
    expect(await byFile.json()).toMatchObject({ error: 'attachmentMissing', reason: { field: 'attachments' } });
    const byValue = await resolve(leadConflict!, { action: 'edit', value: 'no-such-id' });
    expect(byValue.status).toBe(422);
    expect(await f.record(f.ids.theirs)).toEqual(before);
    expect(await audit()).toBe(audits);
    const open = ((await (await f.api.admin('/api/sync/conflicts')).json()) as { conflicts: { id: string }[] }).conflicts.map((c) => c.id);
    expect(open).toEqual(expect.arrayContaining([leadConflict, fileConflict]));

    // A value that fits goes through, audited as the resolver's, and the record stays editable.
    expect((await resolve(leadConflict!, { action: 'edit', value: f.ids.deptB })).status).toBe(200);
    expect(await f.record(f.ids.theirs)).toMatchObject({ leadDepartmentId: f.ids.deptB, updatedBy: 'coordinator 用户' });
    expect(await audit()).toBe(audits + 1);
    expect((await f.push('coordinator', f.mutation('measure', f.ids.theirs, 'update', { owner: '之后照常' }, { clientId: f.clientIds.coordinator })))[0]?.status).toBe('applied');
  });

  it('keeps an upload apart from someone else’s bogus first piece, and drops abandoned uploads after a day', async () => {
    const f = await createLedgerFixture(suite.server);
    const real = jpegBytes(300_000);
    const hash = sha256(real);
    // Someone else starts "the same file" with bytes that will never hash right.
    const bogus = jpegBytes(200_000);
    expect((await putPiece(f.api.staff, hash, 0, bogus, real.byteLength)).status).toBe(200);
    const first = await putPiece(f.api.coordinator, hash, 0, real.slice(0, 200_000), real.byteLength);
    expect(await first.json()).toMatchObject({ complete: false, received: 200_000 });
    const rest = await putPiece(f.api.coordinator, hash, 200_000, real.slice(200_000), real.byteLength);
    expect(rest.status).toBe(200);
    expect(await rest.json()).toMatchObject({ complete: true });
    expect(sha256(new Uint8Array(await (await f.api.viewer(`/api/attachments/${hash}`)).arrayBuffer()))).toBe(hash);

    // An upload left half-way for more than a day is dropped when the next upload begins; a recent one stays.
    const [stale, recent] = [jpegBytes(300_000), jpegBytes(300_000)];
    for (const bytes of [stale, recent]) expect((await putPiece(f.api.staff, sha256(bytes), 0, bytes.slice(0, 100_000), bytes.byteLength)).status).toBe(200);
    const dayAgo = new Date(Date.now() - STALE_UPLOAD_MS - 60_000).toISOString();
    await suite.server.db.updateTable('upload_parts').set({ created_at: dayAgo }).where('hash', '=', sha256(stale)).execute();
    const next = jpegBytes(1000);
    await putPiece(f.api.staff, sha256(next), 0, next, next.byteLength);
    const state = async (bytes: Uint8Array) => (await (await f.api.staff(`/api/attachments/${sha256(bytes)}/state`)).json()) as { received: number };
    expect(await state(stale)).toMatchObject({ received: 0 });
    expect(await state(recent)).toMatchObject({ received: 100_000 });
    const left = await suite.server.db.selectFrom('upload_parts').select('hash').where('hash', '=', sha256(stale)).execute();
    expect(left).toEqual([]);
  });

  it('keeps staff to their rules: no deadline, not created already done, not over another department’s deleted measure', async () => {
    const f = await createLedgerFixture(suite.server);
    const create = (fields: Record<string, unknown>, id = newId()) =>
      f.push('staff', f.mutation('measure', id, 'create', { problemId: f.ids.problem, seq: 7, title: '填报员新增', status: 'in_progress', leadDepartmentId: f.ids.deptA, ...fields }, { clientId: f.clientIds.staff }));
    expect((await create({ deadline: '2099-12-31' }))[0]).toMatchObject({ status: 'rejected', reason: { code: 'forbidden', field: 'deadline' } });
    expect((await create({ status: 'completed', progress: 100 }))[0]).toMatchObject({ status: 'rejected', reason: { code: 'forbidden', field: 'status' } });
    expect((await create({ status: 'closed' }))[0]).toMatchObject({ status: 'rejected', reason: { code: 'forbidden' } });
    expect((await f.push('admin', f.mutation('measure', f.ids.theirs, 'delete', {})))[0]?.status).toBe('applied');
    expect((await create({}, f.ids.theirs))[0]).toMatchObject({ status: 'rejected', reason: { code: 'forbidden' } });
    expect(await f.record(f.ids.theirs)).toMatchObject({ leadDepartmentId: f.ids.deptB });
    // What staff may do still works.
    expect((await create({ deadline: null }))[0]?.status).toBe('applied');
  });

  it('still holds the earlier rules: no writes to other departments, none by viewers, replayed mutations applied once', async () => {
    const f = await createLedgerFixture(suite.server);
    expect((await f.push('staff', f.mutation('measure', f.ids.theirs, 'update', { owner: '越权' }, { clientId: f.clientIds.staff })))[0]).toMatchObject({ status: 'rejected', reason: { code: 'forbidden' } });
    expect((await f.push('viewer', f.mutation('measure', f.ids.mine, 'update', { owner: '查看者' }, { clientId: f.clientIds.viewer })))[0]).toMatchObject({ status: 'rejected', reason: { code: 'forbidden' } });
    const file = jpegBytes(500);
    expect((await putPiece(f.api.viewer, sha256(file), 0, file, file.byteLength)).status).toBe(403);
    expect((await f.api.staff('/api/users')).status).toBe(403);
    expect((await f.api.staff(`/api/sync/conflicts/${f.ids.conflict}/resolve`, { method: 'POST', body: JSON.stringify({ action: 'take' }) })).status).toBe(403);

    const m = f.mutation('measure', f.ids.mine, 'update', { progress: 40 }, { clientId: f.clientIds.staff });
    const [once, twice] = [await f.push('staff', m), await f.push('staff', m)];
    expect(once[0]?.status).toBe('applied');
    expect(twice[0]).toMatchObject({ status: 'duplicate', first: 'applied' });
    // Replayed by another account with other values: still the first outcome, nothing applied.
    const [replayed] = await f.push('coordinator', { ...m, clientId: f.clientIds.coordinator, fields: { progress: 99, title: '重放' } });
    expect(replayed?.status).toBe('duplicate');
    expect(await f.record(f.ids.mine)).toMatchObject({ progress: 40, title: f.secret });
    expect(((await (await f.api.admin(`/api/audit?entity=measure&id=${f.ids.mine}`)).json()) as { entries: { field: string; op: string }[] }).entries.filter((e) => e.field === 'progress' && e.op === 'update')).toHaveLength(1);
  });
});
