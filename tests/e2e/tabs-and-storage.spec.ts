// Several tabs, schema upgrades under an open tab, a full disk, and asking the browser to keep the data.
import type { BrowserContext } from '@playwright/test';
import { expect, test } from './support/fixtures.ts';
import { cell, focusCell, measureId, openLedger, rowsText, SAMPLE, typeInto } from './support/ledger-page.ts';

test('an edit in one tab shows in another within a second', async ({ context }) => {
  const first = await context.newPage();
  await openLedger(first);
  const second = await context.newPage();
  await second.goto('/#ledger');
  await expect(second.getByText(rowsText(SAMPLE.measures))).toBeVisible();
  await typeInto(first, cell(first, 'ledger-grid', measureId(1, 3), 'owner'), '另一标签页');
  await expect(cell(second, 'ledger-grid', measureId(1, 3), 'owner')).toHaveText('另一标签页', { timeout: 1_000 });
});

test('a schema upgrade elsewhere makes an open tab save what is being typed and reload, instead of hanging', async ({ context }) => {
  const old = await openTab(context);
  const owner = cell(old, 'ledger-grid', measureId(1, 2), 'owner');
  await focusCell(old, owner);
  await old.keyboard.type('正在输入');
  await expect(old.locator('.cell-editor')).toHaveValue('正在输入');
  const reloaded = old.waitForEvent('framenavigated');

  // A newer version of the app opens the database at a higher version (Dexie's version n is IndexedDB's 10·n).
  const upgrader = await context.newPage();
  await upgrader.goto('/api/health');
  const outcome = await upgrader.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const request = indexedDB.open('rectification-ledger', 100);
        // "blocked" is fine for a moment (the old tab is saving); an upgrade still waiting after 10 s hangs.
        setTimeout(() => resolve('still blocked after 10 s'), 10_000);
        request.onsuccess = () => {
          const db = request.result;
          const read = db.transaction('measures').objectStore('measures').getAll();
          read.onsuccess = () => {
            const owners = (read.result as { owner: string }[]).map((m) => m.owner);
            db.close();
            resolve(owners.includes('正在输入') ? 'upgraded, edit saved' : 'upgraded, edit lost');
          };
        };
      }),
  );
  expect(outcome).toBe('upgraded, edit saved');
  await reloaded;
  // Reloaded, the tab opens the database again (Dexie accepts a newer compatible version) with the edit in it.
  await expect(cell(old, 'ledger-grid', measureId(1, 2), 'owner')).toHaveText('正在输入');
});

test('a full disk gives a clear message and leaves nothing half-written', async ({ page }) => {
  await openLedger(page);
  const owner = cell(page, 'ledger-grid', measureId(1, 3), 'owner');
  await page.evaluate(() => {
    const fail = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    const proto = IDBObjectStore.prototype;
    const original = { put: Object.getOwnPropertyDescriptor(proto, 'put'), add: Object.getOwnPropertyDescriptor(proto, 'add') };
    (window as unknown as { restoreStore: () => void }).restoreStore = () => {
      if (original.put) Object.defineProperty(proto, 'put', original.put);
      if (original.add) Object.defineProperty(proto, 'add', original.add);
    };
    IDBObjectStore.prototype.put = fail;
    IDBObjectStore.prototype.add = fail;
  });
  await typeInto(page, owner, '写不进去');
  await expect(page.getByRole('alert')).toContainText('设备存储空间已满');
  await expect(owner).toHaveText('');
  await page.evaluate(() => (window as unknown as { restoreStore: () => void }).restoreStore());
  await page.reload();
  await expect(cell(page, 'ledger-grid', measureId(1, 3), 'owner')).toHaveText('');
});

test('asks to keep the data after the first save, not at load, and explains the risk when refused', async ({ page }) => {
  await page.addInitScript(() => {
    const calls: string[] = [];
    (window as unknown as { persistCalls: string[] }).persistCalls = calls;
    navigator.storage.persist = () => {
      calls.push('persist');
      return Promise.resolve(false);
    };
    navigator.storage.persisted = () => Promise.resolve(false);
  });
  await openLedger(page);
  expect(await page.evaluate(() => (window as unknown as { persistCalls: string[] }).persistCalls)).toEqual([]);
  await page.getByRole('button', { name: '本机存储' }).click();
  await expect(page.getByTestId('storage-persistence')).toHaveText(/首次保存后/);
  await expect(page.getByTestId('storage-usage')).toHaveText(/已用 .+ · 上限 .+/);
  await page.getByRole('dialog', { name: '本机存储' }).getByRole('button', { name: '关闭' }).click();

  await typeInto(page, cell(page, 'ledger-grid', measureId(1, 2), 'owner'), '第一次保存');
  await expect.poll(() => page.evaluate(() => (window as unknown as { persistCalls: string[] }).persistCalls)).toEqual(['persist']);
  await page.getByRole('button', { name: '数据可能被清除' }).click();
  await expect(page.getByTestId('storage-persistence')).toContainText('Safari 会删除 7 天未打开');
});

async function openTab(context: BrowserContext) {
  const page = await context.newPage();
  await openLedger(page);
  return page;
}
