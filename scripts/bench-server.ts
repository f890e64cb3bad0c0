// npm run bench:server: the sync server under a bounded load on the loopback (fixed counts, a time limit), on SQLite
// (one process) and on PostgreSQL (two processes; run through scripts/with-postgres.sh). Prints mutations/s, push
// latency, small requests during a 1,000-mutation push, lost and duplicated mutations, each store beside a raw
// baseline: the same rows (record, mutation, change, audit) inserted with the same driver in one transaction.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { addUser } from '../src/server/auth/accounts.ts';
import { createAccountStore } from '../src/server/store/account-store.ts';
import { openDatabase } from '../src/server/store/database.ts';
import { createRandom, syntheticMeasure } from '../src/shared/sample/synthetic.ts';
import { freePort } from '../tests/e2e/support/server.ts';

const args = new Map(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=') as [string, string]));
const PUSHES = Number(args.get('pushes') ?? 10);
const CLIENTS = Number(args.get('clients') ?? 20);
const CLIENT_PUSHES = Number(args.get('client-pushes') ?? 5);
const CLIENT_BATCH = Number(args.get('client-batch') ?? 200);
const BIG_PUSHES = 3;
const LIMIT_MS = Number(args.get('limit-s') ?? 600) * 1000;
const PASSWORD = 'bench-password-0123';
const deadline = Date.now() + LIMIT_MS;

type Store = { kind: 'sqlite' | 'postgres'; env: Record<string, string>; dataDir: string; url?: string };
type Api = (path: string, init?: RequestInit) => Promise<Response>;
type Mutation = { mutationId: string; clientId: string; entity: string; id: string; op: 'create'; fields: Record<string, unknown>; baseVersion: 0; actor: string; at: string };

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))] ?? NaN;
const ms = (x: number) => `${x.toFixed(0)} ms`;
const checkTime = () => {
  if (Date.now() > deadline) throw new Error(`time limit (${LIMIT_MS / 1000} s) reached`);
};

async function newStore(kind: Store['kind'], users: number): Promise<Store> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-server-'));
  let url: string | undefined;
  if (kind === 'postgres') {
    const base = process.env.TEST_DATABASE_URL;
    if (!base) throw new Error('PostgreSQL: run through scripts/with-postgres.sh (TEST_DATABASE_URL)');
    const name = `bench_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const u = new URL(base);
    u.pathname = `/${name}`;
    url = u.toString();
  }
  const opened = await openDatabase({ databaseUrl: url, dataDir });
  const accounts = createAccountStore(opened.db);
  for (let i = 0; i < users; i++) await addUser(accounts, { username: `user${i}`, displayName: `用户${i}`, password: PASSWORD, role: 'coordinator' });
  await opened.close();
  return { kind, dataDir, url, env: { DATA_DIR: dataDir, ...(url ? { DATABASE_URL: url } : {}) } };
}

async function startServer(store: Store): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: { ...process.env, ...store.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', STATIC_DIR: '/nonexistent', LEDGER_ADMIN_PASSWORD: PASSWORD },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (const until = Date.now() + 30_000; Date.now() < until; await new Promise((r) => setTimeout(r, 100))) {
    if (child.exitCode !== null) throw new Error('server exited');
    if (await fetch(`${url}/api/health`).then((r) => r.ok, () => false)) return { url, child };
  }
  throw new Error('server did not start');
}

async function signIn(url: string, username: string): Promise<Api> {
  const login = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-ledger-request': '1' }, body: JSON.stringify({ username, password: PASSWORD }) });
  if (!login.ok) throw new Error(`sign-in ${username}: ${login.status}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return (path, init) => fetch(`${url}${path}`, { ...init, headers: { cookie, 'x-ledger-request': '1', ...(init?.body ? { 'content-type': 'application/json' } : {}) } });
}

/** A device: its own id, the records it created (to check nothing was lost) and its push latencies. */
function device(api: Api, seed: number) {
  const clientId = randomUUID();
  const random = createRandom(seed);
  const created: string[] = [];
  let n = 0;
  const make = (entity: string, fields: Record<string, unknown>): Mutation => ({ mutationId: randomUUID(), clientId, entity, id: randomUUID(), op: 'create', fields, baseVersion: 0, actor: 'bench', at: new Date().toISOString() });
  const push = async (mutations: Mutation[]) => {
    const started = performance.now();
    const response = await api('/api/sync/push', { method: 'POST', body: JSON.stringify({ clientId, mutations }) });
    if (!response.ok) throw new Error(`push ${response.status}: ${await response.text()}`);
    const { results } = (await response.json()) as { results: { status: string }[] };
    const refused = results.filter((r) => r.status !== 'applied');
    if (results.length !== mutations.length || refused.length > 0) throw new Error(`push: ${results.length}/${mutations.length} answered, ${JSON.stringify(refused[0])}`);
    created.push(...mutations.map((m) => m.id));
    return performance.now() - started;
  };
  const measures = (problemId: string, count: number) =>
    Array.from({ length: count }, () => {
      const values = syntheticMeasure(n++, { problemIds: [problemId], departmentIds: [], today: new Date().toISOString().slice(0, 10) }, random);
      delete values.leadDepartmentId;
      return make('measure', values);
    });
  return { api, created, push, make, measures };
}

type Device = ReturnType<typeof device>;

async function newProblem(d: Device): Promise<string> {
  const problem = d.make('problem', { number: 900, title: '基准测试问题' });
  await d.push([problem]);
  return problem.id;
}

/** Pulls every record and opens the database to count changes applied twice: lost and duplicated mutations. */
async function integrity(store: Store, api: Api, devices: Device[]): Promise<{ lost: number; duplicated: number }> {
  const seen = new Set<string>();
  for (let after = 0; ; ) {
    const page = (await (await api(`/api/sync/pull?after=${after}&limit=5000`)).json()) as { records: { id: string }[]; cursor: number; more: boolean };
    for (const r of page.records) seen.add(r.id);
    after = page.cursor;
    if (!page.more) break;
  }
  const lost = devices.flatMap((d) => d.created).filter((id) => !seen.has(id)).length;
  const twice = 'select count(*) as n from (select mutation_id from changes where mutation_id is not null group by mutation_id having count(*) > 1) t';
  let duplicated: number;
  if (store.url) {
    const client = new pg.Client({ connectionString: store.url });
    await client.connect();
    duplicated = Number(((await client.query(twice)).rows[0] as { n: string }).n);
    await client.end();
  } else {
    const db = new SQLite(join(store.dataDir, 'ledger.sqlite'), { readonly: true });
    duplicated = (db.prepare(twice).get() as { n: number }).n;
    db.close();
  }
  return { lost, duplicated };
}

const TABLES = ['records', 'mutations', 'changes', 'audit'] as const;
const PG_TYPES: Record<string, string> = { version: 'bigint', seq: 'bigint', change_seq: 'bigint', deleted: 'integer' };

/** The rows the app wrote, written again into an empty database of the same schema with the same driver, in one transaction. */
async function rawBaseline(store: Store): Promise<{ ms: number; rows: Record<string, number> }> {
  const target = await newStore(store.kind, 0);
  const rows: Record<string, number> = {};
  if (store.kind === 'sqlite') {
    const source = new SQLite(join(store.dataDir, 'ledger.sqlite'), { readonly: true });
    const db = new SQLite(join(target.dataDir, 'ledger.sqlite'));
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    const data = TABLES.map((t) => [t, source.prepare(`select * from ${t}`).raw().all() as unknown[][]] as const);
    const started = performance.now();
    db.transaction(() => {
      for (const [table, all] of data) {
        rows[table] = all.length;
        const tuple = `(${Array.from({ length: all[0]?.length ?? 0 }, () => '?').join(',')})`;
        const statement = (count: number) => db.prepare(`insert into ${table} values ${Array.from({ length: count }, () => tuple).join(',')}`);
        const full = statement(100);
        for (let i = 0; i < all.length; i += 100) {
          const part = all.slice(i, i + 100);
          (part.length === 100 ? full : statement(part.length)).run(part.flat());
        }
      }
    })();
    const took = performance.now() - started;
    source.close();
    db.close();
    return { ms: took, rows };
  }
  const source = new pg.Client({ connectionString: store.url });
  const db = new pg.Client({ connectionString: target.url });
  await Promise.all([source.connect(), db.connect()]);
  const data = [];
  for (const table of TABLES) data.push([table, await source.query<Record<string, unknown>>(`select * from ${table}`)] as const);
  const started = performance.now();
  await db.query('begin');
  for (const [table, result] of data) {
    rows[table] = result.rows.length;
    const columns = result.fields.map((f) => f.name);
    for (let i = 0; i < result.rows.length; i += 1000) {
      const part = result.rows.slice(i, i + 1000);
      const casts = columns.map((c, k) => `$${k + 1}::${PG_TYPES[c] ?? 'text'}[]`).join(', ');
      await db.query(`insert into ${table} (${columns.map((c) => `"${c}"`).join(', ')}) select * from unnest(${casts})`, columns.map((c) => part.map((r) => r[c] ?? null)));
    }
  }
  await db.query('commit');
  const took = performance.now() - started;
  await Promise.all([source.end(), db.end()]);
  return { ms: took, rows };
}

type Report = Record<string, string | number>;

/** One device pushes PUSHES × 1,000 new measures, one after another; then the raw baseline of the same rows. */
async function throughput(kind: Store['kind']): Promise<Report> {
  const store = await newStore(kind, 1);
  const server = await startServer(store);
  try {
    const d = device(await signIn(server.url, 'user0'), 1);
    const problem = await newProblem(d);
    const latencies: number[] = [];
    const started = performance.now();
    for (let i = 0; i < PUSHES; i++) {
      checkTime();
      latencies.push(await d.push(d.measures(problem, 1_000)));
    }
    const wall = performance.now() - started;
    const { lost, duplicated } = await integrity(store, d.api, [d]);
    server.child.kill('SIGTERM');
    const raw = await rawBaseline(store);
    const perMutation = raw.rows.mutations ?? 1;
    const appRate = (PUSHES * 1_000) / (wall / 1000);
    const rawRate = perMutation / (raw.ms / 1000);
    return {
      'mutations/s (1 device, 1,000-mutation pushes)': Math.round(appRate),
      'push latency p50 / p99': `${ms(pct(latencies, 50))} / ${ms(pct(latencies, 99))}`,
      'raw baseline mutations/s (same rows, one transaction)': Math.round(rawRate),
      'rows per mutation (record, mutation, change, audit)': `${(Object.values(raw.rows).reduce((a, b) => a + b, 0) / perMutation).toFixed(1)} (audit ${((raw.rows.audit ?? 0) / perMutation).toFixed(1)})`,
      'app ÷ raw (time)': `${(rawRate / appRate).toFixed(2)}×`,
      lost,
      duplicated,
    };
  } finally {
    server.child.kill('SIGTERM');
  }
}

/** While one user's 1,000-mutation push runs, another user sends 1-mutation pushes and GET /api/auth/me, one after another. */
async function headOfLine(kind: Store['kind']): Promise<Report> {
  const store = await newStore(kind, 2);
  const server = await startServer(store);
  try {
    const big = device(await signIn(server.url, 'user0'), 2);
    const small = device(await signIn(server.url, 'user1'), 3);
    const problem = await newProblem(big);
    await big.push(big.measures(problem, 1_000));
    const pushes: number[] = [];
    const mes: number[] = [];
    const bigs: number[] = [];
    for (let i = 0; i < BIG_PUSHES; i++) {
      checkTime();
      let running = true;
      const loads = big.push(big.measures(problem, 1_000)).then((took) => {
        running = false;
        bigs.push(took);
      });
      // Give the large push's body time to arrive: the small requests are to meet it being applied.
      await new Promise((r) => setTimeout(r, 30));
      while (running) {
        pushes.push(await small.push(small.measures(problem, 1)));
        const started = performance.now();
        const me = await small.api('/api/auth/me');
        await me.arrayBuffer();
        if (running) mes.push(performance.now() - started);
      }
      await loads;
    }
    const { lost, duplicated } = await integrity(store, small.api, [big, small]);
    return {
      'large push (1,000) latency p50': ms(pct(bigs, 50)),
      [`1-mutation push during it: n / p50 / p99 / max`]: `${pushes.length} / ${ms(pct(pushes, 50))} / ${ms(pct(pushes, 99))} / ${ms(Math.max(...pushes))}`,
      [`GET /api/auth/me during it: n / p50 / p99 / max`]: `${mes.length} / ${ms(pct(mes, 50))} / ${ms(pct(mes, 99))} / ${ms(Math.max(...mes))}`,
      lost,
      duplicated,
    };
  } finally {
    server.child.kill('SIGTERM');
  }
}

/** CLIENTS devices at once, spread over `processes` servers, each pushing CLIENT_PUSHES × CLIENT_BATCH new measures. */
async function manyClients(kind: Store['kind'], processes: number): Promise<Report> {
  const store = await newStore(kind, CLIENTS);
  const servers: { url: string; child: ChildProcess }[] = [];
  for (let i = 0; i < processes; i++) servers.push(await startServer(store));
  try {
    const devices = await Promise.all(Array.from({ length: CLIENTS }, async (_, i) => device(await signIn(servers[i % processes]!.url, `user${i}`), 10 + i)));
    const problem = await newProblem(devices[0]!);
    const latencies: number[] = [];
    const started = performance.now();
    await Promise.all(
      devices.map(async (d) => {
        for (let i = 0; i < CLIENT_PUSHES; i++) {
          checkTime();
          latencies.push(await d.push(d.measures(problem, CLIENT_BATCH)));
        }
      }),
    );
    const wall = performance.now() - started;
    const { lost, duplicated } = await integrity(store, devices[0]!.api, devices);
    return {
      [`mutations/s (${CLIENTS} devices × ${CLIENT_PUSHES} pushes of ${CLIENT_BATCH}, ${processes} process${processes > 1 ? 'es' : ''})`]: Math.round((CLIENTS * CLIENT_PUSHES * CLIENT_BATCH) / (wall / 1000)),
      'push latency p50 / p99': `${ms(pct(latencies, 50))} / ${ms(pct(latencies, 99))}`,
      lost,
      duplicated,
    };
  } finally {
    for (const s of servers) s.child.kill('SIGTERM');
  }
}

function print(title: string, report: Report): void {
  console.log(`\n${title}`);
  for (const [k, v] of Object.entries(report)) console.log(`  ${k.padEnd(62)} ${v}`);
}

async function main(): Promise<void> {
  const only = args.get('only')?.split(',') ?? ['sqlite', 'postgres'];
  console.log(`bench:server — loopback only, ${PUSHES} × 1,000-mutation pushes, ${BIG_PUSHES} large pushes with small requests beside, ${CLIENTS} devices; time limit ${LIMIT_MS / 1000} s`);
  if (only.includes('sqlite')) {
    print('SQLite, one process: throughput', await throughput('sqlite'));
    print('SQLite: small requests during a 1,000-mutation push', await headOfLine('sqlite'));
    print('SQLite: many devices', await manyClients('sqlite', 1));
  }
  if (only.includes('postgres')) {
    if (!process.env.TEST_DATABASE_URL) console.log('\nPostgreSQL skipped: run `bash scripts/with-postgres.sh npm run bench:server`');
    else {
      print('PostgreSQL, one process: throughput', await throughput('postgres'));
      print('PostgreSQL: small requests during a 1,000-mutation push', await headOfLine('postgres'));
      print('PostgreSQL: many devices, two server processes', await manyClients('postgres', 2));
    }
  }
  console.log(`\nload average at the end: ${(await import('node:os')).loadavg().map((x) => x.toFixed(1)).join(' ')}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.stack : error);
    process.exit(1);
  },
);
