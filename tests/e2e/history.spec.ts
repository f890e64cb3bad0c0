// 修改记录 as a timeline: a creation is one entry with its values, each later save one entry with its fields,
// local times, labels not field names; its CSV has Chinese headers and no internal or device ids.
import { readFile } from 'node:fs/promises';
import { expect, test } from './support/fixtures.ts';
import { addMeasureUnderProblem8, cell, openLedger, typeInto } from './support/ledger-page.ts';
import { syncNow } from './support/tablet.ts';

const LOCAL_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/;

// Beijing time, eight hours from the UTC the server stamps: a raw stamp could not pass for local time.
test.use({ timezoneId: 'Asia/Shanghai' });

test('shows a new measure’s history as one creation and one change, in local time, and exports it in words', async ({ page }) => {
  await openLedger(page);
  const title = await addMeasureUnderProblem8(page, '建立营商环境投诉台账');
  const rowId = await title.locator('xpath=ancestor::*[@row-id][1]').getAttribute('row-id');
  expect(rowId).toBeTruthy();
  await typeInto(page, cell(page, 'ledger-grid', rowId!, 'owner'), '钱进');
  await expect(cell(page, 'ledger-grid', rowId!, 'owner')).toHaveText('钱进');
  await syncNow(page);

  await cell(page, 'ledger-grid', rowId!, 'owner').click();
  await page.getByRole('button', { name: '修改记录' }).click();
  const dialog = page.getByRole('dialog', { name: /^修改记录：/ });
  const groups = dialog.getByTestId('history-group');
  await expect(groups).toHaveCount(3);

  // Newest first: the owner typed in, the title typed over the placeholder, then the creation with only the values
  // the row started with.
  const change = groups.nth(0);
  await expect(change.locator('.history-group__user')).toHaveText('管理员');
  await expect(change.locator('.history-group__op')).toHaveText('修改');
  await expect(change.locator('tr')).toHaveCount(1);
  await expect(change.locator('tr')).toHaveText('责任人无→钱进');
  await expect(groups.nth(1).locator('tr')).toHaveText('整改措施新整改措施→建立营商环境投诉台账');
  const creation = groups.nth(2);
  await expect(creation.locator('.history-group__op')).toHaveText('新增');
  await expect(creation.locator('th')).toHaveText(['所属问题', '整改措施', '措施类型', '牵头单位', '整改状态', '进度%']);
  await expect(creation.locator('tr', { hasText: '所属问题' })).toContainText('8. 土地使用方面历史遗留问题解决难');
  await expect(creation).not.toContainText('无');
  await expect(creation).not.toContainText('→');
  // The browser's own clock reading (Beijing time), not the server's UTC string.
  const shown = await change.locator('time').textContent();
  expect(shown).toMatch(LOCAL_TIME);
  const stamped = await change.locator('time').getAttribute('datetime');
  const expected = await page.evaluate((iso) => {
    const d = new Date(iso);
    const p = (n: number) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
  }, stamped!);
  expect(shown).toBe(expected);
  await expect(dialog).not.toContainText(/\d{4}-\d{2}-\d{2}T\d{2}/);
  // Labels and times stay on one line: no column squeezed to a character a line.
  const lineCounts = await dialog.locator('th, time').evaluateAll((elements) =>
    elements.map((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
    }),
  );
  expect(lineCounts.length).toBeGreaterThan(5);
  expect(lineCounts.every((lines) => lines === 1)).toBe(true);

  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: '导出 CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('修改记录-建立营商环境投诉台账.csv');
  const csv = (await readFile(await file.path(), 'utf8')).replace(/^\ufeff/, '');
  const lines = csv.trim().split('\r\n');
  expect(lines[0]).toBe('"时间","修改人","操作","字段","原值","新值","备注"');
  expect(lines[1]).toBe(`"${shown}","管理员","修改","责任人","","钱进",""`);
  expect(csv).toContain('"整改措施","新整改措施","建立营商环境投诉台账"');
  expect(lines).toHaveLength(1 + 1 + 1 + 6);
  // No ids (records, mutations, devices), no field names, no UTC strings.
  expect(csv).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
  expect(csv).not.toMatch(/leadDepartmentId|problemId|title|owner/);
  expect(csv).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}/);
});
