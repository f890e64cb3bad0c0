// The command line's import and export against real SQLite and PostgreSQL: encodings and delimiters as Chinese
// offices save them, a bad row refusing the whole file, dry runs, and an older export never overwriting newer edits.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../src/shared/auth/permissions.ts';
import { mapHeaders } from '../../src/shared/csv/columns.ts';
import { parseTable } from '../../src/shared/csv/table.ts';
import { withoutMeta } from '../../src/shared/model/change.ts';
import { newId } from '../../src/shared/model/ids.ts';
import { buildSampleLedger } from '../../src/shared/sample/build-sample.ts';
import type { Mutation } from '../../src/shared/sync/protocol.ts';
import { type AccountStore, createAccountStore } from '../../src/server/store/account-store.ts';
import { openDatabase, type OpenDatabase } from '../../src/server/store/database.ts';
import { createSyncStore, type SyncStore } from '../../src/server/store/sync-store.ts';
import { applyPush } from '../../src/server/sync/push.ts';
import { loadLedger } from '../../src/server/transfer/ledger-file.ts';
import { runExport, runImport } from '../../src/server/transfer/transfer-commands.ts';
import { createTestDatabase, type StoreKind, type TestDatabase } from './support/databases.ts';

const sample = buildSampleLedger(readFileSync(new URL('../../src/shared/sample/seed-report.txt', import.meta.url), 'utf8'));
const admin: SessionUser = { id: newId(), username: 'admin', displayName: '管理员', role: 'admin', departmentIds: [] };
const kinds: StoreKind[] = ['sqlite', 'postgres'];

describe.each(kinds)('command-line import and export on %s', (kind) => {
  let database: TestDatabase;
  let opened: OpenDatabase;
  let store: SyncStore;
  let accounts: AccountStore;
  let dir: string;
  let printed: string[];

  beforeEach(async () => {
    database = await createTestDatabase(kind);
    opened = await openDatabase({ databaseUrl: database.env.DATABASE_URL, dataDir: database.env.DATA_DIR });
    store = createSyncStore(opened.db, opened.dialect);
    accounts = createAccountStore(opened.db);
    dir = mkdtempSync(join(tmpdir(), 'ledger-cli-'));
    printed = [];
    const clientId = newId();
    const create = (entity: Mutation['entity'], record: { id: string }): Mutation => {
      return { mutationId: newId(), clientId, entity, id: record.id, op: 'create', fields: withoutMeta(record), baseVersion: 0, actor: '示例', at: '2022-11-02T00:00:00.000Z' };
    };
    const mutations = [
      ...sample.departments.map((r) => create('department', r)),
      ...sample.areas.map((r) => create('area', r)),
      ...sample.problems.map((r) => create('problem', r)),
      ...sample.measures.map((r) => create('measure', r)),
    ];
    const pushed = await applyPush(store, { clientId, mutations }, new Date().toISOString(), admin);
    expect(pushed.ok && pushed.results.filter((r) => r.status !== 'applied')).toEqual([]);
  });
  afterEach(async () => {
    await opened.close();
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  const context = () => ({ store, accounts, print: (line: string) => printed.push(line) });
  const file = (name: string, bytes: Uint8Array | string) => {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    return path;
  };
  const measures = async () => (await loadLedger(store)).measures;
  const byTitle = async (title: string) => (await measures()).find((m) => m.title === title);

  it('exports the full data that imports back as unchanged, and the summary table as a workbook', async () => {
    const csv = join(dir, 'measures.csv');
    expect(await runExport([csv], context())).toBe(0);
    expect([...readFileSync(csv).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(parseTable(readFileSync(csv, 'utf8')).rows).toHaveLength(sample.measures.length + 1);
    expect(await runImport([csv], context())).toBe(0);
    expect(printed).toContain(`共 ${sample.measures.length} 行：新增 0 行，更新 0 行，无变化 ${sample.measures.length} 行，有错误 0 行；提醒 0 条`);
    expect(printed).toContain('文件中没有需要导入的修改');

    const xlsx = join(dir, 'summary.xlsx');
    expect(await runExport([xlsx, '--entity', 'summary'], context())).toBe(0);
    expect([...readFileSync(xlsx).subarray(0, 2)]).toEqual([0x50, 0x4b]);
    expect(printed.at(-1)).toBe(`已导出 10 行到 ${xlsx}`);
    const summary = join(dir, 'summary.txt');
    expect(await runExport([summary, '--format', 'summary'], context())).toBe(0);
    const table = parseTable(readFileSync(summary, 'utf8')).rows;
    expect(table[0]).toEqual(['序号', '执法检查报告中提出的问题', '检查组提出的意见建议及市人大常委会委员提出的审议意见', '整改落实情况', '责任单位']);
    expect(table.slice(1).map((r) => r[0])).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
  });

  it.each([
    ['GBK, comma-separated', (text: string) => iconv.encode(text, 'gbk'), ','],
    ['UTF-8 with a BOM', (text: string) => iconv.encode(text, 'utf8', { addBOM: true }), ','],
    ['UTF-8 without a BOM, tab-separated', (text: string) => iconv.encode(text, 'utf8'), '\t'],
    ['UTF-16 LE (Excel’s Unicode text)', (text: string) => iconv.encode(text, 'utf16le', { addBOM: true }), '\t'],
  ])('imports %s, keeping a line break inside a quoted cell', async (_name, encode, delimiter) => {
    const rows = [
      ['序号', '整改措施', '具体措施', '牵头单位', '整改时限', '整改状态'],
      ['3', '编制政务服务事项清单', '"第一步：梳理事项\n第二步：公布清单"', '市财政局', '2022/12/31', '整改中'],
    ];
    const path = file('import.csv', encode(rows.map((r) => r.join(delimiter)).join('\r\n')));
    expect(await runImport([path], context())).toBe(0);
    expect(printed).toContain('已导入：1 条修改已写入服务器');
    expect(await byTitle('编制政务服务事项清单')).toMatchObject({
      details: '第一步：梳理事项\n第二步：公布清单',
      deadline: '2022-12-31',
      status: 'in_progress',
      updatedBy: '命令行导入',
    });
  });

  it('refuses a file with a bad row whole, naming row, column and reason; writes the report; imports the rest when told', async () => {
    const text = ['序号,整改措施,牵头单位,整改时限,进度%', '1,好的一行,市财政局,2022-12-31,50', '1,坏的一行,市财政局,2022-02-30,10', '1,又一坏行,市财政局,,150'].join('\n');
    const path = file('bad.csv', text);
    const report = join(dir, 'report.csv');
    const before = (await measures()).length;
    expect(await runImport([path, '--report', report], context())).toBe(1);
    expect(printed).toEqual(expect.arrayContaining([expect.stringMatching(/^第 3 行 “整改时限”：不是有效日期/), expect.stringMatching(/^第 4 行 “进度%”：不能超过 100/), expect.stringMatching(/^未导入任何数据/)]));
    expect(await measures()).toHaveLength(before);
    expect(parseTable(readFileSync(report, 'utf8')).rows.slice(1).map((r) => [r[0], r[1]])).toEqual([['3', '整改时限'], ['4', '进度%']]);

    printed = [];
    expect(await runImport([path, '--skip-bad-rows'], context())).toBe(0);
    expect(await measures()).toHaveLength(before + 1);
    expect(await byTitle('好的一行')).toMatchObject({ progress: 50 });
    expect(await byTitle('坏的一行')).toBeUndefined();
    expect(await byTitle('又一坏行')).toBeUndefined();
  });

  it('checks without writing on a dry run, and acts within the permissions of the account it runs as', async () => {
    const path = file('new.csv', '序号,整改措施,牵头单位\n1,试运行的一行,市财政局\n');
    expect(await runImport([path, '--dry-run'], context())).toBe(0);
    expect(printed).toContain('试运行：检查通过，未写入任何数据');
    expect(await byTitle('试运行的一行')).toBeUndefined();

    await accounts.createUser({ id: newId(), username: 'viewer', display_name: '查看者', password_hash: 'x', role: 'viewer', disabled: 0, created_at: '2022-11-02T00:00:00.000Z' }, []);
    printed = [];
    expect(await runImport([path, '--as', 'viewer'], context())).toBe(1);
    expect(printed).toContain('第 2 行：您的账号无权修改这一项');
    expect(await byTitle('试运行的一行')).toBeUndefined();
  });

  it('keeps a value changed after the export: the file’s value goes to the conflicts inbox', async () => {
    const csv = join(dir, 'measures.csv');
    await runExport([csv], context());
    const target = sample.measures[0]!;
    const current = (await measures()).find((m) => m.id === target.id)!;
    const later = await applyPush(store, { clientId: newId(), mutations: [{ mutationId: newId(), clientId: newId(), entity: 'measure', id: target.id, op: 'update', fields: { owner: '后来填写' }, baseVersion: current.rev, actor: '王芳', at: new Date().toISOString() }] }, new Date().toISOString(), admin);
    expect(later.ok && later.results[0]?.status).toBe('applied');

    const table = parseTable(readFileSync(csv, 'utf8')).rows;
    const header = table[0]!;
    const column = (key: string) => mapHeaders('measure', header).indexOf(key);
    const row = table.find((r) => r[column('id')] === target.id)!;
    row[column('owner')] = '文件里的值';
    row[column('progress')] = '77';
    const edited = file('edited.csv', [header, row].map((r) => r.map((c) => `"${c.replaceAll('"', '""')}"`).join(',')).join('\n'));
    printed = [];
    expect(await runImport([edited], context())).toBe(0);
    expect(printed).toContain('其中 1 个字段在导出后已被他人修改，保留了服务器上的值，文件中的值已记入冲突收件箱');
    expect((await measures()).find((m) => m.id === target.id)).toMatchObject({ owner: '后来填写', progress: 77 });
    expect(await store.listConflicts('open')).toMatchObject([{ recordId: target.id, field: 'owner', serverValue: '后来填写', clientValue: '文件里的值' }]);
  });

  it('runs as the real command, with exit codes a script can trust', () => {
    const cli = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'src/server/cli.ts', ...args], { env: { ...process.env, ...database.env }, encoding: 'utf8' });
    const xlsx = join(dir, 'out.xlsx');
    const exported = cli('export', xlsx, '--entity', 'problem', '--lang', 'en');
    expect(exported.stdout.trim()).toBe(`Exported 10 rows to ${xlsx}`);
    expect(exported.status).toBe(0);
    const bad = cli('import', file('bad.csv', '序号,整改措施,整改时限\n1,一行,明天\n'));
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain('第 2 行 “整改时限”');
  });
});
