// `npm run cli -- report dashboard | weekly` against real SQLite and PostgreSQL: the figures a coordinator checks
// (counts, a unit's 未报送), and an as-of day before a change showing the status it had then, from the audit trail.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../src/shared/auth/permissions.ts';
import { withoutMeta } from '../../src/shared/model/change.ts';
import { todayIso } from '../../src/shared/model/dates.ts';
import { newId } from '../../src/shared/model/ids.ts';
import type { Dashboard, WeeklyReport } from '../../src/shared/report/index.ts';
import { buildSampleLedger } from '../../src/shared/sample/build-sample.ts';
import type { Mutation } from '../../src/shared/sync/protocol.ts';
import { openDatabase } from '../../src/server/store/database.ts';
import { createSyncStore } from '../../src/server/store/sync-store.ts';
import { applyPush } from '../../src/server/sync/push.ts';
import { createTestDatabase, type StoreKind, type TestDatabase } from './support/databases.ts';

const sample = buildSampleLedger(readFileSync(new URL('../../src/shared/sample/seed-report.txt', import.meta.url), 'utf8'));
const admin: SessionUser = { id: newId(), username: 'admin', displayName: '管理员', role: 'admin', departmentIds: [] };
const kinds: StoreKind[] = ['sqlite', 'postgres'];
// A measure in progress on the seed's report day, which a coordinator then marks done.
const changed = sample.measures.find((m) => m.status === 'in_progress' && m.leadDepartmentId !== null)!;

describe.each(kinds)('npm run cli -- report on %s', (kind) => {
  let database: TestDatabase;
  let dir: string;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    dir = mkdtempSync(join(tmpdir(), 'ledger-report-'));
    const opened = await openDatabase({ databaseUrl: database.env.DATABASE_URL, dataDir: database.env.DATA_DIR });
    try {
      const store = createSyncStore(opened.db, opened.dialect);
      const clientId = newId();
      const at = new Date().toISOString();
      const create = (entity: Mutation['entity'], record: { id: string }): Mutation => ({ mutationId: newId(), clientId, entity, id: record.id, op: 'create', fields: withoutMeta(record), baseVersion: 0, actor: '示例', at });
      const created = await applyPush(store, { clientId, mutations: [
        ...sample.departments.map((r) => create('department', r)),
        ...sample.areas.map((r) => create('area', r)),
        ...sample.problems.map((r) => create('problem', r)),
        ...sample.measures.map((r) => create('measure', r)),
      ] }, at, admin);
      expect(created.ok && created.results.filter((r) => r.status !== 'applied')).toEqual([]);
      const update: Mutation = { mutationId: newId(), clientId, entity: 'measure', id: changed.id, op: 'update', fields: { status: 'completed', progress: 100 }, baseVersion: 1, actor: '示例', at };
      const updated = await applyPush(store, { clientId, mutations: [update] }, new Date().toISOString(), admin);
      expect(updated.ok && updated.results.map((r) => r.status)).toEqual(['applied']);
    } finally {
      await opened.close();
    }
  });
  afterAll(async () => {
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  // The command exactly as a user types it, in its own process, over the store named by the environment.
  const cli = <T>(...args: string[]): { out: T; printed: string } => {
    const file = join(dir, `${newId()}.json`);
    const run = spawnSync('npm', ['run', '--silent', 'cli', '--', 'report', ...args, '--format', 'json', '-o', file], { env: { ...process.env, ...database.env }, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    return { out: JSON.parse(readFileSync(file, 'utf8')) as T, printed: run.stdout.trim() };
  };
  const counts = (figures: Record<string, { count: number }>) => Object.fromEntries(Object.entries(figures).map(([k, f]) => [k, f.count]));

  it('gives the dashboard as the ledger stands today, with the change', () => {
    const today = todayIso();
    const { out, printed } = cli<Dashboard>('dashboard', '--as-of', today);
    expect(out.problems).toBe(10);
    expect(out.measures.count).toBe(202);
    expect(counts(out.byStatus)).toEqual({ not_started: 0, in_progress: 165, completed: 27, closed: 0, ongoing: 10 });
    expect(printed).toBe(`${today}: 202 整改措施, 完成率 27/202 → ${printed.split('→ ')[1]}`);
  });

  it('gives a past day as the ledger stood then: the audit trail undoes the later change; the units that did not report', () => {
    const { out } = cli<Dashboard>('dashboard', '--as-of', '2022-11-02');
    expect(counts(out.byStatus)).toEqual({ not_started: 0, in_progress: 166, completed: 26, closed: 0, ongoing: 10 });
    expect(out.completion.done.count).toBe(26);
    expect(out.overdue.count).toBe(1);
    const unit = out.departments.find((d) => d.name === '市自然资源和规划局');
    expect(unit && [unit.lead.measures.count, unit.lead.done.count]).toEqual([32, 9]);
    expect(out.unreported.map((u) => u.name)).toContain('市财政局');
  });

  it('gives the weekly dispatch of a week in the sample: its units, who reported and who did not', () => {
    const { out, printed } = cli<WeeklyReport>('weekly', '--week', '2022-W44');
    expect(out.week).toEqual({ label: '2022-W44', start: '2022-10-31', end: '2022-11-06' });
    expect(out.totals.units).toBe(19);
    expect(out.totals.reported + out.totals.unreported).toBe(19);
    const finance = out.units.find((u) => u.name === '市财政局');
    expect(finance?.reported).toBe(false);
    expect(finance?.measures.every((m) => m.notes.length === 0)).toBe(true);
    expect(out.units.filter((u) => u.reported).every((u) => u.measures.some((m) => m.notes.length > 0))).toBe(true);
    expect(printed.startsWith('2022-W44: ')).toBe(true);
  });
});
