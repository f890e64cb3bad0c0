// The sample ledger can be cleared and loaded again; synthetic rows try the ledger at scale.
import { expect, test } from './support/fixtures.ts';
import { openLedger, rowsText, SAMPLE, signIn } from './support/ledger-page.ts';

test('clears the ledger, keeps it clear after a reload, and loads the sample again', async ({ page }) => {
  await openLedger(page);
  await page.getByRole('button', { name: '数据' }).click();
  await page.getByRole('button', { name: '清空台账' }).click();
  await page.getByRole('dialog', { name: '清空台账' }).getByRole('button', { name: '确定' }).click();
  await expect(page.getByText('台账已清空')).toBeVisible({ timeout: 20_000 });
  await page.getByRole('dialog', { name: '数据管理' }).getByRole('button', { name: '关闭' }).click();
  await expect(page.getByText('共 0 条措施')).toBeVisible();
  await page.reload();
  await expect(page.getByText('共 0 条措施')).toBeVisible();
  await page.getByRole('button', { name: '数据' }).click();
  await page.getByRole('button', { name: '载入示例台账' }).click();
  await page.getByRole('dialog', { name: '载入示例台账' }).getByRole('button', { name: '确定' }).click();
  await expect(page.getByText(`示例台账已载入：${SAMPLE.problems} 个问题、${SAMPLE.measures} 条整改措施、${SAMPLE.departments} 个责任单位`)).toBeVisible({ timeout: 20_000 });
  await page.getByRole('dialog', { name: '数据管理' }).getByRole('button', { name: '关闭' }).click();
  await expect(page.getByText(rowsText(SAMPLE.measures))).toBeVisible();
  // The server holds the cleared records as deleted; loading the sample again must survive the sync.
  await page.getByTestId('sync-status').click();
  await page.getByRole('dialog', { name: '同步' }).getByRole('button', { name: '立即同步' }).click();
  await expect(page.getByTestId('sync-pending')).toHaveText('所有修改都已上传到服务器。');
  await page.getByRole('dialog', { name: '同步' }).getByRole('button', { name: '关闭' }).click();
  await page.reload();
  await expect(page.getByText(rowsText(SAMPLE.measures))).toBeVisible();
});

test('fills the ledger with synthetic measures from a URL parameter', async ({ page }) => {
  await page.goto('/?synthetic=3000');
  await signIn(page);
  await expect(page.getByText('共 3000 条措施')).toBeVisible({ timeout: 30_000 });
  expect(new URL(page.url()).search).toBe('');
  await page.reload();
  await expect(page.getByText('共 3000 条措施')).toBeVisible();
});
