// Screenshot tests of the main views, so the look cannot silently regress: a coordinator's desktop at 1440 × 900
// and a staff tablet at 820 × 1180, with the clock fixed (Beijing, 2026-12-01 09:30) and Debian's Noto CJK fonts.
// What moves with the real clock (the weekly trend read from the audit trail's times) is masked. The baselines
// live beside this file and are the images README shows. Regenerate on purpose only:
// `npx playwright test tests/e2e/screenshots.spec.ts --update-snapshots`, then look at every image before committing.
import type { Locator, Page } from '@playwright/test';
import { sampleId } from '../../src/shared/model/ids.ts';
import { expect, test } from './support/fixtures.ts';
import { goTo, openLedger } from './support/ledger-page.ts';
import { staffTablet } from './support/tablet.ts';

const CLOCK = new Date('2026-12-01T09:30:00+08:00');
const planning = sampleId('department:市自然资源和规划局');

test.use({ viewport: { width: 1440, height: 900 } });

/** The page at rest: synced, no toast, fonts loaded, the pointer out of the way, two quiet frames. */
async function settle(page: Page): Promise<void> {
  await expect(page.getByTestId('sync-status')).toHaveText('已同步');
  await expect(page.locator('.toast')).toHaveCount(0, { timeout: 15_000 });
  await page.evaluate(async () => {
    await document.fonts.ready;
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  });
  await page.mouse.move(0, 0);
}

async function shoot(page: Page, name: string, mask: Locator[] = []): Promise<void> {
  await settle(page);
  await expect(page).toHaveScreenshot(name, { mask, maskColor: '#e5e7eb', maxDiffPixelRatio: 0.002, timeout: 20_000 });
}

const DESKTOP = [
  ['台账', 'ledger', '[data-testid="ledger-grid"] .ag-row'],
  ['问题', 'problems', '[data-testid="problems-grid"] .ag-row'],
  ['矩阵', 'matrix', '[data-testid="matrix-grid"] .ag-row'],
  ['总览', 'dashboard', '[data-testid="dashboard"]'],
  ['每周调度', 'weekly', '[data-testid="weekly-sheet"]'],
] as const;

for (const [tab, name, ready] of DESKTOP) {
  test(`the coordinator’s ${tab} at 1440 × 900 looks as it did`, async ({ page }) => {
    await page.clock.install({ time: CLOCK });
    await openLedger(page);
    await goTo(page, tab);
    await expect(page.locator(ready).first()).toBeVisible();
    await shoot(page, `desktop-${name}.png`, [page.getByTestId('chart-trend'), page.getByTestId('trend')]);
  });
}

test('a staff tablet’s 我的任务 and measure form at 820 × 1180 look as they did', async ({ browser, page: admin }) => {
  await openLedger(admin);
  const tablet = await staffTablet(browser, admin, { username: 'look', displayName: '赵敏', departmentId: planning }, { scale: 1, clock: CLOCK });
  await expect(tablet.locator('.task').first()).toBeVisible();
  await shoot(tablet, 'tablet-tasks.png');
  await tablet.locator('.task').first().tap();
  await expect(tablet.locator('.measure-form')).toBeVisible();
  await shoot(tablet, 'tablet-form.png');
});
