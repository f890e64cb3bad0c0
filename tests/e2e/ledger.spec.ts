// The ledger in a real browser: sample data on first start, edits that persist, refusals that change nothing.
import { expect, test } from './support/fixtures.ts';
import { addMeasureUnderProblem8, cell, focusCell, goTo, measureId, openLedger, problemId, rowsText, SAMPLE, shownText, showRow, typeInto } from './support/ledger-page.ts';

test('shows the seed’s ledger on first start', async ({ page }) => {
  await openLedger(page);
  await expect(page.getByText(rowsText(SAMPLE.measures))).toBeVisible();
  await expect(cell(page, 'ledger-grid', measureId(1, 1), 'problemTitle')).toHaveText('《条例》和惠企政策宣传不够');
  await showRow(page, 'ledger-grid', measureId(3, 2));
  await expect(cell(page, 'ledger-grid', measureId(3, 2), 'leadDepartmentId')).toHaveText('国网商丘供电公司');
  await expect(cell(page, 'ledger-grid', measureId(3, 2), 'source')).toHaveText('附件1 汇总表（第118行）；报告正文（第61行）');
  // The report's own figures (报告口径) and the documents the ledger rests on, read-only, with their sources.
  await page.getByRole('button', { name: '报告口径' }).click();
  const info = page.getByRole('dialog', { name: '台账信息与报告口径' });
  await expect(info.getByTestId('ledger-info-documents')).toContainText('商人常审〔2021〕13号');
  await expect(info.getByTestId('ledger-info-documents')).toContainText('商人常办〔2022〕27号');
  await expect(info.getByTestId('ledger-info-figures').locator('tr', { hasText: '已出台整改政策措施' })).toContainText(/56 项.*已出台整改政策措施56项.*2022-11-02.*报告正文（第13行）/);
  // 责任事项 as the report body words it (1100 余项) and as the 发展改革委's report does (1150 项).
  await expect(info.getByTestId('ledger-info-figures').locator('tr', { hasText: /^责任事项1,100 项/ })).toContainText('1100余项责任事项2022-11-02报告正文（第21行）');
  await expect(info.getByTestId('ledger-info-figures').locator('tr', { hasText: /^责任事项1,150 项/ })).toContainText('附件2 商丘市发展和改革委员会报告（第155行）');
  await info.getByRole('button', { name: '关闭' }).click();
  await expect(info).toHaveCount(0);
});

test('keeps a cell edit across a reload', async ({ page }) => {
  await openLedger(page);
  await showRow(page, 'ledger-grid', measureId(2, 1));
  const owner = cell(page, 'ledger-grid', measureId(2, 1), 'owner');
  await typeInto(page, owner, '王芳');
  await expect(owner).toHaveText('王芳');
  await page.reload();
  await showRow(page, 'ledger-grid', measureId(2, 1));
  await expect(cell(page, 'ledger-grid', measureId(2, 1), 'owner')).toHaveText('王芳');
  await expect(cell(page, 'ledger-grid', measureId(2, 1), 'updatedBy')).toHaveText('管理员');
});

test('keeps the first keystroke of a Chinese IME composition that starts the edit', async ({ page }) => {
  await openLedger(page);
  const owner = cell(page, 'ledger-grid', measureId(1, 2), 'owner');
  await focusCell(page, owner);
  const cdp = await page.context().newCDPSession(page);
  // Pinyin "wo" composed into 我: the first letter must reach the IME, not be swallowed by the grid.
  await cdp.send('Input.imeSetComposition', { text: 'w', selectionStart: 1, selectionEnd: 1 });
  await cdp.send('Input.imeSetComposition', { text: 'wo', selectionStart: 2, selectionEnd: 2 });
  await cdp.send('Input.insertText', { text: '我' });
  await cdp.send('Input.imeSetComposition', { text: 'men', selectionStart: 3, selectionEnd: 3 });
  await cdp.send('Input.insertText', { text: '们' });
  await page.keyboard.press('Enter');
  await expect(owner).toHaveText('我们');
});

test('refuses an invalid date with a message naming row and field, and saves nothing', async ({ page }) => {
  await openLedger(page);
  await showRow(page, 'ledger-grid', measureId(4, 1));
  const deadline = cell(page, 'ledger-grid', measureId(4, 1), 'deadline');
  await typeInto(page, deadline, '2022-02-30');
  await expect(page.getByRole('alert')).toContainText('整改时限');
  await expect(page.getByRole('alert')).toContainText('提升金融支持小微企业服务能力');
  await expect(deadline).toHaveText('');
  await typeInto(page, deadline, '2022年12月31日');
  await expect(deadline).toHaveText('2022-12-31');
  await page.reload();
  await showRow(page, 'ledger-grid', measureId(4, 1));
  await expect(cell(page, 'ledger-grid', measureId(4, 1), 'deadline')).toHaveText('2022-12-31');
});

test('refuses closing (销号) a measure that is not completed', async ({ page }) => {
  await openLedger(page);
  // 5:2. is under way in the seed (5:1. is reported done).
  await showRow(page, 'ledger-grid', measureId(5, 2));
  const status = cell(page, 'ledger-grid', measureId(5, 2), 'status');
  await expect(status).toHaveText('整改中');
  await status.dblclick();
  // Only the statuses the lifecycle allows are offered.
  await expect(page.getByRole('option', { name: '整改中' })).toBeVisible();
  await expect(page.getByRole('option', { name: '已销号' })).toHaveCount(0);
  await page.getByRole('option', { name: '已完成' }).click();
  await expect(status).toHaveText('已完成');
  await expect(cell(page, 'ledger-grid', measureId(5, 2), 'progress')).toHaveText('100');
  // Done, it still cannot be closed from the list: 销号 goes through 核实销号 (申请销号 → 通过).
  await status.dblclick();
  await expect(page.getByRole('option', { name: '已完成' })).toBeVisible();
  await expect(page.getByRole('option', { name: '已销号' })).toHaveCount(0);
  await page.keyboard.press('Escape');
});

test('deletes selected measures after confirmation, and undoes it', async ({ page }) => {
  await openLedger(page);
  await showRow(page, 'ledger-grid', measureId(2, 3));
  const row = page.locator(`[data-testid="ledger-grid"] .ag-row[row-id="${measureId(2, 3)}"]`);
  await row.locator('.ag-selection-checkbox input, input[type="checkbox"]').first().check();
  await page.getByRole('button', { name: '删除', exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: '删除' }).click();
  await expect(page.getByText(rowsText(SAMPLE.measures - 1))).toBeVisible();
  await page.locator('.toast').getByRole('button', { name: '撤销' }).click();
  await expect(page.getByText(rowsText(SAMPLE.measures))).toBeVisible();
  await page.reload();
  await expect(page.getByText(rowsText(SAMPLE.measures))).toBeVisible();
});

test('adds a measure under the focused problem and opens its title for typing', async ({ page }) => {
  await openLedger(page);
  await expect(await addMeasureUnderProblem8(page, '建立土地历史遗留问题台账')).toBeVisible();
  await page.reload();
  await page.getByRole('searchbox').fill('土地历史遗留问题台账');
  await expect(page.getByText(shownText(1, SAMPLE.measures + 1))).toBeVisible();
  await expect(page.locator('[data-testid="ledger-grid"] .ag-cell[col-id="title"]', { hasText: '建立土地历史遗留问题台账' })).toBeVisible();
  await expect(page.locator('[data-testid="ledger-grid"] .ag-cell[col-id="problemNumber"]')).toHaveText('8');
});

test('edits a long text in the popup editor, keeping line breaks', async ({ page }) => {
  await openLedger(page);
  // The first sync changes the header as it ends; a double click while the page moves can land on another row.
  await expect(page.getByTestId('sync-status')).toHaveText('已同步', { timeout: 20_000 });
  await goTo(page, '问题');
  const review = cell(page, 'problems-grid', problemId(2), 'reviewOpinions');
  await review.dblclick();
  const editor = page.locator('textarea.cell-editor--multiline');
  await expect(editor).toBeFocused();
  await expect(review).toHaveClass(/ag-cell-popup-editing|ag-cell-inline-editing/);
  await editor.fill('第一条意见');
  await editor.press('Alt+Enter');
  await editor.pressSequentially('第二条意见');
  await editor.press('Enter');
  await expect(review).toContainText('第一条意见');
  await page.reload();
  await review.dblclick();
  await expect(page.locator('textarea.cell-editor--multiline')).toHaveValue('第一条意见\n第二条意见');
});

test('changes a role in the matrix and shows it in the problems grid', async ({ page }) => {
  await openLedger(page);
  await goTo(page, '矩阵');
  const grid = page.locator('[data-testid="matrix-grid"]');
  await expect(grid.locator('.ag-row').first()).toBeVisible();
  const row = grid.locator(`.ag-row[row-id="${problemId(9)}"]`);
  const colId = await grid.locator('.ag-header-cell', { hasText: '科技局' }).first().getAttribute('col-id');
  const target = row.locator(`.ag-cell[col-id="${colId}"]`);
  await target.scrollIntoViewIfNeeded();
  // 附件1 does not list the 科技局 under problem 9; its own report answers it (人才): 涉及, marked so.
  await expect(target).toContainText('涉及');
  await expect(target.locator('.matrix-cell__mark')).toHaveText('据报告');
  await target.dblclick();
  await page.getByRole('option', { name: '配合', exact: true }).click();
  await expect(target).toContainText('配合');
  await expect(target.locator('.matrix-cell__mark')).toHaveCount(0);
  await goTo(page, '问题');
  await expect(cell(page, 'problems-grid', problemId(9), 'cooperatingDepartmentIds')).toHaveText('市科技局');
  await expect(cell(page, 'problems-grid', problemId(9), 'involvedDepartmentIds')).toHaveText('');
  await goTo(page, '矩阵');
  const lead = page.locator(`[data-testid="matrix-grid"] .ag-row[row-id="${problemId(9)}"] .ag-cell`, { has: page.locator('.matrix-cell__role', { hasText: /^牵头$/ }) }).first();
  // 人社局 leads 附件1's 4 measures of problem 9 and 8 of its own report; none is reported done.
  await expect(lead).toContainText('0/12 已完成');
});

test('switches the whole interface, grid included, to English', async ({ page }) => {
  await openLedger(page);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('button', { name: 'Ledger' })).toBeVisible();
  await expect(page.locator('[data-testid="ledger-grid"] .ag-header-cell[col-id="deadline"]', { hasText: 'Deadline' })).toBeVisible();
  await expect(cell(page, 'ledger-grid', measureId(1, 1), 'status')).toHaveText('Completed');
  await expect(cell(page, 'ledger-grid', measureId(1, 2), 'status')).toHaveText('In progress');
  await page.reload();
  await expect(page.getByRole('button', { name: '中文' })).toBeVisible();
});
