// 核实销号 and 督办 between a coordinator's desktop and a unit's tablet, through the real server: an application
// without evidence is refused naming what is missing; the coordinator returns it, the unit sees the return, the
// coordinator passes it, and the record shows each step. A 督办通知 reaches the tablet and its reply the
// coordinator; a cooperating (配合) unit adds a note to a shared measure and cannot change the lead's fields.
import type { Page } from '@playwright/test';
import { sampleId } from '../../src/shared/model/ids.ts';
import { expect, test } from './support/fixtures.ts';
import { openLedger } from './support/ledger-page.ts';
import { staffTablet, syncNow } from './support/tablet.ts';

const planning = sampleId('department:市自然资源和规划局');
type Pulled = { records: { entity: string; id: string; deleted: boolean; data: { title: string; leadDepartmentId: string | null; cooperatingDepartmentIds: string[]; status: string; evidence: string[]; attachments: unknown[]; deadline: string | null } }[] };

async function measures(admin: Page): Promise<Pulled['records']> {
  const pulled = (await (await admin.context().request.get('/api/sync/pull?after=0&limit=5000')).json()) as Pulled;
  return pulled.records.filter((r) => r.entity === 'measure' && !r.deleted);
}

async function openTask(page: Page, id: string): Promise<ReturnType<Page['locator']>> {
  await page.locator(`.task[data-measure-id="${id}"]`).tap();
  return page.locator('.measure-form');
}

test('申请销号 refused without evidence, returned, seen by the unit, passed, each step on record', async ({ browser, page: admin }) => {
  test.setTimeout(90_000);
  await openLedger(admin);
  await expect(admin.getByTestId('sync-status')).toHaveText('已同步');
  const target = (await measures(admin)).find((r) => r.data.leadDepartmentId === planning && r.data.status === 'in_progress' && r.data.evidence.length === 0 && r.data.attachments.length === 0)!;
  const unit = await staffTablet(browser, admin, { username: 'zhao', displayName: 'zhao', departmentId: planning });

  let form = await openTask(unit, target.id);
  const review = form.getByRole('region', { name: '核实销号' });
  await review.getByRole('button', { name: '申请销号' }).tap();
  await expect(review.getByRole('alert')).toHaveText('不能申请销号，缺少：销号说明、佐证材料（文号或文件）');
  await review.getByLabel('销号说明').fill('共享平台已上线运行');
  await review.getByRole('button', { name: '申请销号' }).tap();
  await expect(review.getByRole('alert')).toHaveText('不能申请销号，缺少：佐证材料（文号或文件）');
  await review.getByLabel('佐证文号').fill('商自然资发〔2022〕8号');
  await review.getByRole('button', { name: '申请销号' }).tap();
  await expect(review.getByText('已申请销号，等待协调员核实')).toBeVisible();
  await syncNow(unit);

  // The coordinator's 待核实 queue: the measure with its application and evidence; returned with a reason.
  await syncNow(admin);
  await expect(admin.getByTestId('reminders').locator('[data-reminder="awaiting"]')).toHaveText('待核实 1');
  await admin.getByRole('button', { name: '核实督办' }).click();
  let card = admin.getByTestId('queue-card').filter({ hasText: target.data.title });
  await expect(card).toContainText('共享平台已上线运行');
  await expect(card).toContainText('商自然资发〔2022〕8号');
  await card.getByLabel('核实意见 / 退回理由').fill('缺少平台运行记录');
  await card.getByRole('button', { name: '退回' }).click();
  await expect(card).toHaveCount(0);
  await syncNow(admin);

  // The unit's form, still open, learns of the return by itself (live update); closing it leaves no draft of the
  // old status behind, so reopening offers nothing to restore.
  await expect(form.getByTestId('review-returned')).toHaveText('已被退回 1 次。最近一次退回理由：缺少平台运行记录');
  await form.getByRole('button', { name: '返回列表' }).tap();
  await syncNow(unit);
  await expect(unit.locator(`.task[data-measure-id="${target.id}"]`).getByTestId('badge-returned')).toHaveText('退回 1 次');
  await expect(unit.getByTestId('task-reminders')).toContainText('退回 1');
  form = await openTask(unit, target.id);
  await expect(form.getByTestId('review-returned')).toHaveText('已被退回 1 次。最近一次退回理由：缺少平台运行记录');
  await expect(form.getByRole('button', { name: '恢复草稿' })).toHaveCount(0);
  await form.getByLabel('销号说明').fill('已补充运行记录');
  await form.getByRole('button', { name: '申请销号' }).tap();
  await expect(form.getByText('已申请销号，等待协调员核实')).toBeVisible();
  await syncNow(unit);

  await syncNow(admin);
  card = admin.getByTestId('queue-card').filter({ hasText: target.data.title });
  await card.getByLabel('核实意见 / 退回理由').fill('材料齐全，同意销号');
  await card.getByRole('button', { name: '通过（销号）' }).click();
  await syncNow(admin);

  await syncNow(unit);
  await expect(form.getByText('已核实销号')).toBeVisible();
  await expect(form.getByTestId('form-light')).toHaveText('已销号');
  const steps = form.getByRole('list', { name: '核实记录' }).getByRole('listitem');
  await expect(steps).toHaveCount(4);
  // Who (as the server knows them), what step, their words; the time before them.
  expect((await steps.allTextContents()).map((s) => s.replace(/^.*? · /, ''))).toEqual([
    expect.stringContaining('zhao · 申请销号共享平台已上线运行佐证：商自然资发〔2022〕8号'),
    '管理员 · 退回缺少平台运行记录',
    expect.stringContaining('zhao · 申请销号已补充运行记录'),
    '管理员 · 核实通过材料齐全，同意销号',
  ]);
});

test('a 督办通知 reaches the unit’s tablet and its reply the coordinator; a 配合 unit adds its note only', async ({ browser, page: admin }) => {
  test.setTimeout(90_000);
  await openLedger(admin);
  await expect(admin.getByTestId('sync-status')).toHaveText('已同步');
  const all = await measures(admin);
  // A red measure of the unit (the sample's 2022 deadlines have passed), and one it leads with a cooperating unit.
  const red = all.find((r) => r.data.leadDepartmentId === planning && r.data.status === 'in_progress' && r.data.deadline !== null)!;
  const shared = all.find((r) => r.data.leadDepartmentId === planning && r.data.cooperatingDepartmentIds.length > 0)!;
  const unit = await staffTablet(browser, admin, { username: 'zhao', displayName: 'zhao', departmentId: planning });
  const helper = await staffTablet(browser, admin, { username: 'qian', displayName: 'qian', departmentId: shared.data.cooperatingDepartmentIds[0]! });

  await admin.getByRole('button', { name: '核实督办' }).click();
  await admin.getByRole('checkbox', { name: red.data.title, exact: true }).check();
  await admin.getByLabel('督办事项').fill('说明逾期原因，报送整改计划');
  await admin.getByLabel('回复期限').fill('2030-01-10');
  await admin.getByLabel('督办级别').selectOption({ label: '重点督办' });
  await admin.getByRole('button', { name: '下发督办通知' }).click();
  await expect(admin.getByTestId('notice-row')).toHaveCount(1);
  await expect(admin.getByTestId('notice-row')).toContainText('待回复');
  await syncNow(admin);

  await syncNow(unit);
  await expect(unit.getByTestId('reminders').locator('[data-reminder="notices"]')).toHaveText('待回复督办 1');
  await expect(unit.locator(`.task[data-measure-id="${red.id}"]`).getByTestId('badge-notice')).toHaveText('督办 1');
  const form = await openTask(unit, red.id);
  const notice = form.getByTestId('notice');
  await expect(notice).toContainText('重点督办 · 回复期限 2030-01-10');
  await expect(notice).toContainText('说明逾期原因，报送整改计划');
  await notice.getByLabel('回复（记入进展记录）').fill('已报送整改计划，预计年底完成');
  await notice.getByRole('button', { name: '回复' }).tap();
  await expect(notice).toContainText('已回复：已报送整改计划，预计年底完成');
  await expect(form.getByRole('list', { name: '进展记录' })).toContainText('已报送整改计划，预计年底完成');
  await syncNow(unit);

  await syncNow(admin);
  await expect(admin.getByTestId('notice-row')).toContainText('已回复');
  await expect(admin.getByTestId('notice-row')).toContainText('已报送整改计划，预计年底完成（zhao');

  // The cooperating unit: its note is kept in its name; the lead's fields stay closed to it.
  const coop = await openTask(helper, shared.id);
  await expect(coop.getByText('本单位是这项措施的配合单位')).toBeVisible();
  await expect(coop.getByRole('radio', { name: '已完成' })).toBeDisabled();
  await expect(coop.getByRole('button', { name: '申请销号' })).toHaveCount(0);
  await coop.getByLabel('进展情况').fill('配合完成数据对接');
  await coop.getByRole('button', { name: '保存' }).tap();
  await expect(helper.getByText('已保存到本设备').last()).toBeVisible();
  await syncNow(helper);
  const stored = (await measures(admin)).find((r) => r.id === shared.id)!.data as unknown as { progressLog: { text: string; by: string; departmentId?: string }[] };
  expect(stored.progressLog.at(-1)).toMatchObject({ text: '配合完成数据对接', by: 'qian', departmentId: shared.data.cooperatingDepartmentIds[0] });
});
