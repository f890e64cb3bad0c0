// `npm run cli -- report monthly | summary | rectification` against real SQLite and PostgreSQL: a draft, issuing it
// as 第 1 期 (a record every device pulls), the issued one unchanged after the ledger changes while the next draft
// moves on, the server refusing any edit of an issued one, 附件1 as .xlsx and .csv (the same as `export --format
// summary`), and the report draft as .docx.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import readExcelFile from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../src/shared/auth/permissions.ts';
import type { BulletinData } from '../../src/shared/model/bulletin.ts';
import { withoutMeta } from '../../src/shared/model/change.ts';
import { newId } from '../../src/shared/model/ids.ts';
import { buildSampleLedger } from '../../src/shared/sample/build-sample.ts';
import type { Mutation } from '../../src/shared/sync/protocol.ts';
import { openDatabase } from '../../src/server/store/database.ts';
import { createSyncStore } from '../../src/server/store/sync-store.ts';
import { applyPush } from '../../src/server/sync/push.ts';
import { createTestDatabase, type StoreKind, type TestDatabase } from './support/databases.ts';

const sample = buildSampleLedger(readFileSync(new URL('../../src/shared/sample/seed-report.txt', import.meta.url), 'utf8'));
const admin: SessionUser = { id: newId(), username: 'admin', displayName: '管理员', role: 'admin', departmentIds: [] };
const kinds: StoreKind[] = ['sqlite', 'postgres'];
const red = sample.measures.find((m) => m.title === '为企业用工提供平台')!;
const documentXml = (file: string) => new TextDecoder().decode(unzipSync(readFileSync(file))['word/document.xml']);

describe.each(kinds)('npm run cli -- report monthly | summary | rectification on %s', (kind) => {
  let database: TestDatabase;
  let dir: string;
  const clientId = newId();
  const mutation = (entity: Mutation['entity'], id: string, op: Mutation['op'], fields: Record<string, unknown>, baseVersion = 0): Mutation => ({ mutationId: newId(), clientId, entity, id, op, fields, baseVersion, actor: '示例', at: new Date().toISOString() });
  const push = async (mutations: Mutation[]) => {
    const opened = await openDatabase({ databaseUrl: database.env.DATABASE_URL, dataDir: database.env.DATA_DIR });
    try {
      const outcome = await applyPush(createSyncStore(opened.db, opened.dialect), { clientId, mutations }, new Date().toISOString(), admin);
      return outcome.ok ? outcome.results : [];
    } finally {
      await opened.close();
    }
  };
  const pullBulletins = async () => {
    const opened = await openDatabase({ databaseUrl: database.env.DATABASE_URL, dataDir: database.env.DATA_DIR });
    try {
      const page = await createSyncStore(opened.db, opened.dialect).pull(0, 10_000);
      return page.records.filter((r) => r.entity === 'bulletin');
    } finally {
      await opened.close();
    }
  };

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    dir = mkdtempSync(join(tmpdir(), 'ledger-bulletin-'));
    const create = (entity: Mutation['entity'], record: { id: string }) => mutation(entity, record.id, 'create', withoutMeta(record));
    const results = await push([
      ...sample.departments.map((r) => create('department', r)),
      ...sample.areas.map((r) => create('area', r)),
      ...sample.problems.map((r) => create('problem', r)),
      ...sample.measures.map((r) => create('measure', r)),
      ...sample.ledgerInfo.map((r) => create('ledgerInfo', r)),
    ]);
    expect(results.filter((r) => r.status !== 'applied')).toEqual([]);
  });
  afterAll(async () => {
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  // The command exactly as a user types it, in its own process, over the store named by the environment.
  const cli = (...args: string[]) => {
    const run = spawnSync('npm', ['run', '--silent', 'cli', '--', ...args], { env: { ...process.env, ...database.env }, encoding: 'utf8' });
    return { status: run.status, out: run.stdout.trim(), err: run.stderr.trim() };
  };
  const file = (ext: string) => join(dir, `${newId()}.${ext}`);
  const ok = (...args: string[]) => {
    const run = cli(...args);
    expect(run.err).toBe('');
    expect(run.status).toBe(0);
    return run.out;
  };

  it('issues 第 1 期; after a change the issued one stays as issued, the next draft is 第 2 期 with the change', async () => {
    const draft = file('json');
    ok('report', 'monthly', '--month', '2022-11', '--as-of', '2022-11-02', '--format', 'json', '-o', draft);
    const preview = JSON.parse(readFileSync(draft, 'utf8')) as BulletinData;
    expect([preview.number, preview.overall.measures, preview.overall.done, preview.red.length]).toEqual([1, 202, 26, 1]);
    expect(await pullBulletins()).toEqual([]);

    const issuedDocx = file('docx');
    expect(ok('report', 'monthly', '--month', '2022-11', '--as-of', '2022-11-02', '--issue', '--format', 'docx', '-o', issuedDocx)).toMatch(/^已发布第 1 期/);
    const stored = await pullBulletins();
    expect(stored.map((r) => [r.data.number, r.data.createdBy])).toEqual([[1, '命令行导入']]);
    expect((stored[0]!.data as { data: BulletinData }).data).toEqual(preview);
    expect(documentXml(issuedDocx)).toContain('第 1 期');

    // The red measure is done now: the next draft counts it, the issued bulletin does not move.
    const results = await push([mutation('measure', red.id, 'update', { status: 'completed', progress: 100 }, 1)]);
    expect(results.map((r) => r.status)).toEqual(['applied']);
    const again = file('docx');
    ok('report', 'monthly', '--number', '1', '--format', 'docx', '-o', again);
    expect(documentXml(again)).toBe(documentXml(issuedDocx));
    const next = file('json');
    ok('report', 'monthly', '--month', '2022-11', '--as-of', '2022-11-02', '--format', 'json', '-o', next);
    const second = JSON.parse(readFileSync(next, 'utf8')) as BulletinData;
    expect([second.number, second.overall.done, second.red.length, second.change]).toEqual([2, 27, 0, { number: 1, done: 1, closed: 0, overdue: -1, rate: 27 / 202 - 26 / 202 }]);
    const sheets = file('xlsx');
    ok('report', 'monthly', '--number', '1', '--format', 'xlsx', '-o', sheets);
    const book = await readExcelFile(readFileSync(sheets));
    const units = book.find((s) => s.sheet === '各单位')!.data;
    expect(units[0]?.[0]).toBe('商丘市优化营商环境执法检查问题整改台账工作通报 第 1 期　　（2022-11，截至 2022-11-02） · 二、各单位推进情况（按完成率排名）');
    expect(units.slice(2, 4).map((r) => r.slice(0, 4))).toEqual([['排名', '牵头单位', '牵头措施', '已完成'], [1, '市中级人民法院', 1, 1]]);
    expect(book.find((s) => s.sheet === '红灯')!.data.slice(3)).toEqual([[1, 9, '（二）二是为企业用工提供平台', '市人力资源社会保障局', '2022-09-30', 33]]);
  });

  it('refuses any change to an issued bulletin, even an administrator’s, and its deletion', async () => {
    const [issued] = await pullBulletins();
    const results = await push([mutation('bulletin', issued!.id, 'update', { number: 9 }, issued!.version), mutation('bulletin', issued!.id, 'delete', {}, issued!.version)]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect((await pullBulletins()).map((r) => [r.data.number, r.deleted])).toEqual([[1, false]]);
  });

  it('writes 附件1 from the live ledger as .csv (the same file as export --format summary) and .xlsx, and the report as .docx', async () => {
    const csv = file('csv');
    const exported = file('csv');
    ok('report', 'summary', '--format', 'csv', '-o', csv);
    ok('export', exported, '--format', 'summary');
    expect(readFileSync(csv, 'utf8')).toBe(readFileSync(exported, 'utf8'));
    expect(readFileSync(csv, 'utf8')).toContain('二是为企业用工提供平台（已完成）');
    const xlsx = file('xlsx');
    ok('report', 'summary', '--format', 'xlsx', '-o', xlsx);
    const [sheet] = await readExcelFile(readFileSync(xlsx));
    expect(sheet!.data[1]).toEqual(['序号', '执法检查报告中提出的问题', '检查组提出的意见建议及市人大常委会委员提出的审议意见', '整改落实情况', '责任单位']);
    expect(sheet!.data.slice(2).map((r) => r[0])).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const report = file('docx');
    expect(ok('report', 'rectification', '--as-of', '2022-11-02', '--format', 'docx', '-o', report)).toMatch(/^整改情况报告：问题 10 个，措施 202 项，已完成 27 项/);
    const xml = documentXml(report);
    expect(xml).toContain('商丘市人大常委会：');
    expect(xml).toContain('台账共列整改措施 202 项');
    const refused = cli('report', 'monthly', '--month', '2022-13', '--format', 'json', '-o', file('json'));
    expect([refused.status, refused.err]).toEqual([1, '月份“2022-13”无效，应为 YYYY-MM，例如 2022-11']);
  });
});
