// Coordinators' spreadsheet moves on the Community grid: paste from Excel, fill down, bulk set, copy,
// undo/redo of every kind of change, and saved views.
import type { Page } from '@playwright/test';
import { todayIso } from '../../src/shared/model/dates.ts';
import { expect, test } from './support/fixtures.ts';
import { cell, focusCell, goTo, measureId, openLedger, problemId, reportMeasureId, rowsText, SAMPLE, shownText, showRow, typeInto } from './support/ledger-page.ts';

const GRID = 'ledger-grid';

/** Pastes text at the focused cell as the browser would on Ctrl+V (a paste event carrying the clipboard). */
async function paste(page: Page, text: string): Promise<void> {
  await page.evaluate((data) => {
    const clipboardData = new DataTransfer();
    clipboardData.setData('text/plain', data);
    document.activeElement?.dispatchEvent(new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true }));
  }, text);
}

/** What Ctrl+C puts on the clipboard: the text selected when the browser's copy runs. */
async function copy(page: Page): Promise<string> {
  await page.evaluate(() => {
    document.addEventListener('copy', (e) => ((window as unknown as { copied: string }).copied = e.clipboardData?.getData('text/plain') ?? ''), { once: true });
  });
  await page.keyboard.press('Control+c');
  return page.evaluate(() => (window as unknown as { copied: string }).copied);
}

/** The ids of the rows as the grid displays them, top first. */
function displayedIds(page: Page): Promise<string[]> {
  return page.evaluate((grid) => {
    const rows = new Map<number, string>();
    for (const el of document.querySelectorAll(`[data-testid="${grid}"] .ag-row[row-index][row-id]`)) rows.set(Number(el.getAttribute('row-index')), el.getAttribute('row-id') ?? '');
    return [...rows.entries()].sort((a, b) => a[0] - b[0]).map(([, id]) => id);
  }, GRID);
}

async function tick(page: Page, id: string): Promise<void> {
  await showRow(page, GRID, id);
  await page.locator(`[data-testid="${GRID}"] .ag-row[row-id="${id}"] input[type="checkbox"]`).first().check();
}
const undoButton = (page: Page) => page.locator('.undo-controls').getByRole('button', { name: '撤销' });
const redoButton = (page: Page) => page.locator('.undo-controls').getByRole('button', { name: '重做' });

test('pastes a 3×4 block from Excel into a sorted, filtered grid, cell for cell; undo and redo restore it whole', async ({ page }) => {
  await openLedger(page);
  await page.getByRole('searchbox').fill('营商');
  await page.locator(`[data-testid="${GRID}"] .ag-header-cell[col-id="title"]`).click();
  await expect(page.locator(`[data-testid="${GRID}"] .ag-header-cell[col-id="title"]`)).toHaveAttribute('aria-sort', 'ascending');
  const ids = await displayedIds(page);
  expect(ids.length).toBeGreaterThan(3);
  const columns = ['progress', 'progressNote', 'progressNoteDate', 'cooperatingDepartmentIds'];
  // What the sample holds there before the paste (some of its rows are reported done: progress 100).
  const texts = () => Promise.all(ids.slice(0, 4).map((id) => Promise.all(columns.map((col) => cell(page, GRID, id, col).innerText()))));
  const before = await texts();
  await focusCell(page, cell(page, GRID, ids[0]!, 'progress'));
  await paste(page, '30\t"第一行\r\n第二行"\t2022/11/2\t市财政局、市税务局\r\n40\t简单进展\t2022年11月3日\t市财政局\r\n50\t进展三\t2022-11-04\t\r\n');
  // The last cell is empty, as it was: 11 cells change.
  await expect(page.getByText('已粘贴 11 个单元格')).toBeVisible();

  const expected = [
    ['30', '第一行', '2022-11-02', '市财政局、市税务局'],
    ['40', '简单进展', '2022-11-03', '市财政局'],
    ['50', '进展三', '2022-11-04', ''],
  ];
  const check = async (values: string[][]) => {
    for (const [r, row] of values.entries()) {
      for (const [c, col] of columns.entries()) await expect(cell(page, GRID, ids[r]!, col)).toContainText(row[c]!);
    }
  };
  await check(expected);
  await expect(cell(page, GRID, ids[0]!, 'progressNote')).toContainText('第二行');
  // The row below the block is untouched.
  expect((await texts())[3]).toEqual(before[3]);

  await page.keyboard.press('Control+z');
  await expect.poll(texts).toEqual(before);
  await page.keyboard.press('Control+y');
  await check(expected);
});

test('a paste with an invalid cell lists it, and applies the valid cells or none', async ({ page }) => {
  await openLedger(page);
  const first = cell(page, GRID, measureId(1, 1), 'deadline');
  const second = cell(page, GRID, measureId(1, 2), 'deadline');
  await focusCell(page, first);
  await paste(page, '2022-12-31\n2022-02-30\n');
  const dialog = page.getByRole('dialog', { name: '粘贴' });
  await expect(dialog.getByTestId('bulk-summary')).toHaveText('可修改 1 个单元格；1 个被拒绝；0 个不可编辑，已跳过');
  await expect(dialog.getByTestId('bulk-refused').locator('tbody tr')).toHaveCount(1);
  await expect(dialog.getByTestId('bulk-refused')).toContainText(/第 2 行整改措施“.+”\s*整改时限\s*不是有效日期/);
  await dialog.getByRole('button', { name: '取消' }).click();
  await expect(first).toHaveText('');

  await focusCell(page, first);
  await paste(page, '2022-12-31\n2022-02-30\n');
  await page.getByRole('dialog', { name: '粘贴' }).getByRole('button', { name: '只应用有效的 1 个单元格' }).click();
  await expect(first).toHaveText('2022-12-31');
  await expect(second).toHaveText('');
});

test('a paste longer than the rows below offers to add measures for the rest', async ({ page }) => {
  await openLedger(page);
  // The last row of the ledger: the last next step of the 公安局's report, under problem 10.
  const lastId = reportMeasureId('附件5:下一步（三）');
  await page.locator(`[data-testid="${GRID}"]`).hover();
  await page.mouse.wheel(0, 10_000);
  await focusCell(page, cell(page, GRID, lastId, 'title'));
  await paste(page, '已有行的新标题\n新增措施甲\n新增措施乙\n');
  const dialog = page.getByRole('dialog', { name: '粘贴' });
  await expect(dialog).toContainText('内容比下方的行多 2 行：新增 2 行来放');
  await dialog.getByRole('button', { name: '应用（3 个单元格）' }).click();
  await expect(page.getByText(rowsText(SAMPLE.measures + 2))).toBeVisible();
  await expect(cell(page, GRID, lastId, 'title')).toHaveText('已有行的新标题');
  await expect(page.locator(`[data-testid="${GRID}"] .ag-cell[col-id="title"]`, { hasText: '新增措施乙' })).toBeVisible();
  await undoButton(page).click();
  await expect(page.getByText(rowsText(SAMPLE.measures))).toBeVisible();
});

test('fills down into the ticked rows with Ctrl+D, copies rows and cells as TSV, and undoes the fill', async ({ page }) => {
  await openLedger(page);
  await typeInto(page, cell(page, GRID, measureId(1, 1), 'owner'), '张三');
  await tick(page, measureId(1, 2));
  await tick(page, measureId(2, 1));
  // Problem 2's rows lie some way below problem 1's: back up to the source row.
  await showRow(page, GRID, measureId(1, 1));
  await focusCell(page, cell(page, GRID, measureId(1, 1), 'owner'));
  await page.keyboard.press('Control+d');
  await expect(page.getByText('已修改 2 行')).toBeVisible();
  await expect(cell(page, GRID, measureId(1, 2), 'owner')).toHaveText('张三');
  await expect(cell(page, GRID, measureId(1, 3), 'owner')).toHaveText('');
  await showRow(page, GRID, measureId(2, 1));
  await expect(cell(page, GRID, measureId(2, 1), 'owner')).toHaveText('张三');

  const rows = (await copy(page)).split('\r\n').map((line) => line.split('\t'));
  const columns = await page.evaluate((grid) => [...new Set([...document.querySelectorAll(`[data-testid="${grid}"] .ag-header-cell[col-id]`)].map((h) => h.getAttribute('col-id')))].filter((id) => !id?.startsWith('ag-Grid')), GRID);
  expect(rows).toHaveLength(2);
  expect(rows.map((r) => r.length)).toEqual([columns.length, columns.length]);
  expect(rows.map((r) => [r[0], r[columns.indexOf('owner')], r[columns.indexOf('status')]])).toEqual([
    ['1', '张三', '整改中'],
    ['2', '张三', '整改中'],
  ]);

  await page.getByRole('button', { name: '取消选择' }).click();
  await showRow(page, GRID, measureId(1, 1));
  await focusCell(page, cell(page, GRID, measureId(1, 1), 'owner'));
  expect(await copy(page)).toBe('张三');

  await undoButton(page).click();
  await expect(cell(page, GRID, measureId(1, 2), 'owner')).toHaveText('');
  await expect(cell(page, GRID, measureId(1, 1), 'owner')).toHaveText('张三');
  await showRow(page, GRID, measureId(2, 1));
  await expect(cell(page, GRID, measureId(2, 1), 'owner')).toHaveText('');
  await redoButton(page).click();
  await expect(cell(page, GRID, measureId(2, 1), 'owner')).toHaveText('张三');
});

test.describe('on a demonstration server (LEDGER_DEMO=1, which alone makes synthetic rows)', () => {
  test.use({ serverEnv: { LEDGER_DEMO: '1' } });

  test('bulk sets a column on 1,000 ticked rows in one step, and undoes and redoes it', async ({ page }) => {
    await openLedger(page, '/?synthetic=1000');
    await expect(page.getByText('共 1000 条措施')).toBeVisible({ timeout: 30_000 });
    await page.getByRole('button', { name: '全选' }).click();
    await expect(page.getByText('已选 1000 条')).toBeVisible();
    await page.getByRole('button', { name: '批量修改…' }).click();
    const dialog = page.getByRole('dialog', { name: '批量修改' });
    await dialog.getByLabel('列').selectOption({ label: '责任人' });
    await dialog.getByLabel('值').fill('李四');
    await dialog.getByRole('button', { name: '应用到 1000 行' }).click();
    await expect(page.getByText('已修改 1000 行')).toBeVisible({ timeout: 20_000 });
    await expect(cell(page, GRID, measureId(1, 1), 'owner')).toHaveText('李四');

    await undoButton(page).click();
    await expect(cell(page, GRID, measureId(1, 1), 'owner')).toHaveText('');
    await redoButton(page).click();
    await expect(cell(page, GRID, measureId(1, 1), 'owner')).toHaveText('李四');
    await page.reload();
    await expect(cell(page, GRID, measureId(1, 2), 'owner')).toHaveText('李四');
  });
});

test('bulk sets a status from its own list, refusing rows whose lifecycle forbids it', async ({ page }) => {
  await openLedger(page);
  await showRow(page, GRID, measureId(3, 1));
  await typeInto(page, cell(page, GRID, measureId(3, 1), 'status'), '已完成');
  await tick(page, measureId(3, 1));
  await tick(page, measureId(3, 2));
  await page.getByRole('button', { name: '批量修改…' }).click();
  let dialog = page.getByRole('dialog', { name: '批量修改' });
  await dialog.getByLabel('列').selectOption({ label: '整改状态' });
  // 已完成 cannot go back to 未启动; 整改中 can.
  await dialog.getByLabel('值').selectOption({ label: '未启动' });
  await dialog.getByRole('button', { name: '应用到 2 行' }).click();
  dialog = page.getByRole('dialog', { name: '批量修改' });
  await expect(dialog.getByTestId('bulk-refused')).toContainText('整改状态');
  await dialog.getByRole('button', { name: '只应用有效的 1 个单元格' }).click();
  await expect(cell(page, GRID, measureId(3, 1), 'status')).toHaveText('已完成');
  await expect(cell(page, GRID, measureId(3, 2), 'status')).toHaveText('未启动');
});

test('undoes and redoes typed edits, adds, deletes and matrix role changes, each as one step', async ({ page }) => {
  await openLedger(page);
  await showRow(page, GRID, measureId(5, 1));
  const owner = cell(page, GRID, measureId(5, 1), 'owner');
  await typeInto(page, owner, '王五');
  await expect(owner).toHaveText('王五');
  await page.keyboard.press('Control+z');
  await expect(owner).toHaveText('');
  await page.keyboard.press('Control+Shift+z');
  await expect(owner).toHaveText('王五');

  await showRow(page, GRID, measureId(8, 2));
  await cell(page, GRID, measureId(8, 2), 'owner').click();
  await page.getByRole('button', { name: '新增措施' }).click();
  await expect(page.locator('.cell-editor')).toBeFocused();
  await page.locator('.cell-editor').press('Escape');
  await expect(page.getByText(rowsText(SAMPLE.measures + 1))).toBeVisible();
  await undoButton(page).click();
  await expect(page.getByText(rowsText(SAMPLE.measures))).toBeVisible();
  await redoButton(page).click();
  await expect(page.getByText(rowsText(SAMPLE.measures + 1))).toBeVisible();

  await tick(page, measureId(2, 3));
  await page.getByRole('button', { name: '删除', exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: '删除' }).click();
  await expect(page.getByText(rowsText(SAMPLE.measures))).toBeVisible();
  await page.keyboard.press('Control+z');
  await expect(page.getByText(rowsText(SAMPLE.measures + 1))).toBeVisible();

  await goTo(page, '矩阵');
  const grid = page.locator('[data-testid="matrix-grid"]');
  const colId = await grid.locator('.ag-header-cell', { hasText: '科技局' }).first().getAttribute('col-id');
  const target = grid.locator(`.ag-row[row-id="${problemId(9)}"] .ag-cell[col-id="${colId}"]`);
  await target.scrollIntoViewIfNeeded();
  await target.dblclick();
  await page.getByRole('option', { name: '配合', exact: true }).click();
  await expect(target).toContainText('配合');
  await undoButton(page).click();
  await expect(target).not.toContainText('配合');
  await redoButton(page).click();
  await expect(target).toContainText('配合');
});

test('saves a view with its sort and filter, which survives a reload; built-in views filter overdue and this week', async ({ page }) => {
  // Today as the ledger counts days (UTC+8), which is what 本周到期 reads, whatever this machine's zone.
  const iso = todayIso();
  await openLedger(page);
  await showRow(page, GRID, measureId(4, 2));
  await typeInto(page, cell(page, GRID, measureId(4, 1), 'deadline'), '2020-01-01');
  await typeInto(page, cell(page, GRID, measureId(4, 2), 'deadline'), iso);
  const views = page.getByLabel('视图', { exact: true });
  await views.selectOption({ label: '逾期（红灯）' });
  await expect(page.getByText(shownText(SAMPLE.overdue + 1))).toBeVisible();
  await expect(cell(page, GRID, measureId(4, 1), 'deadline')).toHaveText('2020-01-01');
  await views.selectOption({ label: '本周到期' });
  await expect(page.getByText(shownText(1))).toBeVisible();
  await expect(cell(page, GRID, measureId(4, 2), 'deadline')).toHaveText(iso);

  await page.locator(`[data-testid="${GRID}"] .ag-header-cell[col-id="owner"]`).click();
  await page.getByRole('button', { name: '保存视图…' }).click();
  await page.getByLabel('视图名称').fill('本周要办');
  await page.getByRole('dialog', { name: '保存视图' }).getByRole('button', { name: '保存' }).click();
  await views.selectOption({ label: '全部' });
  await expect(page.getByText(rowsText(SAMPLE.measures))).toBeVisible();
  await views.selectOption({ label: '本周要办' });
  await expect(page.getByText(shownText(1))).toBeVisible();

  await page.reload();
  await expect(page.getByText(shownText(1))).toBeVisible();
  await expect(views).toHaveValue('saved:本周要办');
  await expect(page.locator(`[data-testid="${GRID}"] .ag-header-cell[col-id="owner"]`)).toHaveAttribute('aria-sort', 'ascending');
});
