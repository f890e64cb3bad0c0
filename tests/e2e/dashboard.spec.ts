// 总览 and 每周调度 in real Chromium: the dashboard's counts equal the ledger's rows behind them, as-of changes
// them, it opens offline; the printed weekly sheet has its title and every unit and no buttons; the CLI's sheet
// equals the browser's export of the same week.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { readSheet } from 'read-excel-file/node';
import { todayIso } from '../../src/shared/model/dates.ts';
import { expect, test } from './support/fixtures.ts';
import { rowsText, SAMPLE, shownText, signIn, waitForServiceWorker } from './support/ledger-page.ts';
import { comparable, pdfPages } from './support/pdf-text.ts';

const figure = (page: Page, label: string) => page.getByTestId('dashboard-cards').locator(`[data-figure="${label}"]`);

test('an administrator opens on 总览; each number opens exactly its rows in the ledger; as-of changes the figures; offline it still opens', async ({ page, context }) => {
  await page.goto('/');
  await signIn(page);
  await expect(figure(page, '整改措施')).toHaveText(String(SAMPLE.measures));
  await waitForServiceWorker(page);
  // Today the seed's 2022 deadlines have passed; on the report's own day only one had.
  await expect(figure(page, '逾期')).toHaveText(String(SAMPLE.overdue));
  await page.getByLabel('截至日期').fill('2022-11-02');
  await expect(figure(page, '逾期')).toHaveText('1');
  await page.getByLabel('截至日期').fill(todayIso());
  await expect(figure(page, '逾期')).toHaveText(String(SAMPLE.overdue));

  const unit = page.getByTestId('by-department').locator('tr', { hasText: '市自然资源和规划局' });
  const leadCount = await unit.locator('td').nth(1).innerText();
  await unit.locator('td').nth(1).locator('a').click();
  await expect(page.getByTestId('figure-banner')).toContainText(`共 ${leadCount} 条`);
  await expect(page.getByText(shownText(Number(leadCount)))).toBeVisible();
  // Kept as a view: shown again after 显示全部.
  await page.getByRole('button', { name: '保存视图…' }).click();
  await page.getByLabel('视图名称').fill('自然资源牵头');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await page.getByRole('button', { name: '显示全部' }).click();
  await expect(page.getByText(rowsText(SAMPLE.measures))).toBeVisible();
  await page.getByLabel('视图', { exact: true }).selectOption({ label: '自然资源牵头' });
  await expect(page.getByText(shownText(Number(leadCount)))).toBeVisible();

  await context.setOffline(true);
  await page.goto('/#dashboard');
  await expect(figure(page, '整改措施')).toHaveText(String(SAMPLE.measures));
  await expect(page.getByTestId('chart-units').locator('svg')).toBeVisible();
});

test('the weekly sheet prints with its title, every unit and no buttons; the CLI writes the same cells as the browser', async ({ page, server }) => {
  // It prints a PDF and reads it back, and runs the command line in a process of its own.
  test.setTimeout(60_000);
  await page.goto('/#weekly');
  await signIn(page);
  await expect(page.getByTestId('sync-status')).toHaveText('已同步', { timeout: 20_000 });
  await page.getByLabel('调度周', { exact: true }).fill('2022-W44');
  await expect(page.getByRole('heading', { name: /本周调度表\s2022-W44/ })).toBeVisible();
  const units = [...new Set(await page.getByTestId('weekly-sheet').locator('tbody tr td:nth-child(2)').allInnerTexts())];
  expect(units).toHaveLength(19);

  // The app's own words on screen, which the paper must not carry.
  const chrome = ['打印调度表', '导出 Excel', '导出 CSV', '总览'];
  for (const word of chrome) await expect(page.getByText(word, { exact: true }).first()).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  const pages = await pdfPages(await page.pdf({ preferCSSPageSize: true }));
  // What the paper shows, read from the PDF itself: the title with the week, every unit, page numbers, no app chrome.
  const printed = comparable(pages.join('\n'));
  expect(printed).toContain(comparable('本周调度表　2022-W44（2022-10-31 至 2022-11-06）'));
  for (const name of units) expect(printed).toContain(comparable(name));
  expect(comparable(pages[0] ?? '')).toContain(comparable(`1 / ${pages.length}`));
  for (const word of chrome) expect(printed).not.toContain(comparable(word));
  await page.emulateMedia({ media: 'screen' });

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出 Excel' }).click();
  const browserFile = await (await download).path();
  const cliFile = join(mkdtempSync(join(tmpdir(), 'ledger-weekly-')), 'weekly.xlsx');
  execFileSync(process.execPath, ['--import', 'tsx', 'src/server/cli.ts', 'report', 'weekly', '--week', '2022-W44', '--format', 'xlsx', '-o', cliFile], { env: { ...process.env, DATA_DIR: server.dataDir }, stdio: 'pipe' });
  const browserRows = await readSheet(readFileSync(browserFile));
  const cliRows = await readSheet(readFileSync(cliFile));
  expect(cliRows.length).toBe(SAMPLE.measures + 3);
  expect(cliRows).toEqual(browserRows);
});
