// Page helpers for the ledger: open the app as a named user, find grid cells, edit them.
import { type Locator, type Page, expect } from '@playwright/test';
import { sampleId } from '../../../src/shared/model/ids.ts';
import { ADMIN } from './server.ts';

export const measureId = (problem: number, index: number) => sampleId(`measure:${problem}:${index}`);
/** A measure of the report body or a department report, by its sample key (正文:… or 附件N:…). */
export const reportMeasureId = (key: string) => sampleId(`measure:${key}`);
export const problemId = (problem: number) => sampleId(`problem:${problem}`);

/**
 * The sample ledger's size: 附件1's 33 measures, the report body's 12 and the department reports' 157. The
 * seed's four deadlines (2022) have passed and none of their measures is reported done: they show red.
 */
export const SAMPLE = { problems: 10, measures: 202, departments: 39, overdue: 4 } as const;
export const rowsText = (count: number) => `共 ${count} 条措施`;
/** The ledger's count while a view, search or figure hides rows: 显示 5 / 共 202 条. */
export const shownText = (shown: number, total: number = SAMPLE.measures) => `显示 ${shown} / 共 ${total} 条`;

/** Opens the app, signs in (the test server's admin unless told), and waits for the ledger grid's rows. */
export async function openLedger(page: Page, url = '/', credentials: { username: string; password: string } = ADMIN): Promise<void> {
  // The ledger by name: an administrator at a desk would open on 总览.
  await page.goto(url.includes('#') ? url : `${url}#ledger`);
  await signIn(page, credentials);
  await expect(page.locator('[data-testid="ledger-grid"] .ag-row').first()).toBeVisible();
}

export type FirstStart = '载入示例台账' | '从 Excel 导入' | '空白台账';

/**
 * Signs in. On a new installation (every test's server is one) the first administrator chooses how the ledger
 * starts: the sample unless told otherwise. Other accounts, and a server that holds data, are never asked.
 */
export async function signIn(page: Page, credentials: { username: string; password: string } = ADMIN, start: FirstStart = '载入示例台账', readyTimeout = 30_000): Promise<void> {
  await page.getByLabel('用户名').fill(credentials.username);
  await page.getByLabel('密码').fill(credentials.password);
  await page.getByRole('button', { name: '登录' }).click();
  if (credentials.username !== ADMIN.username || credentials.password !== ADMIN.password) return;
  const choice = page.getByRole('heading', { name: '开始使用整改台账' });
  await expect(choice.or(page.locator('.app[data-ready="true"]'))).toBeVisible({ timeout: readyTimeout });
  if (await choice.isVisible()) await page.getByRole('button', { name: start }).click();
}

/**
 * Scrolls a grid until the row is drawn: the grid draws only the rows near its viewport, and the sample
 * has some 200 measures. Each step waits for the frames the grid draws in.
 */
export async function showRow(page: Page, grid: string, rowId: string): Promise<void> {
  // Not the spanned cells' container: it is drawn for a span's first row while that row is far off screen.
  const row = page.locator(`[data-testid="${grid}"] .ag-row[row-id="${rowId}"]:not(.ag-spanned-row)`).first();
  const viewport = page.locator(`[data-testid="${grid}"] .ag-grid-viewport`).first();
  const frames = () => page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  if ((await row.count()) === 0) {
    await viewport.evaluate((el) => el.scrollTo({ top: 0 }));
    await frames();
    for (let step = 0; step < 80 && (await row.count()) === 0; step++) {
      const moved = await viewport.evaluate((el) => {
        const before = el.scrollTop;
        el.scrollTo({ top: before + el.clientHeight * 0.6 });
        return el.scrollTop !== before;
      });
      await frames();
      if (!moved) break;
    }
  }
  await expect(row).toBeAttached();
}

export function cell(page: Page, grid: string, rowId: string, colId: string): Locator {
  // Spanned cells live in their own row container, which carries the row id but not the .ag-row class.
  return page.locator(`[data-testid="${grid}"] [row-id="${rowId}"] .ag-cell[col-id="${colId}"]`).first();
}

/** Focuses a cell and waits until the keyboard proxy holds focus, as it does before a user types. */
export async function focusCell(page: Page, target: Locator): Promise<void> {
  await target.click();
  await expect.poll(() => page.evaluate(() => document.activeElement?.className ?? '')).toContain('keyboard-proxy');
}

/** Types text into a focused cell as a user would and commits it with Enter. */
export async function typeInto(page: Page, target: Locator, text: string): Promise<void> {
  await focusCell(page, target);
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

export async function goTo(page: Page, tab: string): Promise<void> {
  await page.getByRole('button', { name: tab, exact: true }).click();
}

/** Waits until a service worker controls the page (after the first visit installs it, a reload hands it control). */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready);
  if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null))) await page.reload();
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
}

/**
 * 新增措施 under the problem of the focused row (the sample's measure 8.2), typing its title into the editor that
 * opens; waits until the ledger counts one more measure. Returns the new title's cell.
 */
export async function addMeasureUnderProblem8(page: Page, title: string): Promise<Locator> {
  await showRow(page, 'ledger-grid', measureId(8, 2));
  await cell(page, 'ledger-grid', measureId(8, 2), 'owner').click();
  await page.getByRole('button', { name: '新增措施' }).click();
  const editor = page.locator('.cell-editor');
  await expect(editor).toBeFocused();
  await editor.fill(title);
  await editor.press('Enter');
  await expect(page.getByText(rowsText(SAMPLE.measures + 1))).toBeVisible();
  return page.locator('[data-testid="ledger-grid"] .ag-cell[col-id="title"]', { hasText: title });
}
