// axe-core on every view and dialog: no critical or serious violation (WCAG 2.1 A/AA rules and axe's best
// practices): each coordinator view, the coordinator's dialogs, and a staff tablet's 我的任务 and measure form.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures.ts';
import { cell, goTo, measureId, openLedger, showRow } from './support/ledger-page.ts';
import { staffTablet } from './support/tablet.ts';

/** Critical and serious violations on the page as it stands, named by rule and the first elements hit. */
async function violations(page: Page, where: string): Promise<string[]> {
  // The pointer rests where the last click left it (the sign-in button, over the grid once it shows): a cell's
  // tooltip then fades in under it, and axe would judge its contrast half-transparent, mid-fade. Move it away.
  await page.mouse.move(0, 0);
  await expect(page.locator('.ag-tooltip')).toHaveCount(0);
  // Let the grid and any chart finish drawing: axe reads the DOM as it is.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  const { violations: found } = await new AxeBuilder({ page }).analyze();
  return found
    .filter((v) => v.impact === 'critical' || v.impact === 'serious')
    .map((v) => `${where}: ${v.id} (${v.impact}) at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

async function closeDialog(page: Page, name: string | RegExp): Promise<void> {
  const dialog = page.getByRole('dialog', { name });
  await dialog.getByRole('button', { name: /^(关闭|取消)$/ }).first().click();
  await expect(dialog).toHaveCount(0);
}

const VIEWS = [
  ['台账', '[data-testid="ledger-grid"] .ag-row'],
  ['问题', '[data-testid="problems-grid"] .ag-row'],
  ['责任单位', '[data-testid="departments-grid"] .ag-row'],
  ['矩阵', '[data-testid="matrix-grid"] .ag-row'],
  ['总览', '[data-testid="dashboard"]'],
  ['每周调度', '[data-testid="weekly"]'],
  ['每月通报', '[data-testid="bulletin"]'],
  ['核实督办', '.supervision'],
] as const;

// One test per view: axe on a grid of a few hundred rows takes seconds on a loaded machine, and each view alone
// stays well inside the timeout.
for (const [tab, ready] of VIEWS) {
  test(`the coordinator’s ${tab} view has no critical or serious axe violations`, async ({ page }) => {
    await openLedger(page);
    await goTo(page, tab);
    await expect(page.locator(ready).first()).toBeVisible();
    expect(await violations(page, tab)).toEqual([]);
  });
}

test('a coordinator’s dialogs have no critical or serious axe violations', async ({ page }) => {
  test.setTimeout(90_000);
  await openLedger(page);
  const found: string[] = [];

  await goTo(page, '台账');
  await showRow(page, 'ledger-grid', measureId(2, 1));
  await cell(page, 'ledger-grid', measureId(2, 1), 'owner').click();
  await page.getByRole('button', { name: '修改记录' }).click();
  await expect(page.getByRole('dialog', { name: /^修改记录：/ }).getByText('暂无修改记录。').or(page.getByTestId('history'))).toBeVisible();
  found.push(...(await violations(page, '修改记录')));
  await closeDialog(page, /^修改记录：/);

  await page.getByTestId('sync-status').click();
  await expect(page.getByRole('dialog', { name: '同步' })).toBeVisible();
  found.push(...(await violations(page, '同步')));
  await closeDialog(page, '同步');

  await page.getByRole('button', { name: '数据', exact: true }).click();
  const menu = page.getByRole('dialog', { name: '数据管理' });
  await expect(menu).toBeVisible();
  found.push(...(await violations(page, '数据管理')));
  await menu.getByRole('button', { name: '导入…' }).click();
  await expect(page.getByRole('dialog', { name: '导入', exact: true })).toBeVisible();
  found.push(...(await violations(page, '导入')));
  await closeDialog(page, '导入');
  if (!(await menu.isVisible())) await page.getByRole('button', { name: '数据', exact: true }).click();
  await menu.getByRole('button', { name: '导出…' }).click();
  await expect(page.getByRole('dialog', { name: '导出' })).toBeVisible();
  found.push(...(await violations(page, '导出')));
  await closeDialog(page, '导出');
  if (await menu.isVisible()) await closeDialog(page, '数据管理');

  await page.getByRole('button', { name: '账号管理' }).click();
  await expect(page.getByRole('dialog', { name: '账号管理' })).toBeVisible();
  found.push(...(await violations(page, '账号管理')));

  expect(found).toEqual([]);
});

test('a staff tablet’s 我的任务 and measure form have no critical or serious axe violations', async ({ browser, page: admin }) => {
  test.setTimeout(120_000);
  await openLedger(admin);
  await expect(admin.getByTestId('sync-status')).toHaveText('已同步');
  const planning = await admin.evaluate(async () => {
    const response = await fetch('/api/sync/pull?after=0&limit=5000');
    const body = (await response.json()) as { records: { entity: string; id: string; data: { name?: string } }[] };
    return body.records.find((r) => r.entity === 'department' && r.data.name === '市自然资源和规划局')?.id ?? '';
  });
  const page = await staffTablet(browser, admin, { username: 'axe', displayName: '无障碍', departmentId: planning });
  const found: string[] = [];
  await expect(page.locator('.task').first()).toBeVisible();
  found.push(...(await violations(page, '我的任务')));
  await page.locator('.task').first().tap();
  await expect(page.locator('.measure-form')).toBeVisible();
  found.push(...(await violations(page, '措施表单')));
  expect(found).toEqual([]);
});
