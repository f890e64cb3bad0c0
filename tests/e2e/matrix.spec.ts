// The matrix reads like a table a coordinator would draw: 市政府 first, then units by kind and workload, by short
// name; problems under their area's row; totals per unit and per problem; units without a role can be hidden.
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures.ts';
import { goTo, openLedger, problemId, SAMPLE } from './support/ledger-page.ts';

test.use({ viewport: { width: 1440, height: 1400 } });

const GRID = '[data-testid="matrix-grid"]';

/** The units' columns in their visual order: col-id, header text, and the totals row's count. */
async function unitColumns(page: Page): Promise<{ id: string; name: string; total: number }[]> {
  const headers = await page.locator(`${GRID} .ag-header-row-column .ag-header-cell[col-id]`).evaluateAll((cells) =>
    cells.map((c) => ({ id: c.getAttribute('col-id') ?? '', name: c.textContent?.trim() ?? '', index: Number(c.getAttribute('aria-colindex')) })),
  );
  const units = headers.filter((h) => !['number', 'title', 'matrix-units'].includes(h.id)).sort((a, b) => a.index - b.index);
  const totals = page.locator(`${GRID} .ag-row-pinned[row-id="matrix-totals"]`);
  return Promise.all(
    units.map(async (u) => ({ id: u.id, name: u.name, total: Number(((await totals.locator(`.ag-cell[col-id="${u.id}"]`).textContent()) ?? '').replace(/\D/g, '')) })),
  );
}

test('orders units 市政府 first then by kind and workload, groups problems by area, totals both ways, hides idle units', async ({ page }) => {
  await openLedger(page);
  await goTo(page, '矩阵');
  await expect(page.locator(`${GRID} .ag-row[row-id="${problemId(1)}"]`).first()).toBeVisible();

  const columns = await unitColumns(page);
  expect(columns.length).toBe(SAMPLE.departments);
  // Short names throughout, 市政府 first; the responsible units (up to 营商办, which coordinates) busiest first.
  expect(columns[0]!.name).toBe('市政府');
  expect(columns.map((c) => c.name)).not.toContain('商丘市人民政府');
  const office = columns.findIndex((c) => c.name === '营商办');
  expect(office).toBeGreaterThan(5);
  const responsible = columns.slice(1, office).map((c) => c.total);
  expect(responsible).toEqual([...responsible].sort((a, b) => b - a));
  expect(responsible[0]).toBeGreaterThan(responsible.at(-1)!);
  expect(columns.slice(office).map((c) => c.name)).toContain('督查室');

  // The first row is an area's group row; problem 1 follows it.
  const areaRows = page.locator(`${GRID} [data-testid="matrix-area"]`);
  await expect(areaRows.first()).toHaveText(/^.+（\d+ 个问题）$/);
  const rowIndex = (locator: ReturnType<Page['locator']>) => locator.locator('xpath=ancestor-or-self::*[@row-index][1]').first().getAttribute('row-index');
  expect(await rowIndex(areaRows.first())).toBe('0');
  expect(await rowIndex(page.locator(`${GRID} .ag-row[row-id="${problemId(1)}"]`))).toBe('1');
  const areaCounts = (await areaRows.allTextContents()).map((text) => Number(/（(\d+) 个问题）/.exec(text)![1]));
  expect(areaCounts.reduce((a, b) => a + b, 0)).toBe(SAMPLE.problems);

  // Totals: 市政府's column counts the problems it holds a role on; problem 1's row counts its units.
  const gov = columns[0]!;
  const govRoles = page.locator(`${GRID} .ag-row:not(.ag-row-pinned) .ag-cell[col-id="${gov.id}"] .matrix-cell__role`);
  expect(gov.total).toBeGreaterThan(0);
  await expect(govRoles).toHaveCount(gov.total);
  const row1 = page.locator(`${GRID} [row-id="${problemId(1)}"]`);
  const units1 = await row1.locator('.matrix-cell__role').count();
  expect(units1).toBeGreaterThan(1);
  await expect(row1.locator('.ag-cell[col-id="matrix-units"]')).toHaveText(`${units1} 个单位`);
  await expect(page.locator(`${GRID} [row-id="matrix-totals"] .ag-cell[col-id="title"]`)).toHaveText('合计');

  // Hiding units without a role leaves only columns whose total is above zero, in the same order.
  const idle = columns.filter((c) => c.total === 0);
  expect(idle.length).toBeGreaterThan(0);
  await page.getByLabel('隐藏无任务的单位').check();
  await expect(page.locator(`${GRID} .ag-header-row-column .ag-header-cell[col-id="${idle[0]!.id}"]`)).toHaveCount(0);
  const shown = await unitColumns(page);
  expect(shown.map((c) => c.name)).toEqual(columns.filter((c) => c.total > 0).map((c) => c.name));
  await page.getByLabel('隐藏无任务的单位').uncheck();
  await expect.poll(async () => (await unitColumns(page)).length).toBe(SAMPLE.departments);
});
