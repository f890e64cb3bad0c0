// Live updates: two users on two browsers; one edits a cell in the ledger grid, the other's open grid shows it within
// 2 s of the save, with no sync pressed and no reload (the event stream, then a pull). The delay is printed.
import { expect, test } from './support/fixtures.ts';
import { cell, measureId, openLedger, typeInto } from './support/ledger-page.ts';

const colleague = { username: 'qian', password: 'qian-password-1', displayName: '钱同事' };

test('another user’s edit appears in an open grid within 2 s, by itself', async ({ browser }) => {
  test.setTimeout(90_000);
  const a = await (await browser.newContext({ locale: 'zh-CN', viewport: { width: 1400, height: 900 } })).newPage();
  await openLedger(a);
  await expect(a.getByTestId('sync-status')).toHaveText('已同步', { timeout: 30_000 });
  const created = await a.context().request.post('/api/users', { headers: { 'x-ledger-request': '1' }, data: { ...colleague, role: 'coordinator' } });
  expect(created.status()).toBe(201);

  const b = await (await browser.newContext({ locale: 'zh-CN', viewport: { width: 1400, height: 900 } })).newPage();
  await openLedger(b, '/', colleague);
  await expect(b.getByTestId('sync-status')).toHaveText('已同步', { timeout: 30_000 });
  const watched = cell(b, 'ledger-grid', measureId(1, 1), 'owner');
  await expect(watched).toBeVisible();
  await expect(watched).not.toHaveText('实时可见');

  for (const [round, text] of ['实时可见', '再改一次'].entries()) {
    const target = cell(a, 'ledger-grid', measureId(1, 1), 'owner');
    await typeInto(a, target, text);
    // Saved on A's device: the grid shows it (the outbox holds the change).
    await expect(target).toHaveText(text);
    const savedAt = Date.now();
    await expect(watched).toHaveText(text, { timeout: 2_000 });
    console.log(`live update in the browser, round ${round + 1}: another user's edit shown ${Date.now() - savedAt} ms after it was saved`);
  }
  // Nothing was pressed on B: it still says it is in step.
  await expect(b.getByTestId('sync-status')).toHaveText('已同步');
});
