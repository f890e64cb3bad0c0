// Takes the README's screenshots of 总览 (desktop 1440×900 and iPad) from the production build and the sample:
//   npx tsx scripts/screenshots-dashboard.ts
import { chromium } from '@playwright/test';
import { signIn } from '../tests/e2e/support/ledger-page.ts';
import { startServer } from '../tests/e2e/support/server.ts';

const server = await startServer();
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  for (const [name, options] of [
    ['dashboard-desktop', { viewport: { width: 1440, height: 900 } }],
    ['dashboard-ipad', { viewport: { width: 1024, height: 1366 }, deviceScaleFactor: 1, hasTouch: true }],
  ] as const) {
    const page = await (await browser.newContext({ ...options, locale: 'zh-CN' })).newPage();
    await page.goto(`${server.url}/#dashboard`);
    await signIn(page);
    await page.getByTestId('chart-units').locator('svg').waitFor();
    await page.waitForTimeout(800);
    await page.screenshot({ path: `docs/screenshots/${name}.png` });
  }
} finally {
  await browser.close();
  await server.stop();
}
