// A new office's own ledger, chosen at the first start of a new installation, through the import dialog: the workbook LibreOffice saved (title
// rows, merged 序号/问题/方面, date cells and text dates) and the same as GBK CSV. The preview names each row's problem
// and units and what will be created; the result, exported, matches the expected problems, measures and units cell by cell.
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { Page } from '@playwright/test';
import { expectedAreas, expectedMeasures, expectedProblems, expectedUnits } from '../fixtures/import/expected.ts';
import { expect, test } from './support/fixtures.ts';
import { signIn } from './support/ledger-page.ts';

const statusLabel: Record<string, string> = { not_started: '未启动', in_progress: '整改中', completed: '已完成', closed: '已销号', ongoing: '长期坚持' };

async function dataMenu(page: Page, action: string): Promise<void> {
  const menu = page.getByRole('dialog', { name: '数据管理' });
  if (!(await menu.isVisible())) await page.getByRole('button', { name: '数据', exact: true }).click();
  await menu.getByRole('button', { name: action }).click();
}

async function exported(page: Page, kind: string): Promise<Record<string, string>[]> {
  await dataMenu(page, '导出…');
  const dialog = page.getByRole('dialog', { name: '导出' });
  await dialog.getByLabel(kind).check();
  await dialog.getByLabel('CSV（UTF-8，Excel、WPS 可直接打开）').check();
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: '导出', exact: true }).click();
  const text = readFileSync(await (await download).path()).toString('utf8').replace(/^\ufeff/, '');
  return Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
}

for (const [name, file, mimeType, summary] of [
  ['the workbook', 'flat-ledger.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', '工作表“整改台账”：表头在第 3 行，共 8 行数据、10 列'],
  ['the GBK CSV', 'flat-ledger-gbk.csv', 'text/csv', '表头在第 3 行，共 8 行数据、10 列，编码 GB18030 / GBK，分隔符：逗号'],
] as const) {
  test(`imports ${name} of a flat ledger into an empty ledger, creating its problems, areas and units`, async ({ page }) => {
    // Clearing, importing and three exports: longer than one interaction.
    test.setTimeout(120_000);
    // A new installation: its first administrator is asked how the ledger starts, and takes the office's own.
    await page.goto('/');
    await signIn(page, undefined, '从 Excel 导入');
    const dialog = page.getByRole('dialog', { name: '导入', exact: true });
    await dialog.getByLabel('选择文件（Excel 工作簿 .xlsx，或 CSV、TSV、TXT）').setInputFiles({ name: file, mimeType, buffer: readFileSync(new URL(`../fixtures/import/${file}`, import.meta.url)) });
    await expect(dialog.getByTestId('import-file-summary')).toHaveText(summary);
    await expect(dialog.getByLabel('表头所在行')).toHaveValue('3');
    if (file.endsWith('.xlsx')) await expect(dialog.getByLabel('工作表')).toHaveValue('整改台账');
    await dialog.getByRole('button', { name: '检查' }).click();

    // Nothing exists yet: every row names the fix, and nothing can be imported until it is chosen.
    await expect(dialog.locator('[data-row="4"]')).toContainText('没有序号为 1 的问题：勾选“创建文件中的新问题”，或先导入问题表');
    await expect(dialog.getByRole('button', { name: '导入 0 行' })).toBeDisabled();
    await dialog.getByLabel('创建文件中的新问题（连同它们的方面和责任单位）').check();
    await expect(dialog.getByTestId('import-creates')).toHaveText('将新建 3 个问题、8 条措施、7 个责任单位，以及 2 个方面');
    await expect(dialog.locator('[data-row="6"] [data-col="problem"]')).toHaveText('1. 对《优化营商环境条例》宣传不够深入，部分市场主体知晓率低（新建）');
    await expect(dialog.locator('[data-row="6"] [data-col="departments"]')).toHaveText('市政务服务和大数据管理局（新建）、市司法局（新建）');
    await dialog.getByRole('button', { name: '导入 8 行' }).click();
    await expect(page.getByText('已导入 20 条记录')).toBeVisible();
    // An administrator at a desk opens on 总览; the ledger is one tab away.
    await page.locator('nav.tabs').getByRole('button', { name: '台账', exact: true }).click();
    await expect(page.getByText('共 8 条措施')).toBeVisible();

    const measures = await exported(page, '全部整改措施（全部字段，可再导入）');
    expect(measures.map((m) => [Number(m['问题序号']), m['整改措施'], m['牵头单位'], m['配合单位'], m['责任人'], m['整改时限'], m['整改状态'], m['最新进展']])).toEqual(
      expectedMeasures.map(([n, title, lead, cooperating, owner, deadline, status, note]) => [n, title, lead, cooperating.join('、'), owner, deadline ?? '', statusLabel[status], note]),
    );
    const problems = await exported(page, '全部问题（全部字段，可再导入）');
    expect(problems.map((p) => ({ number: Number(p['序号']), area: p['方面'], title: p['问题'], lead: p['牵头单位'], cooperating: p['配合单位']!.split('、') }))).toEqual(expectedProblems);
    const units = await exported(page, '全部责任单位');
    expect(units.map((u) => u['单位名称']).sort()).toEqual([...expectedUnits].sort());
    expect(new Set(problems.map((p) => p['方面']))).toEqual(new Set(expectedAreas));

    // An installation that holds data is never offered the sample: another device opens on the imported ledger.
    await expect(page.getByTestId('sync-status')).toHaveText('已同步', { timeout: 20_000 });
    const other = await page.context().browser()!.newPage({ baseURL: new URL(page.url()).origin });
    await other.goto('/');
    await signIn(other);
    await other.locator('nav.tabs').getByRole('button', { name: '台账', exact: true }).click();
    await expect(other.getByText('共 8 条措施')).toBeVisible();
    await expect(other.getByRole('heading', { name: '开始使用整改台账' })).toHaveCount(0);
    await other.close();
  });
}

test('a blank start leaves the new installation empty, and the sample is never loaded unasked', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByLabel('用户名')).toBeVisible();
  await signIn(page, undefined, '空白台账');
  await page.locator('nav.tabs').getByRole('button', { name: '台账', exact: true }).click();
  await expect(page.getByText('共 0 条措施')).toBeVisible();
  await page.reload();
  // Still empty after a reload; the choice is made once per device.
  await expect(page.getByText('共 0 条措施')).toBeVisible();
  await expect(page.getByRole('heading', { name: '开始使用整改台账' })).toHaveCount(0);
  const pulled = (await (await page.context().request.get('/api/sync/pull?after=0&limit=1000')).json()) as { records: unknown[] };
  expect(pulled.records).toEqual([]);
});
