// The data menu says whose data it changes. 清空本设备数据 forgets only this device's copy (the server is checked
// through the API); 载入示例台账 goes only into an empty ledger; an administrator clears the shared ledger by its
// name and restores it; synthetic rows exist only on a demonstration server.
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures.ts';
import { cell, measureId, openLedger, rowsText, SAMPLE, signIn, typeInto } from './support/ledger-page.ts';

type Pulled = { records: { entity: string; id: string; version: number; deleted: boolean; data: { owner?: string } }[] };

/** The server's ledger as the API gives it: live measures, tombstones, the latest version, one measure's owner. */
async function serverLedger(page: Page) {
  const { records } = (await (await page.context().request.get('/api/sync/pull?after=0&limit=5000')).json()) as Pulled;
  return {
    measures: records.filter((r) => r.entity === 'measure' && !r.deleted).length,
    deleted: records.filter((r) => r.deleted).length,
    latest: Math.max(...records.map((r) => r.version)),
    owner: records.find((r) => r.id === measureId(1, 1))?.data.owner,
  };
}

async function openDataMenu(page: Page) {
  await page.getByRole('button', { name: '数据', exact: true }).click();
  return page.getByRole('dialog', { name: '数据管理' });
}

test('清空本设备数据 guards unsynced changes, forgets only this device’s copy, and the server keeps every record', async ({ page }) => {
  await openLedger(page);
  await expect(page.getByTestId('sync-status')).toHaveText('已同步');
  await page.context().setOffline(true);
  await typeInto(page, cell(page, 'ledger-grid', measureId(1, 1), 'owner'), '离线填写');
  // Offline is no failure: the change waits on the device.
  await expect(page.getByTestId('sync-status')).toHaveText('离线 · 待同步 1');
  await (await openDataMenu(page)).getByRole('button', { name: '清空本设备数据' }).click();
  const guard = page.getByRole('dialog', { name: '清空本设备数据' });
  await expect(guard.getByRole('alert')).toHaveText('本机还有 1 项修改没有同步到服务器。清空本设备数据会丢弃它们，除非先导出或同步。');
  await guard.getByRole('button', { name: '取消' }).click();
  await page.getByRole('dialog', { name: '数据管理' }).getByRole('button', { name: '关闭' }).click();

  await page.context().setOffline(false);
  await expect(page.getByTestId('sync-status')).toHaveText('已同步', { timeout: 20_000 });
  const before = await serverLedger(page);
  expect(before).toMatchObject({ measures: SAMPLE.measures, deleted: 0, owner: '离线填写' });

  await (await openDataMenu(page)).getByRole('button', { name: '清空本设备数据' }).click();
  const confirm = page.getByRole('dialog', { name: '清空本设备数据' });
  await expect(confirm.getByRole('alert')).toHaveCount(0);
  // The page reloads with the ledger pulled again from the server. The test waits for that load (the old page shows
  // the same rows until it goes), so that it never ends, and closes the browser, in the middle of the reload.
  const reloaded = page.waitForEvent('load');
  await confirm.getByRole('button', { name: '清空本设备数据' }).click();
  await reloaded;
  await expect(page.getByTestId('sync-status')).toHaveText('已同步', { timeout: 20_000 });
  await expect(page.getByText(rowsText(SAMPLE.measures))).toBeVisible();
  await expect(cell(page, 'ledger-grid', measureId(1, 1), 'owner')).toHaveText('离线填写');
  expect(await serverLedger(page)).toEqual(before);
});

test('载入示例台账 is refused on a ledger with data; an administrator clears the shared ledger by its name and restores it', async ({ page }) => {
  test.setTimeout(60_000);
  await openLedger(page);
  await expect(page.getByTestId('sync-status')).toHaveText('已同步');
  let menu = await openDataMenu(page);
  await menu.getByRole('button', { name: '载入示例台账' }).click();
  await page.getByRole('dialog', { name: '载入示例台账' }).getByRole('button', { name: '确定' }).click();
  await expect(page.getByText('台账中已有数据，示例台账只能载入空台账（新安装）')).toBeVisible();
  await menu.getByRole('button', { name: '关闭' }).click();
  await typeInto(page, cell(page, 'ledger-grid', measureId(1, 1), 'owner'), '王芳');
  await expect.poll(async () => (await serverLedger(page)).owner, { timeout: 20_000 }).toBe('王芳');

  menu = await openDataMenu(page);
  await menu.getByRole('button', { name: '清空共享台账…' }).click();
  const clear = page.getByRole('dialog', { name: '清空共享台账…' });
  const go = clear.getByRole('button', { name: '清空共享台账…' });
  await clear.getByLabel('请输入台账名称“整改台账”以确认').fill('整改');
  await expect(go).toBeDisabled();
  await clear.getByLabel('请输入台账名称“整改台账”以确认').fill('整改台账');
  await go.click();
  await expect(page.getByText(/^已清空共享台账（\d+ 条记录）/)).toBeVisible({ timeout: 20_000 });
  expect(await serverLedger(page)).toMatchObject({ measures: 0 });
  // Closing it goes back to the data menu, over a grid now empty.
  await clear.getByRole('button', { name: '关闭' }).click();
  await menu.getByRole('button', { name: '关闭' }).click();
  await expect(page.getByText('共 0 条措施')).toBeVisible();

  await (await openDataMenu(page)).getByRole('button', { name: '清空共享台账…' }).click();
  await clear.getByRole('button', { name: '恢复' }).click();
  await expect(page.getByText(/^已恢复 \d+ 条记录$/)).toBeVisible({ timeout: 20_000 });
  await clear.getByRole('button', { name: '关闭' }).click();
  await menu.getByRole('button', { name: '关闭' }).click();
  await expect(page.getByText(rowsText(SAMPLE.measures))).toBeVisible();
  expect(await serverLedger(page)).toMatchObject({ measures: SAMPLE.measures, owner: '王芳' });
  await page.reload();
  await expect(cell(page, 'ledger-grid', measureId(1, 1), 'owner')).toHaveText('王芳');
});

test('a normal server offers no synthetic rows: no 生成模拟数据, and ?synthetic= is ignored with a message', async ({ page }) => {
  await page.goto('/?synthetic=300#ledger');
  await signIn(page);
  await expect(page.getByText('模拟数据只能在演示模式的服务器（LEDGER_DEMO=1）上生成')).toBeVisible();
  await expect(page.getByText(rowsText(SAMPLE.measures))).toBeVisible();
  expect(new URL(page.url()).search).toBe('');
  const menu = await openDataMenu(page);
  await expect(menu.getByRole('button', { name: '生成模拟数据' })).toHaveCount(0);
  await expect(menu.getByRole('heading', { name: '演示模式' })).toHaveCount(0);
  // The sample reaches the server in chunks of a push (another user may see it arrive part by part): wait for all.
  await expect.poll(async () => (await serverLedger(page)).measures, { timeout: 20_000 }).toBe(SAMPLE.measures);
});

test.describe('on a demonstration server (LEDGER_DEMO=1)', () => {
  test.use({ serverEnv: { LEDGER_DEMO: '1' } });

  test('fills the ledger with synthetic measures from a URL parameter, and offers 生成模拟数据', async ({ page }) => {
    await page.goto('/?synthetic=3000#ledger');
    await signIn(page);
    await expect(page.getByText('共 3000 条措施')).toBeVisible({ timeout: 30_000 });
    expect(new URL(page.url()).search).toBe('');
    await page.reload();
    await expect(page.getByText('共 3000 条措施')).toBeVisible();
    await expect((await openDataMenu(page)).getByRole('button', { name: '生成模拟数据' })).toBeVisible();
  });
});
