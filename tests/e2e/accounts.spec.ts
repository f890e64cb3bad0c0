// Signing in, department-scoped editing, offline work attributed to the signed-in user, the history panel.
import type { Page } from '@playwright/test';
import { sampleId } from '../../src/shared/model/ids.ts';
import { expect, test } from './support/fixtures.ts';
import { cell, focusCell, measureId, openLedger, signIn, typeInto, waitForServiceWorker, showRow } from './support/ledger-page.ts';

const finance = sampleId('department:市财政局');
const staff = { username: 'zhao', password: 'zhao-password-1', displayName: '赵敏' };

async function createStaff(admin: Page): Promise<void> {
  const response = await admin.context().request.post('/api/users', {
    headers: { 'x-ledger-request': '1' },
    data: { ...staff, role: 'staff', departmentIds: [finance] },
  });
  expect(response.status()).toBe(201);
}

test('refuses a wrong password and keeps the ledger behind the sign-in', async ({ page }) => {
  await page.goto('/');
  await signIn(page, { username: 'admin', password: 'not-the-password' });
  await expect(page.getByRole('alert')).toHaveText('用户名或密码错误');
  await expect(page.locator('[data-testid="ledger-grid"]')).toHaveCount(0);
});

test('a department user signs in, edits offline, comes back, and the change lands in their name', async ({ browser, page }) => {
  // Two devices, a service worker install, an offline reload and two syncs.
  test.setTimeout(60_000);
  await openLedger(page);
  await expect(page.getByTestId('sync-status')).toHaveText('已同步');
  await createStaff(page);

  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1400, height: 900 } });
  const device = await context.newPage();
  await openLedger(device, '/', staff);
  await expect(device.getByTestId('account')).toHaveText('赵敏 · 部门填报员');
  // Staff add measures but do not delete, and edit only their own department's measures.
  await expect(device.getByRole('button', { name: '删除' })).toHaveCount(0);
  await device.locator(`[data-testid="ledger-grid"] [row-id="${measureId(1, 1)}"] .ag-cell[col-id="owner"]`).dblclick();
  await expect(device.locator('.cell-editor')).toHaveCount(0);
  await showRow(device, 'ledger-grid', measureId(8, 1));
  await device.locator(`[data-testid="ledger-grid"] [row-id="${measureId(8, 1)}"] .ag-cell[col-id="deadline"]`).dblclick();
  await expect(device.locator('.cell-editor')).toHaveCount(0);

  // A reload without a network is served by the service worker: wait until it controls the page.
  await waitForServiceWorker(device);
  // The wait may have reloaded the page, which opens at the top of the ledger.
  await showRow(device, 'ledger-grid', measureId(8, 1));
  await expect(cell(device, 'ledger-grid', measureId(8, 1), 'owner')).toBeVisible();
  await context.setOffline(true);
  await typeInto(device, cell(device, 'ledger-grid', measureId(8, 1), 'owner'), '赵敏离线填写');
  await expect(cell(device, 'ledger-grid', measureId(8, 1), 'owner')).toHaveText('赵敏离线填写');
  await device.reload();
  await showRow(device, 'ledger-grid', measureId(8, 1));
  await expect(cell(device, 'ledger-grid', measureId(8, 1), 'owner')).toHaveText('赵敏离线填写');
  await expect(device.getByTestId('sync-status')).toHaveText(/^(离线 · )?待同步 1$/);

  await context.setOffline(false);
  await device.getByTestId('sync-status').click();
  await device.getByRole('button', { name: '立即同步' }).click();
  await expect(device.getByTestId('sync-pending')).toHaveText('所有修改都已上传到服务器。');
  await device.getByRole('dialog', { name: '同步' }).getByRole('button', { name: '关闭' }).click();

  // The coordinator's history panel shows who made the change.
  await page.getByTestId('sync-status').click();
  await page.getByRole('button', { name: '立即同步' }).click();
  await page.getByRole('dialog', { name: '同步' }).getByRole('button', { name: '关闭' }).click();
  await showRow(page, 'ledger-grid', measureId(8, 1));
  await expect(cell(page, 'ledger-grid', measureId(8, 1), 'owner')).toHaveText('赵敏离线填写');
  await cell(page, 'ledger-grid', measureId(8, 1), 'owner').click();
  await page.getByRole('button', { name: '修改记录' }).click();
  const latest = page.getByTestId('history').getByTestId('history-group').first();
  await expect(latest).toContainText('赵敏');
  await expect(latest).toContainText('责任人');
  await expect(latest).toContainText('赵敏离线填写');
  await context.close();
});

test('signing out with unsynced changes warns, and offers to export them first', async ({ page, context }) => {
  await openLedger(page);
  await expect(page.getByTestId('sync-status')).toHaveText('已同步');
  await context.setOffline(true);
  await showRow(page, 'ledger-grid', measureId(2, 1));
  await typeInto(page, cell(page, 'ledger-grid', measureId(2, 1), 'owner'), '还没同步');
  await page.getByTestId('account').click();
  await expect(page.getByRole('alert')).toContainText('本机还有 1 项修改没有同步到服务器');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出后退出' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^unsynced-changes-.*\.json$/);
  await expect(page.getByRole('button', { name: '登录' })).toBeVisible();
});

test('an expired session asks for the password again without losing the queue', async ({ page, context }) => {
  await openLedger(page);
  // The start-up sync done, so that the session ends while idle: the next request is the one to find out.
  await expect(page.getByTestId('sync-status')).toHaveText('已同步');
  await showRow(page, 'ledger-grid', measureId(4, 1));
  await focusCell(page, cell(page, 'ledger-grid', measureId(4, 1), 'owner'));
  await context.clearCookies();
  await typeInto(page, cell(page, 'ledger-grid', measureId(4, 1), 'owner'), '过期前填写');
  await page.getByTestId('sync-status').click();
  await page.getByRole('button', { name: '立即同步' }).click();
  const prompt = page.getByRole('dialog', { name: '登录' });
  await expect(prompt).toContainText('登录已过期');
  await prompt.getByLabel('密码').fill('admin-password-for-tests');
  await prompt.getByRole('button', { name: '登录' }).click();
  await expect(page.getByTestId('sync-pending')).toHaveText('所有修改都已上传到服务器。');
});
