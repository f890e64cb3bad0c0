// Accounts in the app: an administrator creates a staff account for a unit (its first password shown once) and one
// staff account per remaining unit (downloaded as a file); the staff member signs in, must change the password before
// anything else, and then sees their unit's measures.
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { expect, test } from './support/fixtures.ts';
import { openLedger, SAMPLE, signIn } from './support/ledger-page.ts';

test('an administrator creates accounts in the app; a new staff member must change the password, then sees their unit', async ({ page }) => {
  test.setTimeout(120_000);
  await openLedger(page);
  await page.getByRole('button', { name: '账号管理' }).click();
  const dialog = page.getByRole('dialog', { name: '账号管理' });
  await dialog.getByRole('button', { name: '新建账号' }).click();
  await dialog.getByLabel('用户名', { exact: true }).fill('zhoumin');
  await dialog.getByLabel('姓名', { exact: true }).fill('周敏');
  await dialog.getByLabel('责任单位', { exact: true }).selectOption({ label: '市财政局' });
  await dialog.getByRole('button', { name: '创建账号' }).click();
  const made = dialog.getByTestId('accounts-made');
  await expect(made).toContainText('已创建 1 个账号');
  const password = (await made.locator('[data-username="zhoumin"] .accounts-password').textContent()) ?? '';
  expect(password).toMatch(/^[A-Za-z0-9]{12}$/);
  await expect(dialog.locator('table[aria-label="账号管理"] [data-username="zhoumin"]')).toContainText('待改初始密码');

  // One staff account for every other unit, and the file to hand their first passwords out with.
  await dialog.getByRole('button', { name: '为每个责任单位建一个填报员账号' }).click();
  const create = dialog.getByRole('button', { name: /^创建 \d+ 个账号$/ });
  const count = Number(/\d+/.exec((await create.textContent()) ?? '')?.[0]);
  // Every unit of the sample but 市财政局, which has its account already.
  const others = SAMPLE.departments - 1;
  expect(count).toBe(others);
  await create.click();
  await expect(dialog.getByTestId('accounts-made')).toContainText(`已创建 ${others} 个账号`, { timeout: 60_000 });
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: '下载账号和初始密码（CSV）' }).click();
  const file = Papa.parse<string[]>(readFileSync(await (await download).path()).toString('utf8').replace(/^\ufeff/, ''), { skipEmptyLines: true }).data;
  expect(file[0]).toEqual(['用户名', '姓名', '角色', '责任单位', '初始密码']);
  expect(file).toHaveLength(others + 1);
  expect(file.slice(1).map((r) => r[3])).not.toContain('市财政局');
  await dialog.getByRole('button', { name: '关闭' }).last().click();

  // The staff member, on their own device.
  const device = await page.context().browser()!.newContext({ locale: 'zh-CN', viewport: { width: 1400, height: 900 } });
  const staff = await device.newPage();
  await staff.goto('/');
  await signIn(staff, { username: 'zhoumin', password });
  await expect(staff.getByText('这是管理员给您的初始密码。请先设置您自己的新密码，然后才能使用台账。')).toBeVisible();
  await expect(staff.locator('[data-testid="ledger-grid"]')).toHaveCount(0);
  await staff.getByLabel('当前密码').fill(password);
  await staff.getByLabel('新密码（至少 8 个字符）').fill('zhoumin-own-password');
  await staff.getByLabel('再输入一次新密码').fill('zhoumin-own-password');
  await staff.getByRole('button', { name: '保存新密码' }).click();
  await expect(staff.getByTestId('account')).toHaveText('周敏 · 部门填报员');
  await staff.getByRole('button', { name: '我的任务', exact: true }).click();
  await expect(staff.getByText('本单位（市财政局）牵头或配合的措施')).toBeVisible();
  await expect(staff.locator('.tasks .plain-list li').filter({ hasText: '牵头：市财政局' }).first()).toBeVisible();

  // The first password no longer opens the account; the new one does.
  const other = await (await page.context().browser()!.newContext({ locale: 'zh-CN' })).newPage();
  await other.goto('/');
  await signIn(other, { username: 'zhoumin', password });
  await expect(other.getByRole('alert')).toHaveText('用户名或密码错误');
  await device.close();
});
