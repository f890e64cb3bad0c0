// iPadOS Safari as the browser tests play it: it calls itself a Mac, and only its touch points give it away.
import { type Browser, expect, type Page } from '@playwright/test';
import { signIn } from './ledger-page.ts';

const SAFARI = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Safari/605.1.15';

/** A new iPad (of the given size), the administrator signed in, on 我的任务 (a tablet opens there, not on a grid). */
export async function ipadPage(browser: Browser, viewport: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({ userAgent: SAFARI, hasTouch: true, viewport, locale: 'zh-CN' });
  const page = await context.newPage();
  await page.addInitScript(() => Object.defineProperty(navigator, 'maxTouchPoints', { get: () => 5 }));
  await page.goto('/');
  await signIn(page);
  await expect(page.getByRole('heading', { name: '我的任务' })).toBeVisible();
  return page;
}
