// 核实销号, 督办 and cooperating units over real HTTP on SQLite and PostgreSQL: the server stamps every step with
// the session's user, judges an offline decision on the measure it meets, and lets a 配合 unit add notes and
// files without touching the lead's fields.
import { describe, expect, it } from 'vitest';
import { newId } from '../../src/shared/model/ids.ts';
import type { Measure } from '../../src/shared/model/measure.ts';
import { appendProgress } from '../../src/shared/model/measure-history.ts';
import { applyForClosing, decideClosing, issueNotice, type StepResult } from '../../src/shared/model/supervision-steps.ts';
import { openNotices, returnCount } from '../../src/shared/model/supervision.ts';
import type { Mutation, PushResponse } from '../../src/shared/sync/protocol.ts';
import { seedChanges, signedInFetch, type TestClient } from './support/clients.ts';
import type { StoreKind } from './support/databases.ts';
import { useServerSuite } from './support/suite.ts';

const kinds: StoreKind[] = ['sqlite', 'postgres'];
const who = (device: TestClient) => ({ actor: device.storage.settings.get().userName, now: '2000-01-01T00:00:00.000Z' });
const measureOn = (device: TestClient, id: string) => device.storage.cache.get('measure', id) as Measure;

/** A step taken on a device: its fields saved through the device's one save path, to sync later. */
async function take(device: TestClient, id: string, step: (m: Measure) => StepResult): Promise<void> {
  const result = step(measureOn(device, id));
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  await device.save([{ op: 'update', entity: 'measure', id, fields: result.fields }]);
}

describe.each(kinds)('核实销号, 督办 and cooperating units on %s', (kind) => {
  const suite = useServerSuite(kind);

  async function setUp() {
    const coordinator = await suite.coordinator('协调员');
    const seed = seedChanges();
    const helperId = newId();
    await coordinator.save([
      ...seed.changes.slice(0, 2),
      { op: 'create', entity: 'department', id: helperId, values: { name: '市税务局' } },
      { op: 'create', entity: 'measure', id: seed.measureId, values: { problemId: seed.problemId, seq: 1, title: '编印读本', status: 'in_progress', leadDepartmentId: seed.departmentId, cooperatingDepartmentIds: [helperId], owner: '王芳' } },
    ]);
    await coordinator.sync.syncNow();
    const lead = await suite.staff('赵敏', [seed.departmentId]);
    const helper = await suite.staff('钱进', [helperId]);
    for (const device of [lead, helper]) await device.sync.syncNow();
    return { coordinator, lead, helper, id: seed.measureId, helperId };
  }

  it('applies a coordinator’s offline decision on sync, stamped by the server, and refuses one the measure has moved past', async () => {
    const { coordinator, lead, id } = await setUp();
    await take(lead, id, (m) => applyForClosing(m, { text: '读本已印发', documents: ['财办〔2022〕5号'] }, who(lead)));
    await lead.sync.syncNow();
    await coordinator.sync.syncNow();
    const second = await suite.coordinator('复核员');
    await second.sync.syncNow();

    // Both coordinators offline: one returns it, the other (later to sync) passes it.
    await take(coordinator, id, (m) => decideClosing(m, { pass: false, text: '缺少发放记录' }, who(coordinator)));
    await take(second, id, (m) => decideClosing(m, { pass: true, text: '同意销号' }, who(second)));
    await coordinator.sync.syncNow();
    await second.sync.syncNow();

    expect(second.sync.state.get()).toMatchObject({ pending: 0, rejected: 1 });
    const [refused] = await second.sync.listRejected();
    expect(refused?.reason).toMatchObject({ code: 'stepOutOfOrder', field: 'reviews' });
    await lead.sync.syncNow();
    const returned = measureOn(lead, id);
    expect([returned.status, returnCount(returned)]).toEqual(['in_progress', 1]);
    // The server's stamps, not the device's: who the session is, and a time after the test began.
    expect(returned.reviews.map((r) => [r.step, r.by])).toEqual([['apply', '赵敏'], ['return', '协调员']]);
    expect(returned.reviews.every((r) => r.at > '2020-01-01')).toBe(true);

    // Applied again, then passed offline: applied on sync with the verifier as the server knows them.
    await take(lead, id, (m) => applyForClosing(m, { text: '已补充发放记录', documents: [] }, who(lead)));
    await lead.sync.syncNow();
    await second.sync.syncNow();
    await take(second, id, (m) => decideClosing(m, { pass: true, text: '材料齐全' }, who(second)));
    await second.sync.syncNow();
    await lead.sync.syncNow();
    expect(measureOn(lead, id)).toMatchObject({ status: 'closed', closedBy: '复核员' });
    expect(measureOn(lead, id).reviews.at(-1)).toMatchObject({ step: 'pass', text: '材料齐全', by: '复核员' });
  });

  it('refuses a unit passing its own application, and closing without verification', async () => {
    const { lead, id } = await setUp();
    const api = await signedInFetch(suite.server.url, { username: '赵敏', password: 'password-of-赵敏' });
    await take(lead, id, (m) => applyForClosing(m, { text: '完成', documents: ['1号'] }, who(lead)));
    await lead.sync.syncNow();
    const m = measureOn(lead, id);
    const pass = decideClosing(m, { pass: true, text: '自己通过' }, who(lead));
    if (!pass.ok) throw new Error('step');
    const push = async (fields: Record<string, unknown>) => {
      const mutation: Mutation = { mutationId: newId(), clientId: newId(), entity: 'measure', id, op: 'update', fields, baseVersion: m.rev, actor: '赵敏', at: new Date().toISOString() };
      return ((await (await api('/api/sync/push', { method: 'POST', body: JSON.stringify({ clientId: mutation.clientId, mutations: [mutation] }) })).json()) as PushResponse).results[0];
    };
    expect(await push(pass.fields)).toMatchObject({ status: 'rejected', reason: { code: 'forbidden' } });
    expect(await push({ reviews: pass.fields.reviews })).toMatchObject({ status: 'rejected', reason: { code: 'forbidden', field: 'reviews' } });
    const admin = await signedInFetch(suite.server.url);
    const adminPush = async (fields: Record<string, unknown>) => {
      const mutation: Mutation = { mutationId: newId(), clientId: newId(), entity: 'measure', id, op: 'update', fields, baseVersion: m.rev, actor: 'admin', at: new Date().toISOString() };
      return ((await (await admin('/api/sync/push', { method: 'POST', body: JSON.stringify({ clientId: mutation.clientId, mutations: [mutation] }) })).json()) as PushResponse).results[0];
    };
    expect(await adminPush({ status: 'closed' })).toMatchObject({ status: 'rejected', reason: { code: 'closeNeedsVerification' } });
  });

  it('lets a 配合 unit add a note naming itself, and refuses its changes to the lead’s fields', async () => {
    const { coordinator, helper, id, helperId } = await setUp();
    const m = measureOn(helper, id);
    const progressLog = appendProgress(m.progressLog, { date: '2022-11-09', text: '已完成税务数据对接', progress: null, status: null, departmentId: helperId }, who(helper));
    await helper.save([{ op: 'update', entity: 'measure', id, fields: { progressLog } }]);
    // The lead's fields, changed on the tablet (as a device could send them): the server refuses each.
    for (const fields of [{ owner: '越权' }, { progress: 90 }, { status: 'completed' }, { title: '改名' }]) {
      await helper.storage.save([{ op: 'update', entity: 'measure', id, fields }]);
    }
    await helper.sync.syncNow();
    const refused = await helper.sync.listRejected();
    expect(refused.map((r) => [r.reason?.code, r.reason?.field])).toEqual([['forbidden', 'owner'], ['forbidden', 'progress'], ['forbidden', 'status'], ['forbidden', 'title']]);
    await coordinator.sync.syncNow();
    const seen = measureOn(coordinator, id);
    expect(seen).toMatchObject({ owner: '王芳', title: '编印读本', status: 'in_progress', progressNote: '已完成税务数据对接' });
    expect(seen.progressLog.at(-1)).toMatchObject({ by: '钱进', departmentId: helperId });
  });

  it('brings a 督办通知 to the unit’s tablet and its reply to the coordinator', async () => {
    const { coordinator, lead, id } = await setUp();
    await take(coordinator, id, (m) => issueNotice(m, { level: 'key', asked: '说明逾期原因并报送整改计划', replyBy: '2022-11-10' }, who(coordinator)));
    await coordinator.sync.syncNow();
    await lead.sync.syncNow();
    const [open] = openNotices(measureOn(lead, id), '2022-11-09');
    expect(open).toMatchObject({ level: 'key', overdue: false, notice: { asked: '说明逾期原因并报送整改计划', by: '协调员' } });
    const m = measureOn(lead, id);
    await lead.save([{ op: 'update', entity: 'measure', id, fields: { progressLog: appendProgress(m.progressLog, { date: '2022-11-09', text: '已报送整改计划', progress: null, status: null, replyTo: open!.notice.id }, who(lead)) } }]);
    await lead.sync.syncNow();
    await coordinator.sync.syncNow();
    expect(openNotices(measureOn(coordinator, id), '2022-11-11')).toEqual([]);
    expect(measureOn(coordinator, id).progressLog.at(-1)).toMatchObject({ text: '已报送整改计划', by: '赵敏', replyTo: open!.notice.id });
  });
});
