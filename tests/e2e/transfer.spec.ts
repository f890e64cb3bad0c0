// Import and export through the UI: a GBK file from Chinese Excel imported (bad rows reported, then skipped),
// the grid view and the full data exported, and a full export imported back unchanged.
import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import type { Download, Page } from '@playwright/test';
import { expect, test } from './support/fixtures.ts';
import { cell, measureId, openLedger, rowsText, SAMPLE } from './support/ledger-page.ts';

const existingTitle = '推进惠企政策落实促发展';

/** Opens the import or export dialog from the Data menu (which a cancelled import or export returns to). */
async function openDataMenu(page: Page, action: '导入…' | '导出…'): Promise<void> {
  const menu = page.getByRole('dialog', { name: '数据管理' });
  if (!(await menu.isVisible())) await page.getByRole('button', { name: '数据', exact: true }).click();
  await menu.getByRole('button', { name: action }).click();
}

async function csvOf(download: Download): Promise<string[][]> {
  const text = readFileSync(await download.path()).toString('utf8').replace(/^\ufeff/, '');
  return Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
}

test('imports a GBK file, reports a bad row by row and column, and imports the rest once told to skip it', async ({ page }) => {
  await openLedger(page);
  const file = [
    '序号,整改措施,牵头单位,责任人,整改时限,整改状态,措施内容',
    `1,${existingTitle},市工业和信息化局,王芳,2022/12/31,整改中,`,
    '2,"新增措施：建立""白名单""制度",市财政局,李强,2023年3月1日,未启动,"分两步实施：\n一是摸底，二是公布"',
    '3,日期写错的措施,市教育局,赵六,2022-02-30,整改中,',
  ].join('\r\n');
  await openDataMenu(page, '导入…');
  const dialog = page.getByRole('dialog', { name: '导入', exact: true });
  await dialog.getByLabel('选择文件（Excel 工作簿 .xlsx，或 CSV、TSV、TXT）').setInputFiles({ name: '整改台账.csv', mimeType: 'text/csv', buffer: iconv.encode(file, 'gbk') });
  await expect(dialog.getByTestId('import-file-summary')).toHaveText('表头在第 1 行，共 3 行数据、7 列，编码 GB18030 / GBK，分隔符：逗号');
  await expect(dialog.getByLabel('“整改时限”导入到')).toHaveValue('deadline');
  await dialog.getByRole('button', { name: '检查' }).click();

  await expect(dialog.getByTestId('import-counts')).toHaveText('共 3 行：新增 1 行，更新 1 行，无变化 0 行，有错误 1 行；提醒 0 条');
  await expect(dialog.getByText('文件中有 1 个台账里没有的单位：市教育局')).toBeVisible();
  const bad = dialog.locator('[data-row="4"]');
  await expect(bad).toContainText('“牵头单位”');
  await expect(bad).toContainText('“整改时限”');
  await expect(dialog.getByRole('button', { name: '导入 2 行' })).toBeDisabled();

  const reportDownload = page.waitForEvent('download');
  await dialog.getByRole('button', { name: '下载错误报告（CSV）' }).click();
  const report = await csvOf(await reportDownload);
  expect(report[0]).toEqual(['行', '列', '级别', '原因']);
  expect(report.slice(1).map((r) => [r[0], r[1], r[2]])).toEqual([['4', '牵头单位', '错误'], ['4', '整改时限', '错误']]);

  await dialog.getByLabel('跳过有错误的 1 行，只导入其余的行').check();
  await dialog.getByRole('button', { name: '导入 2 行' }).click();
  await expect(page.getByText('已导入 2 条记录')).toBeVisible();
  await expect(page.getByText(rowsText(SAMPLE.measures + 1))).toBeVisible();
  await expect(cell(page, 'ledger-grid', measureId(1, 2), 'owner')).toHaveText('王芳');
  await expect(cell(page, 'ledger-grid', measureId(1, 2), 'deadline')).toHaveText('2022-12-31');
  await page.getByRole('searchbox', { name: '快速搜索…' }).fill('白名单');
  await expect(page.locator('[data-testid="ledger-grid"] .ag-cell[col-id="title"]', { hasText: '新增措施：建立"白名单"制度' })).toHaveCount(1);
  // Nothing of the bad row, not even its department.
  await expect(page.locator('[data-testid="ledger-grid"] .ag-cell', { hasText: '日期写错的措施' })).toHaveCount(0);
  await page.getByRole('button', { name: '责任单位', exact: true }).click();
  await expect(page.locator('[data-testid="departments-grid"] .ag-cell', { hasText: '市教育局' })).toHaveCount(0);
});

test('refuses a file with a bad row whole: nothing is imported', async ({ page }) => {
  await openLedger(page);
  await openDataMenu(page, '导入…');
  const dialog = page.getByRole('dialog', { name: '导入', exact: true });
  const file = '\ufeff序号,整改措施,进度（%）\r\n1,好的一行,50\r\n1,坏的一行,150\r\n';
  await dialog.getByLabel('选择文件（Excel 工作簿 .xlsx，或 CSV、TSV、TXT）').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(file, 'utf8') });
  await dialog.getByRole('button', { name: '检查' }).click();
  await expect(dialog.locator('[data-row="3"]')).toContainText('“进度（%）”');
  await expect(dialog.getByText('有 1 行有错误，未导入任何数据')).toBeVisible();
  await expect(dialog.getByRole('button', { name: '导入 1 行' })).toBeDisabled();
  await dialog.getByRole('button', { name: '取消' }).click();
  await expect(page.getByText(rowsText(SAMPLE.measures))).toBeVisible();
});

test('exports the grid as shown, and the full data, which imports back unchanged', async ({ page }) => {
  await openLedger(page);
  await page.getByRole('searchbox', { name: '快速搜索…' }).fill('市财政局');
  const rowsShown = async () => new Set(await page.locator('[data-testid="ledger-grid"] .ag-row[row-id]').evaluateAll((rows) => rows.map((r) => r.getAttribute('row-id')))).size;
  // Fewer rows than fit on the screen once the filter applies, so every one of them is rendered.
  await expect.poll(rowsShown).toBeLessThan(15);
  const shown = await rowsShown();
  expect(shown).toBeGreaterThan(0);
  const viewDownload = page.waitForEvent('download');
  await page.getByRole('toolbar').getByRole('button', { name: '导出' }).click();
  await page.getByRole('menuitem', { name: '导出 CSV' }).click();
  const view = await viewDownload;
  expect(view.suggestedFilename()).toMatch(/^整改措施-\d{4}-\d{2}-\d{2}\.csv$/);
  const rows = await csvOf(view);
  const headers = await page.locator('[data-testid="ledger-grid"] .ag-header-cell[col-id] .ag-header-cell-text').allTextContents();
  expect(rows[0]).toEqual(headers.filter((h) => h !== ''));
  expect(rows.length - 1).toBe(shown);
  const titles = await page.locator('[data-testid="ledger-grid"] .ag-row[row-id] .ag-cell[col-id="title"]').allTextContents();
  const titleHeader = await page.locator('[data-testid="ledger-grid"] .ag-header-cell[col-id="title"] .ag-header-cell-text').textContent();
  expect(rows.slice(1).map((r) => r[rows[0]!.indexOf(titleHeader ?? '')])).toEqual(titles);

  await openDataMenu(page, '导出…');
  let dialog = page.getByRole('dialog', { name: '导出' });
  await dialog.getByLabel('全部整改措施（全部字段，可再导入）').check();
  await dialog.getByLabel('CSV（UTF-8，Excel、WPS 可直接打开）').check();
  const fullDownload = page.waitForEvent('download');
  await dialog.getByRole('button', { name: '导出', exact: true }).click();
  const full = await fullDownload;
  const bytes = readFileSync(await full.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(await csvOf(full)).toHaveLength(SAMPLE.measures + 1);

  await openDataMenu(page, '导入…');
  dialog = page.getByRole('dialog', { name: '导入', exact: true });
  await dialog.getByLabel('选择文件（Excel 工作簿 .xlsx，或 CSV、TSV、TXT）').setInputFiles({ name: 'full.csv', mimeType: 'text/csv', buffer: bytes });
  await dialog.getByRole('button', { name: '检查' }).click();
  await expect(dialog.getByTestId('import-counts')).toHaveText(`共 ${SAMPLE.measures} 行：新增 0 行，更新 0 行，无变化 ${SAMPLE.measures} 行，有错误 0 行；提醒 0 条`);
  await dialog.getByRole('button', { name: '取消' }).click();

  await openDataMenu(page, '导出…');
  dialog = page.getByRole('dialog', { name: '导出' });
  await dialog.getByLabel(/^附件1 汇总表/).check();
  await dialog.getByLabel('Excel 工作簿（.xlsx）').check();
  const xlsxDownload = page.waitForEvent('download');
  await dialog.getByRole('button', { name: '导出', exact: true }).click();
  const xlsx = await xlsxDownload;
  expect(xlsx.suggestedFilename()).toMatch(/^附件1-问题整改情况汇总表-.*\.xlsx$/);
  // An .xlsx file is a zip archive.
  expect([...readFileSync(await xlsx.path()).subarray(0, 2)]).toEqual([0x50, 0x4b]);
});
