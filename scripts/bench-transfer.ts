// The benchmark's import and export steps, run in the app's page through its import/export worker: export the
// full data of N measures as CSV, and import a CSV of N new measures (read, plan, commit: what a user waits for).
import type { Page } from '@playwright/test';

type Bench = {
  storage: { db: { name: string }; cache: { all(e: string): { id: string; name?: string; number?: number }[] } };
  transfer: () => Promise<{ run(request: unknown): Promise<unknown>; close(): void }>;
};

export function exportMs(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const { storage, transfer } = (window as never as { __ledgerBench: Bench }).__ledgerBench;
    const client = await transfer();
    const start = performance.now();
    const { blob } = (await client.run({ type: 'export', dbName: storage.db.name, locale: 'zh-CN', kind: 'measure', format: 'csv' })) as { blob: Blob };
    await blob.arrayBuffer();
    const ms = performance.now() - start;
    client.close();
    return ms;
  });
}

export function importMs(page: Page, n: number): Promise<number> {
  return page.evaluate(async (count) => {
    const { storage, transfer } = (window as never as { __ledgerBench: Bench }).__ledgerBench;
    const problems = storage.cache.all('problem').map((p) => p.number);
    const departments = storage.cache.all('department').map((d) => d.name);
    const lines = ['序号,整改措施,牵头单位,责任人,整改时限,整改状态,进度%,最新进展'];
    for (let i = 0; i < count; i++) {
      lines.push([problems[i % problems.length], `导入的措施 ${i}`, departments[i % departments.length], `责任人${i % 97}`, `2023/${(i % 12) + 1}/${(i % 28) + 1}`, '整改中', i % 100, `"第 ${i} 条，含逗号, ""引号""\n和换行"`].join(','));
    }
    const bytes = new TextEncoder().encode(lines.join('\r\n')).buffer;
    const client = await transfer();
    const start = performance.now();
    const read = (await client.run({ type: 'read', bytes })) as { entity: string; mapping: unknown };
    const plan = (await client.run({ type: 'plan', dbName: storage.db.name, locale: 'zh-CN', entity: read.entity, mapping: read.mapping, createDepartments: false, user: null })) as { counts: { creates: number; errorRows: number } };
    if (plan.counts.creates !== count || plan.counts.errorRows > 0) throw new Error(`unexpected plan: ${JSON.stringify(plan.counts)}`);
    const result = (await client.run({ type: 'commit', excludeBadRows: false })) as { ok: boolean };
    if (!result.ok) throw new Error(`import refused: ${JSON.stringify(result)}`);
    const ms = performance.now() - start;
    client.close();
    return ms;
  }, n);
}

type GridApiLike = {
  forEachNodeAfterFilterAndSort(cb: (node: { setSelected(on: boolean): void }, index: number) => void): void;
  setFocusedCell(row: number, col: string): void;
  ensureIndexVisible(row: number): void;
};

/** 批量修改 through the dialog, on the first `count` rows ticked: from the click to the confirmation. */
export async function bulkSetMs(page: Page, count: number): Promise<number> {
  await page.evaluate((n) => {
    const api = (window as never as { __ledgerGrid: GridApiLike }).__ledgerGrid;
    api.forEachNodeAfterFilterAndSort((node, i) => node.setSelected(i < n));
  }, count);
  await page.getByRole('button', { name: '批量修改…' }).click();
  const dialog = page.getByRole('dialog', { name: '批量修改' });
  await dialog.getByLabel('列').selectOption({ label: '责任人' });
  await dialog.getByLabel('值').fill(`基准 ${Date.now()}`);
  const start = Date.now();
  await dialog.getByRole('button', { name: `应用到 ${count} 行` }).click();
  await page.getByText(`已修改 ${count} 个单元格`).waitFor({ timeout: 300_000 });
  const ms = Date.now() - start;
  await page.evaluate(() => (window as never as { __ledgerGrid: GridApiLike }).__ledgerGrid.forEachNodeAfterFilterAndSort((node) => node.setSelected(false)));
  return ms;
}

/** A paste of `rows` × 5 cells (title, lead, type, owner, deadline) at the first row: from the paste to the confirmation. */
export async function pasteMs(page: Page, rows: number): Promise<number> {
  await page.evaluate(() => {
    const api = (window as never as { __ledgerGrid: GridApiLike }).__ledgerGrid;
    api.ensureIndexVisible(0);
    api.setFocusedCell(0, 'title');
  });
  await page.waitForFunction(() => document.activeElement?.classList.contains('keyboard-proxy'));
  const text = Array.from({ length: rows }, (_, i) => [`粘贴的措施 ${i}`, '市财政局', '专项整治', `责任人${i % 50}`, `2023/${(i % 12) + 1}/${(i % 28) + 1}`].join('\t')).join('\r\n');
  const start = Date.now();
  await page.evaluate((data) => {
    const clipboardData = new DataTransfer();
    clipboardData.setData('text/plain', data);
    document.activeElement?.dispatchEvent(new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true }));
  }, text);
  await page.getByText(/^已粘贴 \d+ 个单元格$/).waitFor({ timeout: 300_000 });
  return Date.now() - start;
}
