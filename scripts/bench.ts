// npm run bench: the app against raw Dexie and raw AG Grid, in headless Chromium, on the production build.
// Every figure is the median of several runs and is shown beside its raw baseline measured in the same run.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { createRandom, syntheticMeasure } from '../src/shared/sample/synthetic.ts';
import { type BrowserContext, chromium, type Page } from '@playwright/test';
import { signIn } from '../tests/e2e/support/ledger-page.ts';
import { bulkSetMs, exportMs, importMs, pasteMs } from './bench-transfer.ts';
import { photoSample } from './bench-photo.ts';
import { ADMIN, startServer } from '../tests/e2e/support/server.ts';

const args = new Map(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=') as [string, string]));
const N = Number(args.get('n') ?? process.env.BENCH_N ?? 100_000);
const RUNS = Math.max(3, Number(args.get('runs') ?? 3));
const BULK = 10_000;
const PASTE_ROWS = 1_000;
const OPENS = 3;
// --only=dashboard,open: just those rows (and what they need: the app filled with N measures), for a quick look.
const ONLY = args.get('only')?.split(',').filter(Boolean) ?? null;
const want = (...names: string[]) => ONLY === null || names.some((name) => ONLY.includes(name));

type Row = { name: string; app: number; raw: number | null; unit: string; target: string };
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

function initialJsGzip(dir: string): number {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1] ?? '');
  return files.reduce((sum, file) => sum + gzipSync(readFileSync(join(dir, file))).length, 0);
}

/** Pushes n new measures (under one new problem) in 1,000-mutation batches; returns the milliseconds taken. */
async function pushMeasures(url: string, n: number): Promise<number> {
  const clientId = randomUUID();
  const at = new Date().toISOString();
  const mutation = (entity: string, fields: Record<string, unknown>) => ({ mutationId: randomUUID(), clientId, entity, id: randomUUID(), op: 'create', fields, baseVersion: 0, actor: 'bench', at });
  const problem = mutation('problem', { number: 900, title: '基准测试问题' });
  const login = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-ledger-request': '1' }, body: JSON.stringify({ username: ADMIN.username, password: ADMIN.password }) });
  if (!login.ok) throw new Error(`sign-in failed: ${login.status} ${await login.text()}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const send = async (mutations: unknown[]) => {
    const response = await fetch(`${url}/api/sync/push`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-ledger-request': '1', cookie }, body: JSON.stringify({ clientId, mutations }) });
    if (!response.ok) throw new Error(`push failed: ${response.status} ${await response.text()}`);
  };
  await send([problem]);
  const random = createRandom(3);
  const ctx = { problemIds: [problem.id], departmentIds: [], today: at.slice(0, 10) };
  const start = Date.now();
  for (let done = 0; done < n; done += 1000) {
    const batch = Array.from({ length: Math.min(1000, n - done) }, (_, i) => {
      const values = syntheticMeasure(done + i, ctx, random);
      delete values.leadDepartmentId;
      return mutation('measure', values);
    });
    await send(batch);
  }
  return Date.now() - start;
}

async function heapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  return usedSize / 1024 / 1024;
}

async function main(): Promise<void> {
  console.log(`Building the app and the raw baseline page… (N = ${N}, ${RUNS} runs)`);
  execFileSync('npx', ['vite', 'build', '--logLevel', 'error'], { stdio: 'inherit' });
  execFileSync('npx', ['vite', 'build', '--config', 'bench/vite.config.ts', '--logLevel', 'error'], { stdio: 'inherit' });
  // A demonstration server (LEDGER_DEMO=1): only such a server lets a device fill itself with ?synthetic=.
  const app = await startServer({ staticDir: 'dist/client', env: { LEDGER_DEMO: '1' } });
  const raw = await startServer({ staticDir: 'dist/bench' });
  // A persistent profile, as a user's browser has: Chromium's in-memory (incognito) IndexedDB is several times slower.
  const profiles: string[] = [];
  const launch = async (): Promise<{ context: BrowserContext; page: Page }> => {
    const profile = mkdtempSync(join(tmpdir(), 'ledger-bench-'));
    profiles.push(profile);
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      viewport: { width: 1400, height: 900 },
    });
    return { context, page: context.pages()[0] ?? (await context.newPage()) };
  };
  const samples = new Map<string, { app: number[]; raw: number[] }>();
  const add = (name: string, side: 'app' | 'raw', value: number) => {
    if (process.env.BENCH_TRACE) console.log(name, side, value);
    const entry = samples.get(name) ?? { app: [], raw: [] };
    entry[side].push(value);
    samples.set(name, entry);
  };
  try {
    for (let run = 1; run <= RUNS; run++) {
      console.log(`run ${run}/${RUNS}`);
      // Raw baseline: Dexie bulkPut, toArray + setGridOption('rowData'), put, bulkPut + transaction.
      if (want('fill', 'open', 'heap', 'edit', 'bulk', 'bulkSet', 'paste', 'photo', 'photoSize', 'pull', 'import')) {
      const { context: rawContext, page: rawPage } = await launch();
      await rawPage.goto(`${raw.url}/`);
      await rawPage.waitForFunction(() => document.title === 'raw ready');
      add('fill', 'raw', await rawPage.evaluate((n) => (window as never as { __rawBench: { fill(n: number): Promise<number> } }).__rawBench.fill(n), N));
      // The first open after writing 100,000 rows meets the database compacting: time the opens after it.
      for (let open = 0; open <= OPENS; open++) {
        await rawPage.reload();
        await rawPage.waitForFunction(() => document.title === 'raw ready');
        const ms = await rawPage.evaluate(() => (window as never as { __rawBench: { open(): Promise<number> } }).__rawBench.open());
        if (open > 0) add('open', 'raw', ms);
      }
      add('heap', 'raw', await heapMb(rawPage));
      add('edit', 'raw', await rawPage.evaluate(() => (window as never as { __rawBench: { putOne(): Promise<number> } }).__rawBench.putOne()));
      add('bulk', 'raw', await rawPage.evaluate((c) => (window as never as { __rawBench: { bulkUpdate(c: number): Promise<number> } }).__rawBench.bulkUpdate(c), BULK));
      add('paste', 'raw', await rawPage.evaluate((c) => (window as never as { __rawBench: { bulkUpdate(c: number): Promise<number> } }).__rawBench.bulkUpdate(c), PASTE_ROWS));
      const rawPhoto = await photoSample(rawPage, 'raw');
      add('photo', 'raw', rawPhoto.ms);
      add('photoSize', 'raw', rawPhoto.before / 1024);
      await rawContext.close();
      }

      // The app: fill through its own mutation path, then open, edit one cell, update 10,000 rows.
      const { context, page } = await launch();
      // Each run is a new browser profile: its first start loads the sample, then fills up to N measures.
      await page.goto(`${app.url}/?synthetic=${N}&bench#ledger`);
      // A demonstration server fills the synthetic rows before the ledger shows: minutes, not seconds.
      const fillStart = Date.now();
      await signIn(page, undefined, undefined, 600_000);
      await page.waitForFunction((n) => document.querySelector('.toolbar__count')?.textContent?.includes(`共 ${n} 条措施`), N, { timeout: 600_000 });
      add('fill', 'app', Date.now() - fillStart);
      if (want('dashboard')) {
        const dashboard = await page.evaluate(() => (window as never as { __ledgerBench: { dashboard(): Promise<{ app: number; raw: number }> } }).__ledgerBench.dashboard());
        add('dashboard', 'app', dashboard.app);
        add('dashboard', 'raw', dashboard.raw);
      }
      if (want('open', 'heap', 'edit', 'bulk', 'bulkSet', 'paste', 'export', 'import', 'photo', 'photoSize')) {
      for (let open = 0; open <= OPENS; open++) {
        await page.goto(`${app.url}/?bench#ledger`);
        await page.waitForFunction(() => performance.getEntriesByName('ledger:first-render').length > 0, null, { timeout: 120_000 });
        const ms = await page.evaluate(() => performance.getEntriesByName('ledger:first-render')[0]?.startTime ?? NaN);
        if (open > 0) add('open', 'app', ms);
      }
      add('heap', 'app', await heapMb(page));
      add('edit', 'app', await page.evaluate(async () => {
        const { storage } = (window as never as { __ledgerBench: { storage: { cache: { all(e: string): { id: string }[] }; save(c: unknown[]): Promise<unknown> } } }).__ledgerBench;
        const target = storage.cache.all('measure')[1] as { id: string };
        const start = performance.now();
        await storage.save([{ op: 'update', entity: 'measure', id: target.id, fields: { owner: `app ${start}` } }]);
        return performance.now() - start;
      }));
      add('bulk', 'app', await page.evaluate(async (count) => {
        const { storage } = (window as never as { __ledgerBench: { storage: { cache: { all(e: string): { id: string; status: string }[] }; save(c: unknown[]): Promise<unknown> } } }).__ledgerBench;
        const targets = storage.cache.all('measure').filter((m) => m.status === 'in_progress').slice(0, count);
        const start = performance.now();
        await storage.save(targets.map((m) => ({ op: 'update', entity: 'measure', id: m.id, fields: { status: 'completed' } })));
        await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
        return performance.now() - start;
      }, BULK));
      add('bulkSet', 'app', await bulkSetMs(page, Math.min(BULK, N)));
      add('paste', 'app', await pasteMs(page, PASTE_ROWS));
      add('export', 'app', await exportMs(page));
      add('import', 'app', await importMs(page, N));
      const photo = await photoSample(page, 'app');
      add('photo', 'app', photo.ms);
      add('photoSize', 'app', photo.after / 1024);
      }
      await context.close();

      // Sync: the server takes N new measures over HTTP (throughput), then a new device signs in and pulls them all,
      // then pushes 10,000 changes back.
      if (!want('throughput', 'pull', 'push')) continue;
      const server = await startServer({ staticDir: 'dist/client' });
      try {
        const pushed = await pushMeasures(server.url, N);
        add('throughput', 'app', N / (pushed / 1000));
        const { context: syncContext, page: syncPage } = await launch();
        await syncPage.goto(`${server.url}/?bench#ledger`);
        // A new device pulls the whole ledger on its first start, right after signing in: timed to the grid showing it.
        const pullStart = Date.now();
        await signIn(syncPage);
        await syncPage.waitForFunction((n) => document.querySelector('.toolbar__count')?.textContent?.includes(`共 ${n} 条措施`), N, { timeout: 600_000 });
        add('pull', 'app', Date.now() - pullStart);
        add('push', 'app', await syncPage.evaluate(async (count) => {
          const { storage, sync } = (window as never as { __ledgerBench: { sync: { push(): Promise<void> }; storage: { db: { outbox: { clear(): Promise<void> } }; cache: { all(e: string): { id: string; status: string }[] }; save(c: unknown[]): Promise<unknown> } } }).__ledgerBench;
          // Only the changes below are timed: anything already waiting goes first.
          await sync.push();
          const targets = storage.cache.all('measure').filter((m) => m.status === 'in_progress').slice(0, count);
          await storage.save(targets.map((m) => ({ op: 'update', entity: 'measure', id: m.id, fields: { owner: 'bench' } })));
          const start = performance.now();
          await sync.push();
          return performance.now() - start;
        }, BULK));
        await syncContext.close();
      } finally {
        await server.stop();
      }
    }
  } finally {
    // A browser that crashed may still be writing its profile: a failed removal must not hide the error that ended the run.
    for (const profile of profiles) {
      try {
        rmSync(profile, { recursive: true, force: true, maxRetries: 5 });
      } catch {
        console.warn(`could not remove ${profile}`);
      }
    }
    await app.stop();
    await raw.stop();
  }

  const row = (name: string, label: string, unit: string, target: string): Row => {
    const s = samples.get(name) ?? { app: [], raw: [] };
    return { name: label, app: median(s.app), raw: s.raw.length ? median(s.raw) : null, unit, target };
  };
  const rows: Row[] = [
    row('open', `cold open → first grid render (${N} rows)`, 'ms', '≤ 1.3× raw'),
    row('edit', 'one cell edit → committed to IndexedDB', 'ms', '≤ 2× raw'),
    row('bulk', `bulk update of ${BULK} rows (store + grid)`, 'ms', '≤ 1.3× raw'),
    { ...row('bulkSet', `批量修改 on ${Math.min(BULK, N)} ticked rows, dialog to done (raw: bulkPut + grid transaction)`, 'ms', '—'), raw: median(samples.get('bulk')?.raw ?? []) },
    row('paste', `paste ${PASTE_ROWS} × 5 cells (raw: bulkPut + transaction of ${PASTE_ROWS} rows)`, 'ms', '—'),
    row('heap', `JS heap with ${N} rows loaded`, 'MB', '≤ 80 MB'),
    row('dashboard', `总览: every dashboard figure over ${N} measures (raw: one loop counting statuses and overdue)`, 'ms', '≤ 300 ms'),
    row('fill', `fill ${N} rows (app: validated, through the mutation path)`, 'ms', '—'),
    { ...row('pull', `new device: sign in → all ${N} measures pulled and shown (raw: bulkPut of as many)`, 'ms', '—'), raw: median(samples.get('fill')?.raw ?? []) },
    { ...row('import', `import a CSV of ${N} new measures: read, check, save (raw: bulkPut of as many)`, 'ms', '—'), raw: median(samples.get('fill')?.raw ?? []) },
    row('export', `export ${N} measures, full data as CSV`, 'ms', '—'),
    row('photo', 'a 12-MP photo: downscale to 1600 px, JPEG, hash, store (raw: store the original)', 'ms', '—'),
    row('photoSize', 'that photo’s size: stored by the app (raw: as taken)', 'kB', '—'),
    row('push', `push ${BULK} mutations, browser → server (SQLite)`, 'ms', '—'),
    row('throughput', 'server throughput, SQLite (1,000-mutation pushes)', 'mut/s', '—'),
    { name: 'initial JS (gzip)', app: initialJsGzip('dist/client') / 1024, raw: null, unit: 'kB', target: '≤ 350 kB' },
  ];
  const table = rows.filter((r) => ONLY === null || Number.isFinite(r.app)).map((r) => ({
    measure: r.name,
    app: `${r.app.toFixed(r.unit === 'MB' || r.unit === 'kB' ? 1 : 0)} ${r.unit}`,
    raw: r.raw === null ? '—' : `${r.raw.toFixed(r.unit === 'MB' || r.unit === 'kB' ? 1 : 0)} ${r.unit}`,
    ratio: r.raw === null ? '—' : `${(r.app / r.raw).toFixed(2)}×`,
    target: r.target,
  }));
  console.table(table);
  mkdirSync('bench-results', { recursive: true });
  const file = join('bench-results', `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify({ n: N, runs: RUNS, date: new Date().toISOString(), samples: Object.fromEntries(samples), rows }, null, 2));
  console.log(`Written to ${file}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
