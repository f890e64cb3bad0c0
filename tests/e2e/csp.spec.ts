// The built app under its Content Security Policy: every view, a photo shown from the device, the menus, with
// not one violation; and an evidence PDF opened on its own downloads instead of becoming a page of the app.
import { fileURLToPath } from 'node:url';
import { expect, test } from './support/fixtures.ts';
import { goTo, openLedger } from './support/ledger-page.ts';

const photo = fileURLToPath(new URL('./fixtures/notice-board.png', import.meta.url));

test('runs every view under the CSP with no violation, and serves an evidence PDF as a download', async ({ page }) => {
  test.setTimeout(60_000);
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content[- ]Security[- ]Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`Content Security Policy violation: ${event.violatedDirective} ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber}:${event.columnNumber}`);
    });
  });
  const shell = await page.request.get('/');
  expect(shell.headers()['content-security-policy']).toContain("script-src 'self'");

  await openLedger(page);
  for (const [tab, ready] of [
    ['问题', '[data-testid="problems-grid"] .ag-row'],
    ['责任单位', '[data-testid="departments-grid"] .ag-row'],
    ['矩阵', '[data-testid="matrix-grid"] .ag-row'],
    ['我的任务', '.task'],
  ] as const) {
    await goTo(page, tab);
    await expect(page.locator(ready).first()).toBeVisible();
  }
  // A photo added in the measure form is shown from the device's copy (a blob: URL).
  await page.locator('.task').first().click();
  const form = page.locator('.measure-form');
  await form.getByTestId('camera-input').setInputFiles(photo);
  await expect(form.getByRole('img', { name: /notice-board/ })).toBeVisible();
  await form.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText(/已保存/)).toBeVisible();
  await goTo(page, '台账');
  // The full export runs in the import/export worker, which the policy must let start.
  await page.getByRole('button', { name: '数据', exact: true }).click();
  await page.getByRole('dialog', { name: '数据管理' }).getByRole('button', { name: '导出…' }).click();
  const exportDialog = page.getByRole('dialog', { name: '导出' });
  await exportDialog.getByLabel('全部整改措施（全部字段，可再导入）').check();
  const exported = page.waitForEvent('download');
  await exportDialog.getByRole('button', { name: '导出', exact: true }).click();
  expect((await exported).suggestedFilename()).toMatch(/\.(csv|xlsx)$/);
  await page.keyboard.press('Escape');
  await page.getByTestId('sync-status').click();
  await expect(page.getByRole('dialog', { name: '同步' })).toBeVisible();
  await page.keyboard.press('Escape');

  // A PDF that carries JavaScript, uploaded as evidence and then opened by its address.
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >> endobj\n%%EOF\n');
  const { createHash } = await import('node:crypto');
  const hash = createHash('sha256').update(pdf).digest('hex');
  const upload = await page.request.put(`/api/attachments/${hash}?offset=0`, { headers: { 'x-ledger-request': '1', 'content-type': 'application/octet-stream', 'x-attachment-total': String(pdf.byteLength) }, data: pdf });
  expect(upload.status()).toBe(200);
  const download = page.waitForEvent('download');
  await page.goto(`/api/attachments/${hash}`).catch(() => undefined);
  expect((await download).suggestedFilename()).toBe(`${hash}.pdf`);

  expect(violations).toEqual([]);
});
