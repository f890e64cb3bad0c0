// 每月通报 in real Chromium: a coordinator previews the draft, issues it as 第 1 期, it reaches the server (the
// command line reads it back), the next draft is 第 2 期, the issued one downloads as a Word file with its 期号, and
// the page prints as the document alone.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { expect, test } from './support/fixtures.ts';
import { signIn } from './support/ledger-page.ts';

test('issue a bulletin, see it listed and synced, download its .docx', async ({ page, server }) => {
  test.setTimeout(60_000);
  await page.goto('/#bulletin');
  await signIn(page);
  await expect(page.getByTestId('sync-status')).toHaveText('已同步', { timeout: 20_000 });
  await page.getByLabel('月份').fill('2022-11');
  await page.getByLabel('截至日期').fill('2022-11-02');
  const preview = page.getByTestId('doc-preview');
  await expect(page.getByTestId('bulletin-status')).toHaveText('草稿预览：第 1 期（未发布）');
  await expect(preview.getByText('第 1 期　　（2022-11，截至 2022-11-02）')).toBeVisible();
  await expect(preview.getByText(/台账共有问题 10 个、整改措施 202 项，已完成 26 项/)).toBeVisible();

  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: '发布第 1 期' }).click();
  await expect(page.getByTestId('bulletin-status')).toContainText('发布');
  await expect(page.getByTestId('bulletin-issued').getByRole('button', { name: /第 1 期/ })).toBeVisible();
  // Everyone's now: the server holds it, as issued (the header may still read 已同步 from before the push).
  await expect.poll(async () => {
    const { records } = (await (await page.context().request.get('/api/sync/pull?after=0&limit=5000')).json()) as { records: { entity: string }[] };
    return records.filter((r) => r.entity === 'bulletin').length;
  }, { timeout: 20_000 }).toBe(1);
  const out = join(mkdtempSync(join(tmpdir(), 'ledger-bulletin-')), 'issued.json');
  execFileSync(process.execPath, ['--import', 'tsx', 'src/server/cli.ts', 'report', 'monthly', '--number', '1', '--format', 'json', '-o', out], { env: { ...process.env, DATA_DIR: server.dataDir }, stdio: 'pipe' });
  expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject({ number: 1, month: '2022-11', asOf: '2022-11-02', overall: { measures: 202, done: 26 } });

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '下载 Word' }).click();
  const file = await (await download).path();
  const xml = new TextDecoder().decode(unzipSync(readFileSync(file))['word/document.xml']);
  expect(xml).toContain('第 1 期　　（2022-11，截至 2022-11-02）');
  expect(xml).toContain('<w:tblHeader/>');

  await page.getByRole('button', { name: '返回草稿' }).click();
  await expect(page.getByTestId('bulletin-status')).toHaveText('草稿预览：第 2 期（未发布）');
  await expect(page.getByRole('button', { name: '发布第 2 期' })).toBeVisible();
  // On paper: the document alone, none of the app's chrome.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: '发布第 2 期' })).toBeHidden();
  await expect(page.getByTestId('bulletin-issued')).toBeHidden();
  await expect(page.locator('header.header')).toBeHidden();
  await expect(preview.getByText('第 2 期　　（2022-11，截至 2022-11-02）')).toBeVisible();
});
