// Field entry on a tablet (touch, iPad-sized): 我的任务, the measure form, photo evidence, offline and back.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from '@playwright/test';
import { sampleId } from '../../src/shared/model/ids.ts';
import { expect, test } from './support/fixtures.ts';
import { openLedger, signIn, waitForServiceWorker } from './support/ledger-page.ts';
import { tablet } from './support/tablet.ts';

const planning = sampleId('department:市自然资源和规划局');
const staff = { username: 'zhao', password: 'zhao-password-1', displayName: '赵敏' };
const photo = { name: 'notice-board.png', mimeType: 'image/png', buffer: readFileSync(new URL('./fixtures/notice-board.png', import.meta.url)) };

/** The administrator on a desktop (the sample in place on the server), then a department's staff on a tablet. */
async function staffTablet(browser: Browser, admin: Page, prepare?: () => Promise<void>): Promise<Page> {
  await openLedger(admin);
  await expect(admin.getByTestId('sync-status')).toHaveText('已同步');
  await prepare?.();
  const created = await admin.context().request.post('/api/users', { headers: { 'x-ledger-request': '1' }, data: { ...staff, role: 'staff', departmentIds: [planning] } });
  expect(created.status()).toBe(201);
  const page = await (await browser.newContext(tablet)).newPage();
  await page.goto('/');
  await signIn(page, staff);
  await expect(page.getByRole('heading', { name: '我的任务' })).toBeVisible();
  return page;
}

/** Sets deadlines on the server for the first measures under way that the department leads; returns their ids. */
async function setDeadlines(admin: Page, deadlines: string[]): Promise<string[]> {
  const request = admin.context().request;
  const pulled = (await (await request.get('/api/sync/pull?after=0&limit=5000')).json()) as { records: { entity: string; id: string; version: number; deleted: boolean; data: { leadDepartmentId: string | null; status: string; deadline: string | null } }[] };
  const targets = pulled.records.filter((r) => r.entity === 'measure' && !r.deleted && r.data.leadDepartmentId === planning && r.data.status === 'in_progress' && r.data.deadline === null).slice(0, deadlines.length);
  const clientId = randomUUID();
  const mutations = targets.map((r, i) => ({ mutationId: randomUUID(), clientId, entity: 'measure', id: r.id, op: 'update', fields: { deadline: deadlines[i] }, baseVersion: r.version, actor: 'admin', at: new Date().toISOString() }));
  const pushed = (await (await request.post('/api/sync/push', { headers: { 'x-ledger-request': '1' }, data: { clientId, mutations } })).json()) as { results: { status: string }[] };
  expect(pushed.results.map((r) => r.status)).toEqual(deadlines.map(() => 'applied'));
  return targets.map((r) => r.id);
}

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

async function expectTouchSized(locator: ReturnType<Page['locator']>): Promise<void> {
  for (const box of await locator.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height))) expect(box).toBeGreaterThanOrEqual(44);
}

test('a tablet opens 我的任务; status, progress, a note and a photo saved offline survive a reload and reach the server', async ({ browser, page: admin }) => {
  let overdue: string[] = [];
  const page = await staffTablet(browser, admin, async () => {
    overdue = await setDeadlines(admin, ['2022-01-31', inDays(3)]);
  });
  await expect(page.getByText('本单位（市自然资源和规划局）牵头或配合的措施')).toBeVisible();
  const tasks = page.locator('.task');
  await expect(tasks.first()).toBeVisible();
  await expectTouchSized(tasks);
  // The department's measures, grouped by warning light: the longest overdue first (the sample's own deadline
  // of 2022-12-31 follows it in red), the one due soon in yellow; those without a deadline apart, in grey.
  await expect(page.locator('.tasks__group').first()).toBeVisible();
  expect(await page.locator('.tasks__group').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')))).toEqual(['红灯', '黄灯', '未定时限', '已完成待核实']);
  await expect(tasks.first()).toHaveAttribute('data-measure-id', overdue[0]!);
  await expect(page.locator('.tasks__group[aria-label="黄灯"] .task').first()).toHaveAttribute('data-measure-id', overdue[1]!);
  // Search narrows the list as the user types.
  await page.getByRole('searchbox', { name: '搜索措施、问题、单位或文号' }).fill('不存在的措施');
  await expect(page.getByText('没有符合条件的措施')).toBeVisible();
  await page.getByRole('searchbox', { name: '搜索措施、问题、单位或文号' }).fill('');
  const id = overdue[0]!;
  // Turned to landscape, the list stays a list of large targets.
  await page.setViewportSize({ width: 1180, height: 820 });
  await expectTouchSized(tasks);
  await waitForServiceWorker(page);
  await expect(page.getByTestId('sync-status')).toHaveText('已同步');

  await page.locator(`.task[data-measure-id="${id}"]`).tap();
  const form = page.locator('.measure-form');
  await expect(form.getByRole('radiogroup', { name: '整改状态' })).toBeVisible();
  await expectTouchSized(form.locator('button:visible, input:visible, textarea:visible'));
  await form.getByRole('radio', { name: '长期坚持' }).tap();
  await form.getByRole('spinbutton', { name: '整改进度（%）' }).fill('60');
  await form.getByLabel('进展情况').fill('完成窗口公示，发放读本 200 册');
  await form.getByTestId('camera-input').setInputFiles(photo);
  await expect(form.getByRole('img', { name: 'notice-board.jpg' })).toBeVisible();
  await expect(form.getByText('未上传')).toBeVisible();

  await page.context().setOffline(true);
  await form.getByRole('button', { name: '保存' }).tap();
  await expect(page.getByText('已保存到本设备')).toBeVisible();
  await expect(page.locator(`.task[data-measure-id="${id}"]`)).toContainText('未同步');

  await page.reload();
  await expect(page.getByRole('heading', { name: '我的任务' })).toBeVisible();
  await page.locator(`.task[data-measure-id="${id}"]`).tap();
  await expect(form.getByRole('radio', { name: '长期坚持' })).toHaveAttribute('aria-checked', 'true');
  await expect(form.getByRole('spinbutton', { name: '整改进度（%）' })).toHaveValue('60');
  await expect(form.getByRole('list', { name: '进展记录' })).toContainText('完成窗口公示，发放读本 200 册');
  await expect(form.getByRole('img', { name: 'notice-board.jpg' })).toBeVisible();
  await expect(form.getByTestId('form-sync')).toHaveText('未同步到服务器：1 项修改，1 个文件');

  await page.context().setOffline(false);
  await expect(form.getByTestId('form-sync')).toHaveText('已全部同步到服务器', { timeout: 20_000 });
  await expect(form.getByText('未上传')).toHaveCount(0);

  // On the server: the change, and the photo compressed on the device (JPEG, long side at most 1600 px).
  const fetched = await admin.context().request.post('/api/sync/records', { headers: { 'x-ledger-request': '1' }, data: { refs: [{ entity: 'measure', id }] } });
  const [record] = ((await fetched.json()) as { records: { data: { status: string; progress: number; progressLog: { text: string }[]; attachments: { hash: string }[] } }[] }).records;
  expect(record?.data).toMatchObject({ status: 'ongoing', progress: 60 });
  expect(record?.data.progressLog.at(-1)?.text).toBe('完成窗口公示，发放读本 200 册');
  const hash = record!.data.attachments[0]!.hash;
  const size = await admin.evaluate(async (h) => {
    const response = await fetch(`/api/attachments/${h}`);
    const bitmap = await createImageBitmap(await response.blob());
    return { type: response.headers.get('content-type'), width: bitmap.width, height: bitmap.height };
  }, hash);
  expect(size).toEqual({ type: 'image/jpeg', width: 1600, height: 1200 });
});

test('a wrong-type or too-large file is refused with a message, and a draft survives a reload', async ({ browser, page: admin }) => {
  const page = await staffTablet(browser, admin);
  const id = await page.locator('.task').filter({ hasText: '牵头：市自然资源和规划局' }).first().getAttribute('data-measure-id');
  await page.locator(`.task[data-measure-id="${id}"]`).tap();
  const form = page.locator('.measure-form');
  const files = form.getByTestId('file-input');
  await files.setInputFiles({ name: '会议纪要.txt', mimeType: 'text/plain', buffer: Buffer.from('不是图片') });
  await expect(form.getByRole('alert')).toHaveText('“会议纪要.txt”不是图片或 PDF 文件，不能作为佐证材料');
  const big = Buffer.alloc(11 * 1024 * 1024);
  big.write('%PDF-1.7\n');
  await files.setInputFiles({ name: '扫描件.pdf', mimeType: 'application/pdf', buffer: big });
  await expect(form.getByRole('alert')).toHaveText('“扫描件.pdf”太大（11.0 MB），单个文件不能超过 10 MB');
  await expect(form.locator('.thumb')).toHaveCount(0);

  await form.getByRole('spinbutton', { name: '整改进度（%）' }).fill('35');
  await form.getByLabel('进展情况').fill('已起草实施方案，待党组会审议');
  await expect(form.getByText('草稿已自动保存')).toBeVisible();
  await page.reload();
  await expect(page.getByRole('alert').filter({ hasText: '未保存的草稿' })).toBeVisible();
  await page.getByRole('button', { name: '恢复草稿' }).tap();
  await expect(form.getByRole('spinbutton', { name: '整改进度（%）' })).toHaveValue('35');
  await expect(form.getByLabel('进展情况')).toHaveValue('已起草实施方案，待党组会审议');
  await form.getByRole('button', { name: '保存' }).tap();
  await expect(page.getByText('已保存到本设备')).toBeVisible();
  // Saved: the draft has done its job, and is not offered again.
  await page.locator(`.task[data-measure-id="${id}"]`).tap();
  await expect(form.getByRole('list', { name: '进展记录' })).toContainText('已起草实施方案，待党组会审议');
  await expect(page.getByText('未保存的草稿')).toHaveCount(0);
});

test('a department asks for an extension on the tablet, and a coordinator approves it, moving the deadline', async ({ browser, page: admin }) => {
  const page = await staffTablet(browser, admin);
  const id = await page.locator('.task').filter({ hasText: '牵头：市自然资源和规划局' }).first().getAttribute('data-measure-id');
  await page.locator(`.task[data-measure-id="${id}"]`).tap();
  const form = page.locator('.measure-form');
  await form.getByRole('button', { name: '申请延期' }).tap();
  await form.getByRole('button', { name: '保存' }).tap();
  // Nothing is saved until the request is complete; the reasons stand beside the field.
  await expect(form.getByRole('alert')).toHaveText(['申请延至：不能为空', '延期理由：不能为空']);
  await form.getByLabel('申请延至').fill('2023-06-30');
  await form.getByLabel('延期理由').fill('需省级部门协调数据接口');
  await expect(form.getByRole('alert')).toHaveCount(0);
  await form.getByRole('button', { name: '保存' }).tap();
  await expect(page.getByText('已保存到本设备')).toBeVisible();
  const row = page.locator(`.task[data-measure-id="${id}"]`);
  await expect(row).toContainText('未同步');
  await expect(row).not.toContainText('未同步', { timeout: 15_000 });

  await admin.getByTestId('sync-status').click();
  await admin.getByRole('button', { name: '立即同步' }).click();
  await admin.getByRole('dialog', { name: '同步' }).getByRole('button', { name: '关闭' }).click();
  await admin.getByRole('button', { name: '我的任务', exact: true }).click();
  await expect(admin.getByText('账号未关联责任单位：显示全部措施')).toBeVisible();
  await admin.locator(`.task[data-measure-id="${id}"]`).click();
  const decision = admin.locator('.measure-form');
  await expect(decision.getByText('待审批：延至 2023-06-30（赵敏）')).toBeVisible();
  await decision.getByRole('button', { name: '批准' }).click();
  await expect(decision.getByText('已批准：延至 2023-06-30（管理员）')).toBeVisible();
  await expect(decision).toContainText('整改时限：2023-06-30');
});
