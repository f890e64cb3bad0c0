// The shell's look: header labels on one line at 1440, 820 and 768 px (secondary actions folded into 更多), one
// install affordance per platform, numeric boxes that replace their content, and the design tokens in use.
import type { Locator, Page } from '@playwright/test';
import { sampleId } from '../../src/shared/model/ids.ts';
import { expect, test } from './support/fixtures.ts';
import { ipadPage } from './support/ipad.ts';
import { openLedger } from './support/ledger-page.ts';
import { staffTablet } from './support/tablet.ts';

/** For each visible control: its text and how many lines that text takes (distinct line boxes of its contents). */
async function lineCounts(controls: Locator): Promise<{ text: string; lines: number }[]> {
  return controls.evaluateAll((els) =>
    els
      .filter((e) => e.getBoundingClientRect().width > 0 && getComputedStyle(e).visibility !== 'hidden')
      .map((e) => {
        const range = document.createRange();
        range.selectNodeContents(e);
        const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
        return { text: (e.textContent ?? '').trim(), lines: tops.size };
      }),
  );
}

const headerControls = (page: Page) => page.locator('.header button, .header .net');

/** A touch press on a touch device, a click elsewhere. */
async function press(page: Page, target: Locator): Promise<void> {
  if (await page.evaluate(() => matchMedia('(pointer: coarse)').matches)) await target.tap();
  else await target.click();
}

test('header labels stay on one line at 1440, 820 and 768 px, in two rows, with 更多 holding the rest when narrow', async ({ page }) => {
  await openLedger(page);
  await expect(page.getByTestId('sync-status')).toHaveText('已同步');
  for (const width of [1440, 820, 768]) {
    await page.setViewportSize({ width, height: 900 });
    const counts = await lineCounts(headerControls(page));
    // 撤销, 离线/在线, 本机存储 … each one line: the names in the failure say which wrapped.
    expect(counts.filter((c) => c.lines !== 1), `at ${width} px`).toEqual([]);
    expect(counts.map((c) => c.text)).toEqual(expect.arrayContaining(['撤销', '重做', '在线', '已同步', '台账']));
    // Two rows of about 40 px (was 227 px at 820 with labels broken over two lines).
    const height = (await page.locator('.header').boundingBox())?.height ?? 0;
    expect(height, `header height at ${width} px`).toBeLessThan(100);
    // Every header button is one line high: its height within a line and its padding of the others'.
    const heights = await headerControls(page).evaluateAll((els) => els.filter((e) => e.getBoundingClientRect().width > 0).map((e) => e.getBoundingClientRect().height));
    expect(Math.max(...heights) - Math.min(...heights)).toBeLessThan(16);
  }
  // At 1440 every action is in the row; at 768 the secondary ones are behind 更多, one line each there too.
  await page.setViewportSize({ width: 1440, height: 900 });
  await expect(page.getByRole('button', { name: '更多操作' })).toBeHidden();
  await expect(page.getByRole('button', { name: '本机存储' })).toBeVisible();
  await page.setViewportSize({ width: 768, height: 900 });
  await expect(page.getByRole('button', { name: '本机存储' })).toBeHidden();
  await page.getByRole('button', { name: '更多操作' }).click();
  await expect(page.getByRole('button', { name: '本机存储' })).toBeVisible();
  expect((await lineCounts(page.locator('.header-menu__panel button'))).filter((c) => c.lines !== 1)).toEqual([]);
  // An item opens its dialog and folds the menu; the dialog shows.
  await page.getByRole('button', { name: '报告口径' }).click();
  await expect(page.getByRole('dialog', { name: '台账信息与报告口径' })).toBeVisible();
  await expect(page.getByRole('button', { name: '本机存储' })).toBeHidden();
  await page.getByRole('dialog', { name: '台账信息与报告口径' }).getByRole('button', { name: '关闭' }).click();
  await expect(page.getByRole('dialog', { name: '台账信息与报告口径' })).toHaveCount(0);
});

/** What Chromium sends when it offers to install; Safari on iPadOS never does. */
async function offerInstall(page: Page): Promise<void> {
  await page.evaluate(() => {
    const offer = Object.assign(new Event('beforeinstallprompt', { cancelable: true }), { prompt: () => Promise.resolve(), userChoice: Promise.resolve({ outcome: 'dismissed' }) });
    window.dispatchEvent(offer);
  });
}

test('a desktop browser that offers to install shows only 安装到主屏幕', async ({ page }) => {
  await openLedger(page);
  await offerInstall(page);
  await expect(page.getByRole('button', { name: '安装到主屏幕' })).toHaveCount(1);
  await expect(page.getByRole('button', { name: '添加到主屏幕' })).toHaveCount(0);
});

test('an iPad shows only 添加到主屏幕, even if an install offer arrives', async ({ browser }) => {
  const page = await ipadPage(browser, { width: 820, height: 1180 });
  await offerInstall(page);
  await expect(page.getByRole('button', { name: '添加到主屏幕' })).toHaveCount(1);
  await expect(page.getByRole('button', { name: '安装到主屏幕' })).toHaveCount(0);
  // On the iPad's portrait width, the header's labels stay on one line too.
  expect((await lineCounts(headerControls(page))).filter((c) => c.lines !== 1)).toEqual([]);
  await page.context().close();
});

test('on a tablet, typing 65 into a progress box showing 0 gives 65, not 065', async ({ browser, page: admin }) => {
  await openLedger(admin);
  await expect(admin.getByTestId('sync-status')).toHaveText('已同步');
  const page = await staffTablet(browser, admin, { username: 'zhao', displayName: '赵敏', departmentId: sampleId('department:市自然资源和规划局') });
  await page.locator('.tasks__group[aria-label="未定时限"] .task').first().tap();
  const box = page.locator('.measure-form').getByRole('spinbutton', { name: '整改进度（%）' });
  await expect(box).toBeEnabled();
  if ((await box.inputValue()) !== '0') {
    await box.fill('0');
    await page.locator('.measure-form h3').first().tap();
  }
  await expect(box).toHaveValue('0');
  await box.tap();
  await page.keyboard.type('65');
  await expect(box).toHaveValue('65');
  // A second visit to the box replaces again.
  await page.locator('.measure-form h3').first().tap();
  await box.tap();
  await page.keyboard.type('70');
  await expect(box).toHaveValue('70');
});

test('at a desk, a number box in the data menu replaces its content when clicked', async ({ page }) => {
  await openLedger(page);
  await page.getByRole('button', { name: '数据', exact: true }).click();
  const days = page.getByRole('dialog').getByRole('spinbutton').first();
  await expect(days).toHaveValue('7');
  await press(page, days);
  await page.keyboard.type('3');
  await expect(days).toHaveValue('3');
});

test('the styles draw on the design tokens: the CJK font stack, and colours through custom properties', async ({ page }) => {
  await openLedger(page);
  const font = await page.locator('.app').evaluate((e) => getComputedStyle(e).fontFamily);
  for (const face of ['PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC']) expect(font).toContain(face);
  const primary = page.locator('.button--primary').first();
  await expect(primary).toHaveCSS('background-color', 'rgb(180, 35, 24)');
  // Change the token, and the button follows: the colour is the custom property's, not a literal.
  await page.evaluate(() => document.documentElement.style.setProperty('--red', 'rgb(1, 2, 3)'));
  await expect(primary).toHaveCSS('background-color', 'rgb(1, 2, 3)');
  await page.evaluate(() => document.documentElement.style.setProperty('--text-md', '20px'));
  await expect(page.locator('.header .button').first()).toHaveCSS('font-size', '20px');
});
