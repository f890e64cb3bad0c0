// What a user sees of the grids' look: status chips and progress bars, read-only cells that say why, a grouped
// toolbar that does not wrap its words, the 导出 ▾ menu by keyboard, one toast at a time, fill down with 撤销.
import type { Locator, Page } from '@playwright/test';
import { sampleId } from '../../src/shared/model/ids.ts';
import { expect, test } from './support/fixtures.ts';
import { cell, focusCell, goTo, measureId, openLedger, showRow, typeInto } from './support/ledger-page.ts';

const GRID = 'ledger-grid';
const toast = (page: Page) => page.getByTestId('toast');

/** Header texts cut short (an ellipsis, or words past the cell's edge) in the grid shown. */
async function clippedHeaders(page: Page, grid: string): Promise<string[]> {
  return page.locator(`[data-testid="${grid}"] .ag-header-cell-text`).evaluateAll((els) => els.filter((el) => el.scrollWidth > el.clientWidth + 1).map((el) => el.textContent ?? ''));
}

/** Buttons of the toolbar taller than one line of their text (their words wrapped). */
async function wrappedButtons(toolbar: Locator): Promise<string[]> {
  return toolbar.locator('button, select, label').evaluateAll((els) =>
    els.filter((el) => {
      const style = getComputedStyle(el);
      const oneLine = parseFloat(style.lineHeight) + parseFloat(style.paddingTop) + parseFloat(style.paddingBottom) + parseFloat(style.borderTopWidth) + parseFloat(style.borderBottomWidth);
      return el.getBoundingClientRect().height > Math.max(oneLine, parseFloat(style.minHeight) || 0) + 1;
    }).map((el) => el.textContent ?? ''),
  );
}

test('status as coloured chips with their words, progress as a bar with its number, headers not clipped', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openLedger(page);
  // A second status in the sample: one measure set 整改中 through the editor.
  await cell(page, GRID, measureId(1, 2), 'status').dblclick();
  await page.locator('.select-editor__filter').fill('整改中');
  await page.keyboard.press('Enter');
  await expect(cell(page, GRID, measureId(1, 2), 'status').locator('.status-chip')).toHaveText('整改中');

  const chips = await page.locator(`[data-testid="${GRID}"] .status-chip`).evaluateAll((els) => els.map((el) => ({ text: el.textContent ?? '', colour: getComputedStyle(el).backgroundColor })));
  const colourOf = new Map<string, Set<string>>();
  for (const chip of chips) colourOf.set(chip.text, (colourOf.get(chip.text) ?? new Set()).add(chip.colour));
  expect([...colourOf.keys()]).toContain('整改中');
  expect(colourOf.size).toBeGreaterThanOrEqual(3);
  // One colour per status, and no two statuses alike.
  for (const colours of colourOf.values()) expect(colours.size).toBe(1);
  expect(new Set(chips.map((c) => c.colour)).size).toBe(colourOf.size);

  await typeInto(page, cell(page, GRID, measureId(1, 2), 'progress'), '65');
  const bar = cell(page, GRID, measureId(1, 2), 'progress').getByRole('progressbar');
  await expect(bar).toHaveAttribute('aria-valuenow', '65');
  await expect(bar).toHaveAccessibleName('整改进度 65%');
  await expect(cell(page, GRID, measureId(1, 2), 'progress')).toHaveText('65');
  const fill = await bar.evaluate((el) => (el.firstElementChild as HTMLElement).getBoundingClientRect().width / el.getBoundingClientRect().width);
  expect(fill).toBeCloseTo(0.65, 1);

  // A status the list does not offer is explained, not an empty list.
  await cell(page, GRID, measureId(1, 2), 'status').dblclick();
  await page.locator('.select-editor__filter').fill('已销号');
  await expect(page.locator('.select-editor__note')).toHaveText('不能改为“已销号”：整改状态不能从“整改中”直接改为“已销号”');
  await page.keyboard.press('Escape');

  expect(await clippedHeaders(page, GRID)).toEqual([]);
  for (const [tab, grid] of [['问题', 'problems-grid'], ['责任单位', 'departments-grid'], ['矩阵', 'matrix-grid']] as const) {
    await goTo(page, tab);
    await expect(page.locator(`[data-testid="${grid}"] .ag-row`).first()).toBeVisible();
    expect(await clippedHeaders(page, grid), tab).toEqual([]);
  }
  await goTo(page, '问题');
  await expect(page.getByTestId('grid-count')).toHaveText('共 10 个问题');
  await page.getByRole('searchbox', { name: '快速搜索…' }).fill('惠企政策宣传不够');
  await expect(page.getByTestId('grid-count')).toHaveText(/^显示 [1-9] \/ 共 10 个$/);
  await goTo(page, '责任单位');
  await expect(page.getByTestId('grid-count')).toHaveText(/^共 \d+ 个责任单位$/);

  await goTo(page, '台账');
  // The longest English status on screen, to see it whole.
  await cell(page, GRID, measureId(1, 3), 'status').dblclick();
  await page.locator('.select-editor__filter').fill('未启动');
  await page.keyboard.press('Enter');
  await expect(cell(page, GRID, measureId(1, 3), 'status')).toHaveText('未启动');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator(`[data-testid="${GRID}"] .ag-row`).first()).toBeVisible();
  expect(await clippedHeaders(page, GRID)).toEqual([]);
  const notStarted = cell(page, GRID, measureId(1, 3), 'status').locator('.status-chip');
  await expect(notStarted).toHaveText('Not started');
  expect(await notStarted.evaluate((el) => el.getBoundingClientRect().right <= (el.closest('.ag-cell') as HTMLElement).getBoundingClientRect().right)).toBe(true);
});

test('the toolbar keeps its words on one line at 1440, 820 and 768 px, and 导出 ▾ is a menu reached by keyboard', async ({ page }) => {
  await openLedger(page);
  const toolbar = page.getByRole('toolbar');
  for (const width of [1440, 820, 768]) {
    await page.setViewportSize({ width, height: 900 });
    await expect(toolbar.getByRole('button', { name: '向下填充' })).toBeVisible();
    expect(await wrappedButtons(toolbar), `${width} px`).toEqual([]);
  }
  await expect(toolbar.getByRole('button', { name: '向下填充' })).toHaveAttribute('title', /Ctrl\+D/);
  await expect(page.getByRole('group', { name: '选择与批量操作' }).getByRole('button')).toHaveText(['全选', '删除', '向下填充', '批量修改…', '修改记录']);

  const exportButton = toolbar.getByRole('button', { name: '导出' });
  await expect(exportButton).toHaveAttribute('aria-haspopup', 'menu');
  await exportButton.focus();
  await page.keyboard.press('Enter');
  const menu = page.getByRole('menu');
  await expect(menu.getByRole('menuitem', { name: '导出 CSV' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitem', { name: '导出 Excel' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await expect(exportButton).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitem', { name: '导出 CSV' })).toBeFocused();
  const download = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  expect((await download).suggestedFilename()).toMatch(/^整改措施-\d{4}-\d{2}-\d{2}\.csv$/);
  await expect(menu).toHaveCount(0);
});

test('one toast at a time; fill down confirms 已修改 2 行 with a 撤销 that undoes it', async ({ page }) => {
  await openLedger(page);
  await typeInto(page, cell(page, GRID, measureId(1, 1), 'owner'), '张三');
  // Two messages in a row: the second replaces the first.
  await page.getByRole('button', { name: '向下填充' }).click();
  await expect(toast(page)).toHaveText(/请先勾选要填充的行/);
  await page.getByRole('button', { name: '批量修改…' }).click();
  await expect(toast(page)).toHaveCount(1);
  await expect(toast(page)).toHaveText(/请先勾选要修改的行/);

  for (const id of [measureId(1, 2), measureId(1, 3)]) await page.locator(`[data-testid="${GRID}"] .ag-row[row-id="${id}"] input[type="checkbox"]`).first().check();
  await focusCell(page, cell(page, GRID, measureId(1, 1), 'owner'));
  await page.keyboard.press('Control+d');
  await expect(toast(page)).toHaveCount(1);
  await expect(toast(page).locator('.toast__text')).toHaveText('已修改 2 行');
  await expect(cell(page, GRID, measureId(1, 3), 'owner')).toHaveText('张三');
  const undo = toast(page).getByRole('button', { name: '撤销' });
  await expect(undo).toHaveAttribute('title', /Ctrl\+Z/);
  await undo.click();
  await expect(cell(page, GRID, measureId(1, 2), 'owner')).toHaveText('');
  await expect(cell(page, GRID, measureId(1, 3), 'owner')).toHaveText('');
  // Only the fill was undone, not the typed value it copied.
  await expect(cell(page, GRID, measureId(1, 1), 'owner')).toHaveText('张三');
});

test('a staff member sees another unit’s cells locked, hears why, and is told why when typing into one', async ({ browser, page }) => {
  await openLedger(page);
  const made = await page.context().request.post('/api/users', {
    headers: { 'x-ledger-request': '1' },
    data: { username: 'zhao', password: 'zhao-password-1', displayName: '赵敏', role: 'staff', departmentIds: [sampleId('department:市财政局')] },
  });
  expect(made.status()).toBe(201);
  const staff = await (await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } })).newPage();
  await openLedger(staff, '/', { username: 'zhao', password: 'zhao-password-1' });

  const locked = cell(staff, GRID, measureId(1, 1), 'owner');
  await expect(locked).toHaveClass(/cell--locked/);
  await expect(locked).toHaveAttribute('aria-readonly', 'true');
  await expect(locked).toHaveAttribute('title', '只读 · 其他单位牵头');
  const lead = (await cell(staff, GRID, measureId(1, 1), 'leadDepartmentId').innerText()).trim();
  await focusCell(staff, locked);
  await expect(staff.locator('textarea.keyboard-proxy')).toHaveAttribute('aria-label', /只读 · 其他单位牵头/);
  await staff.keyboard.type('x');
  await expect(toast(staff)).toHaveText(new RegExp(`不能修改“责任人”：此措施由其他单位（${lead}）牵头`));
  await expect(locked).toHaveText('');
  // A coordinator's field of the unit's own measure: 需要协调员.
  await showRow(staff, GRID, measureId(8, 1));
  await focusCell(staff, cell(staff, GRID, measureId(8, 1), 'deadline'));
  await staff.keyboard.press('Delete');
  await expect(toast(staff)).toHaveText(/不能修改“整改时限”：需要协调员修改/);
  await expect(toast(staff)).toHaveCount(1);
});

test('我的部门 for an account without units says why it is empty', async ({ browser, page }) => {
  await openLedger(page);
  const made = await page.context().request.post('/api/users', {
    headers: { 'x-ledger-request': '1' },
    data: { username: 'qian', password: 'qian-password-1', displayName: '钱进', role: 'viewer', departmentIds: [] },
  });
  expect(made.status()).toBe(201);
  const viewer = await (await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } })).newPage();
  await openLedger(viewer, '/', { username: 'qian', password: 'qian-password-1' });
  await viewer.getByRole('combobox', { name: '视图' }).selectOption({ label: '我的部门' });
  await expect(viewer.locator(`[data-testid="${GRID}"] .ag-overlay`)).toContainText('您的账号没有关联任何责任单位');
  await expect(viewer.getByTestId('grid-count')).toHaveText(/^显示 0 \/ 共 \d+ 条$/);
});
