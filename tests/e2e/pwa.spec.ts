// The installable, offline PWA in real Chromium: service worker, cold start without a server, updates.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { expect, test } from './support/fixtures.ts';
import { cell, measureId, openLedger, rowsText, SAMPLE, typeInto, waitForServiceWorker } from './support/ledger-page.ts';
import { ipadPage } from './support/ipad.ts';
import { freePort, startServer } from './support/server.ts';

test('the service worker controls the page; with the server stopped a cold start shows app and data, and offline edits persist', async ({ page }) => {
  const server = await startServer();
  try {
    await openLedger(page, server.url);
    await waitForServiceWorker(page);
    await expect(page.getByTestId('connectivity')).toHaveText('在线');
    await typeInto(page, cell(page, 'ledger-grid', measureId(1, 1), 'owner'), '在线时填写');
    await expect(cell(page, 'ledger-grid', measureId(1, 1), 'owner')).toHaveText('在线时填写');
  } finally {
    await server.stop();
  }
  await page.reload();
  await expect(page.getByText(rowsText(SAMPLE.measures))).toBeVisible();
  await expect(cell(page, 'ledger-grid', measureId(1, 1), 'owner')).toHaveText('在线时填写');
  await expect(page.getByTestId('connectivity')).toHaveText('离线');
  await typeInto(page, cell(page, 'ledger-grid', measureId(1, 2), 'owner'), '离线时填写');
  await expect(cell(page, 'ledger-grid', measureId(1, 2), 'owner')).toHaveText('离线时填写');
  await page.reload();
  await expect(cell(page, 'ledger-grid', measureId(1, 2), 'owner')).toHaveText('离线时填写');
});

test('Chromium reports no installability errors', async () => {
  const server = await startServer();
  const profile = mkdtempSync(join(tmpdir(), 'ledger-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await openLedger(page, server.url);
    await waitForServiceWorker(page);
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as { installabilityErrors: unknown[] };
    expect(installabilityErrors).toEqual([]);
    const manifest = (await cdp.send('Page.getAppManifest')) as { errors: unknown[]; url: string };
    expect(manifest.errors).toEqual([]);
    expect(manifest.url).toContain('/manifest.webmanifest');
    // In English, the app installs under its English name.
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('button', { name: 'Ledger' })).toBeVisible();
    const english = (await cdp.send('Page.getAppManifest')) as { url: string; data?: string };
    expect(english.url).toContain('/manifest.en.webmanifest');
    expect(JSON.parse(english.data ?? '{}')).toMatchObject({ name: 'Rectification Ledger', short_name: 'Ledger' });
    expect((await cdp.send('Page.getInstallabilityErrors')) as { installabilityErrors: unknown[] }).toEqual({ installabilityErrors: [] });
  } finally {
    await context.close();
    await server.stop();
    rmSync(profile, { recursive: true, force: true });
  }
});

test('a new deployment shows 新版本可用 · 刷新; accepting runs the new build with the data intact', async ({ page }) => {
  test.setTimeout(180_000);
  const buildB = mkdtempSync(join(tmpdir(), 'ledger-build-b-'));
  execFileSync('npx', ['vite', 'build', '--outDir', buildB, '--emptyOutDir', '--logLevel', 'error'], { env: { ...process.env, BUILD_ID: 'build-B' }, stdio: 'inherit' });
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'ledger-data-'));
  let server = await startServer({ port, dataDir });
  try {
    await openLedger(page, server.url);
    await waitForServiceWorker(page);
    const buildA = await page.evaluate(() => document.documentElement.dataset.build);
    expect(buildA).not.toBe('build-B');
    await typeInto(page, cell(page, 'ledger-grid', measureId(1, 3), 'owner'), '更新前的数据');
    await expect(cell(page, 'ledger-grid', measureId(1, 3), 'owner')).toHaveText('更新前的数据');

    await server.stop();
    // A new deployment: new build, same data.
    server = await startServer({ port, staticDir: buildB, dataDir });
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    await expect(page.getByText('新版本可用')).toBeVisible({ timeout: 30_000 });
    // Until accepted, the running version stays: no reload under someone's typing.
    expect(await page.evaluate(() => document.documentElement.dataset.build)).toBe(buildA);
    await page.getByRole('button', { name: '刷新' }).click();
    // The page reloads under the poll: a destroyed context counts as "not yet".
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.build).catch(() => null), { timeout: 30_000 }).toBe('build-B');
    // The new build loads while the other test worker may be busy: give it time.
    await expect(cell(page, 'ledger-grid', measureId(1, 3), 'owner')).toHaveText('更新前的数据', { timeout: 30_000 });
  } finally {
    await server.stop();
    rmSync(buildB, { recursive: true, force: true });
  }
});

test('offers an install button when the browser offers to install', async ({ page }) => {
  await openLedger(page);
  await expect(page.getByRole('button', { name: '安装到主屏幕' })).toHaveCount(0);
  await page.evaluate(() => {
    const offer = Object.assign(new Event('beforeinstallprompt', { cancelable: true }), {
      prompt: () => {
        (window as unknown as { prompted: boolean }).prompted = true;
        return Promise.resolve();
      },
      userChoice: Promise.resolve({ outcome: 'accepted' }),
    });
    window.dispatchEvent(offer);
  });
  await page.getByRole('button', { name: '安装到主屏幕' }).click();
  await expect.poll(() => page.evaluate(() => (window as unknown as { prompted?: boolean }).prompted)).toBe(true);
  await expect(page.getByRole('button', { name: '安装到主屏幕' })).toHaveCount(0);
});

test('on an iPad, where Safari has no install prompt, shows the 添加到主屏幕 guide', async ({ browser }) => {
  // A tablet opens on 我的任务, not on a grid.
  const page = await ipadPage(browser, { width: 1024, height: 1366 });
  await page.getByRole('button', { name: '添加到主屏幕' }).click();
  await expect(page.getByRole('dialog', { name: '添加到主屏幕' })).toContainText('分享');
  await page.context().close();
});
