// A department's staff on a tablet (touch, iPad-sized), given an account by the administrator, and the sync
// dialog's 立即同步, shared by the browser tests that pass work between desktops and tablets.
import { type Browser, expect, type Page } from '@playwright/test';
import { signIn } from './ledger-page.ts';

export const tablet = { locale: 'zh-CN', viewport: { width: 820, height: 1180 }, hasTouch: true, deviceScaleFactor: 2 };

/** The administrator creates a staff account of one department; it signs in on a new tablet, on 我的任务, synced. */
/** `scale`: the device pixel ratio (1 for screenshots a reader can compare); `clock`: the moment the tablet's clock starts at. */
export async function staffTablet(browser: Browser, admin: Page, account: { username: string; displayName: string; departmentId: string }, options: { scale?: number; clock?: Date } = {}): Promise<Page> {
  const { username, displayName, departmentId } = account;
  const created = await admin.context().request.post('/api/users', { headers: { 'x-ledger-request': '1' }, data: { username, password: `${username}-password-1`, displayName, role: 'staff', departmentIds: [departmentId] } });
  expect(created.status()).toBe(201);
  const page = await (await browser.newContext({ ...tablet, deviceScaleFactor: options.scale ?? tablet.deviceScaleFactor })).newPage();
  if (options.clock) await page.clock.install({ time: options.clock });
  await page.goto('/');
  await signIn(page, { username, password: `${username}-password-1` });
  await expect(page.getByRole('heading', { name: '我的任务' })).toBeVisible();
  await expect(page.getByTestId('sync-status')).toHaveText('已同步');
  return page;
}

/** 立即同步 from the sync dialog, waiting until every change is on the server (taps on a touch device). */
export async function syncNow(page: Page): Promise<void> {
  const press = async (target: ReturnType<Page['locator']>) => ((await page.evaluate(() => matchMedia('(pointer: coarse)').matches)) ? target.tap() : target.click());
  await press(page.getByTestId('sync-status'));
  const dialog = page.getByRole('dialog', { name: '同步' });
  await press(dialog.getByRole('button', { name: '立即同步' }));
  await expect(page.getByTestId('sync-pending')).toHaveText('所有修改都已上传到服务器。');
  await press(dialog.getByRole('button', { name: '关闭' }));
}
