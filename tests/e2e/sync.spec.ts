// Two devices edit offline, come back online, and show the same ledger; a same-field clash lands in the inbox.
import type { Browser, Page } from '@playwright/test';
import { expect, test } from './support/fixtures.ts';
import { cell, measureId, openLedger, typeInto } from './support/ledger-page.ts';

async function device(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  await openLedger(page);
  await expect(page.getByTestId('sync-status')).toHaveText('已同步');
  return page;
}

async function syncNow(page: Page): Promise<void> {
  await page.getByTestId('sync-status').click();
  await page.getByRole('dialog', { name: '同步' }).getByRole('button', { name: '立即同步' }).click();
  await expect(page.getByTestId('sync-pending')).toHaveText('所有修改都已上传到服务器。');
  await page.getByRole('dialog', { name: '同步' }).getByRole('button', { name: '关闭' }).click();
}

test('two devices edit offline, come online and show the same data', async ({ browser }) => {
  const a = await device(browser);
  const b = await device(browser);
  await a.context().setOffline(true);
  await b.context().setOffline(true);

  await typeInto(a, cell(a, 'ledger-grid', measureId(1, 1), 'owner'), '甲填写');
  await typeInto(b, cell(b, 'ledger-grid', measureId(1, 1), 'deadline'), '2022-12-31');
  await typeInto(b, cell(b, 'ledger-grid', measureId(1, 2), 'owner'), '乙填写');
  await expect(a.getByTestId('sync-status')).toHaveText(/^(离线 · )?待同步 1$/);
  await expect(b.getByTestId('sync-status')).toHaveText(/^(离线 · )?待同步 2$/);

  await a.context().setOffline(false);
  await b.context().setOffline(false);
  await syncNow(a);
  await syncNow(b);
  await syncNow(a);
  for (const page of [a, b]) {
    await expect(cell(page, 'ledger-grid', measureId(1, 1), 'owner')).toHaveText('甲填写');
    await expect(cell(page, 'ledger-grid', measureId(1, 1), 'deadline')).toHaveText('2022-12-31');
    await expect(cell(page, 'ledger-grid', measureId(1, 2), 'owner')).toHaveText('乙填写');
  }
});

test('a field changed on two offline devices keeps the first value and shows both in the conflicts inbox', async ({ browser }) => {
  const a = await device(browser);
  const b = await device(browser);
  await a.context().setOffline(true);
  await b.context().setOffline(true);
  await typeInto(a, cell(a, 'ledger-grid', measureId(1, 3), 'owner'), '甲的人选');
  await typeInto(b, cell(b, 'ledger-grid', measureId(1, 3), 'owner'), '乙的人选');
  // Coming online starts a sync by itself, so A reconnects alone first: its value must reach the server first.
  await a.context().setOffline(false);
  await syncNow(a);
  await b.context().setOffline(false);
  await syncNow(b);
  await expect(cell(b, 'ledger-grid', measureId(1, 3), 'owner')).toHaveText('甲的人选');

  await b.getByTestId('sync-status').click();
  const inbox = b.getByTestId('conflict-list');
  await expect(inbox.getByTestId('conflict-server')).toHaveText('甲的人选');
  await expect(inbox.getByTestId('conflict-client')).toHaveText('乙的人选');
  await inbox.getByRole('button', { name: '采用另一值' }).click();
  await expect(inbox.getByText('没有待处理的冲突。')).toBeVisible();
  await b.getByRole('dialog', { name: '同步' }).getByRole('button', { name: '关闭' }).click();
  await expect(cell(b, 'ledger-grid', measureId(1, 3), 'owner')).toHaveText('乙的人选');
  await syncNow(a);
  await expect(cell(a, 'ledger-grid', measureId(1, 3), 'owner')).toHaveText('乙的人选');
});
