// Progress notes on two tablets (touch, iPad-sized) of one department, written offline and synced in either
// order: all three notes stay, once, on the server and on both tablets. And a note saved fast, right after
// typing, never comes back as an unsaved draft.
import type { Page } from '@playwright/test';
import { sampleId } from '../../src/shared/model/ids.ts';
import { expect, test } from './support/fixtures.ts';
import { openLedger } from './support/ledger-page.ts';
import { staffTablet, syncNow } from './support/tablet.ts';

const planning = sampleId('department:市自然资源和规划局');
type Entry = { id: string; text: string; by: string };

/** What the server holds in a measure's 进展记录 (through the API). */
async function serverNotes(admin: Page, id: string): Promise<Entry[]> {
  const response = await admin.context().request.post('/api/sync/records', { headers: { 'x-ledger-request': '1' }, data: { refs: [{ entity: 'measure', id }] } });
  return ((await response.json()) as { records: { data: { progressLog: Entry[] } }[] }).records[0]!.data.progressLog;
}

async function saveNote(page: Page, id: string, text: string): Promise<void> {
  await page.locator(`.task[data-measure-id="${id}"]`).tap();
  const form = page.locator('.measure-form');
  await form.getByLabel('进展情况').fill(text);
  await form.getByRole('button', { name: '保存' }).tap();
  await expect(page.getByText('已保存到本设备').last()).toBeVisible();
}

async function shownNotes(page: Page, id: string): Promise<string[]> {
  await page.locator(`.task[data-measure-id="${id}"]`).tap();
  const items = page.locator('.measure-form').getByRole('list', { name: '进展记录' }).getByRole('listitem');
  const texts = (await items.locator('.history__text').allTextContents()).sort();
  await page.locator('.measure-form').getByRole('button', { name: '返回列表' }).tap();
  return texts;
}

test('three notes from two offline tablets are all kept, once, in both sync orders', async ({ browser, page: admin }) => {
  test.setTimeout(120_000);
  await openLedger(admin);
  await expect(admin.getByTestId('sync-status')).toHaveText('已同步');
  const a = await staffTablet(browser, admin, { username: 'zhao', displayName: '赵敏', departmentId: planning });
  const b = await staffTablet(browser, admin, { username: 'qian', displayName: '钱进', departmentId: planning });
  const ids = await a.locator('.task').filter({ hasText: '牵头：市自然资源和规划局' }).evaluateAll((els) => els.slice(0, 2).map((e) => e.getAttribute('data-measure-id') ?? ''));

  for (const [round, id] of ids.entries()) {
    const bFirst = round === 0;
    for (const t of [a, b]) await t.context().setOffline(true);
    await saveNote(b, id, `乙${round}：召开推进会`);
    await saveNote(a, id, `甲${round}：完成窗口公示`);
    await saveNote(a, id, `甲${round}：发放读本 200 册`);
    // Offline is not a failure: the header says the notes wait.
    await expect(a.getByTestId('sync-status')).toHaveText('离线 · 待同步 2', { timeout: 15_000 });
    // Coming online syncs by itself, so each tablet reconnects alone, in the order of the round.
    const [first, second] = bFirst ? [b, a] : [a, b];
    await first.context().setOffline(false);
    await syncNow(first);
    await second.context().setOffline(false);
    await syncNow(second);
    await syncNow(first);

    const expected = [`乙${round}：召开推进会`, `甲${round}：发放读本 200 册`, `甲${round}：完成窗口公示`].sort();
    const stored = await serverNotes(admin, id);
    expect(stored.map((e) => e.text).sort()).toEqual(expected);
    expect(new Set(stored.map((e) => e.id)).size).toBe(3);
    expect(stored.map((e) => e.by).sort()).toEqual(['赵敏', '赵敏', '钱进']);
    for (const t of [a, b]) expect(await shownNotes(t, id)).toEqual(expected);
  }
  // No conflict came of it, for the coordinator to see.
  const conflicts = (await (await admin.context().request.get('/api/sync/conflicts?status=all')).json()) as { conflicts: unknown[] };
  expect(conflicts.conflicts).toEqual([]);
});

test('a note saved within moments of typing is never offered again as a draft, nor saved twice', async ({ browser, page: admin }) => {
  test.setTimeout(60_000);
  await openLedger(admin);
  await expect(admin.getByTestId('sync-status')).toHaveText('已同步');
  const page = await staffTablet(browser, admin, { username: 'zhao', displayName: '赵敏', departmentId: planning });
  const id = (await page.locator('.task').filter({ hasText: '牵头：市自然资源和规划局' }).first().getAttribute('data-measure-id'))!;
  const form = page.locator('.measure-form');
  for (let i = 1; i <= 5; i++) {
    await page.locator(`.task[data-measure-id="${id}"]`).tap();
    // The form opens for typing once it has checked for a draft, or it offers one: it must not.
    const offered = form.getByRole('alert').filter({ hasText: '未保存的草稿' });
    await expect(form.locator('.measure-form__body:not([inert])').or(offered)).toBeVisible();
    await expect(offered).toHaveCount(0);
    // Typed, progress changed and saved at once: well inside the draft's 300 ms pause.
    await form.getByLabel('进展情况').fill(`第 ${i} 次调度`);
    await form.getByRole('spinbutton', { name: '整改进度（%）' }).fill(String(i * 10));
    await form.getByRole('button', { name: '保存' }).tap();
    // Saved, the form closes back to the list (an earlier save's toast may still show, so the list is the sign).
    await expect(form).toHaveCount(0);
    await expect(page.getByText('已保存到本设备').last()).toBeVisible();
  }
  await page.locator(`.task[data-measure-id="${id}"]`).tap();
  await expect(page).toHaveURL(new RegExp(id));
  await page.reload();
  // The address keeps the open measure: after the reload its form shows again, with all five notes.
  await expect(form.getByRole('list', { name: '进展记录' })).toContainText('第 5 次调度', { timeout: 20_000 });
  await expect(page.getByText('未保存的草稿')).toHaveCount(0);
  expect(await page.evaluate(() => new Promise<number>((resolve) => {
    const open = indexedDB.open('rectification-ledger');
    open.onsuccess = () => {
      const count = open.result.transaction('drafts').objectStore('drafts').count();
      count.onsuccess = () => resolve(count.result);
    };
  }))).toBe(0);
  await expect(page.getByTestId('sync-status')).toHaveText('已同步', { timeout: 20_000 });
  const notes = await serverNotes(admin, id);
  expect(notes.map((e) => e.text).filter((t) => t.includes('次调度')).sort()).toEqual([1, 2, 3, 4, 5].map((i) => `第 ${i} 次调度`));
});
