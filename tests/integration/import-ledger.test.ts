// A new office's own ledger into an empty installation, over the real command line: the workbook LibreOffice saved
// (two title rows, merged 序号/问题/方面, date cells and dates as text) and the same as GBK CSV, each compared cell by
// cell with the problems, measures and units it must give; without --create-missing, nothing and the fix named.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createAccountStore } from '../../src/server/store/account-store.ts';
import { openDatabase } from '../../src/server/store/database.ts';
import { createSyncStore } from '../../src/server/store/sync-store.ts';
import { loadLedger } from '../../src/server/transfer/ledger-file.ts';
import { runImport } from '../../src/server/transfer/transfer-commands.ts';
import { expectedAreas, expectedMeasures, expectedProblems, expectedUnits } from '../fixtures/import/expected.ts';
import { createTestDatabase, type StoreKind } from './support/databases.ts';

const fixture = (name: string) => new URL(`../fixtures/import/${name}`, import.meta.url).pathname;
const kinds: StoreKind[] = ['sqlite', 'postgres'];

describe.each(kinds)('a flat ledger into an empty installation on %s', (kind) => {
  it.each([
    ['the workbook', 'flat-ledger.xlsx', '文件：Excel 工作簿，工作表“整改台账”（共 2 个：整改台账、说明）；表头在第 3 行'],
    ['the GBK CSV', 'flat-ledger-gbk.csv', '文件：CSV，编码 GB18030 / GBK，分隔符：逗号；表头在第 3 行'],
  ])('%s builds the whole ledger, and only when told to', async (_name, file, howRead) => {
    const database = await createTestDatabase(kind);
    try {
      // Refused and checked in this process (the command's own function), imported by the real command.
      const inProcess = async (...args: string[]) => {
        const opened = await openDatabase({ databaseUrl: database.env.DATABASE_URL, dataDir: database.env.DATA_DIR });
        const printed: string[] = [];
        try {
          const status = await runImport([fixture(file), ...args], { store: createSyncStore(opened.db, opened.dialect), accounts: createAccountStore(opened.db), print: (line) => printed.push(line) });
          return { status, stdout: printed.join('\n') };
        } finally {
          await opened.close();
        }
      };
      const refused = await inProcess();
      expect(refused.status).toBe(1);
      expect(refused.stdout).toContain(howRead);
      expect(refused.stdout).toContain('  “整改时限” → 整改时限');
      expect(refused.stdout).toContain('第 4 行 “序号”没有序号为 1 的问题：加上 --create-missing 创建文件中的新问题，或先导入问题表');
      expect(refused.stdout).toContain('文件中有 3 个台账里没有的问题：加上 --create-missing 新建它们（连同方面和责任单位）');

      const dry = await inProcess('--create-missing', '--dry-run');
      expect(dry.stdout).toContain('将新建 3 个问题、8 条措施、7 个责任单位、2 个方面');
      expect(dry.stdout).toContain('试运行：检查通过，未写入任何数据');
      expect(dry.status).toBe(0);

      const done = spawnSync(process.execPath, ['--import', 'tsx', 'src/server/cli.ts', 'import', fixture(file), '--create-missing'], { env: { ...process.env, ...database.env }, encoding: 'utf8' });
      expect(done.stdout).toContain('已导入：20 条修改已写入服务器');
      expect(done.status).toBe(0);

      const opened = await openDatabase({ databaseUrl: database.env.DATABASE_URL, dataDir: database.env.DATA_DIR });
      try {
        const ledger = await loadLedger(createSyncStore(opened.db, opened.dialect));
        const unit = new Map(ledger.departments.map((d) => [d.id, d.name]));
        const area = new Map(ledger.areas.map((a) => [a.id, a.name]));
        const number = new Map(ledger.problems.map((p) => [p.id, p.number]));
        expect(ledger.departments.map((d) => d.name).sort()).toEqual([...expectedUnits].sort());
        expect(ledger.areas.map((a) => a.name).sort()).toEqual([...expectedAreas].sort());
        expect(
          [...ledger.problems]
            .sort((a, b) => a.number - b.number)
            .map((p) => ({ number: p.number, area: area.get(p.areaId ?? ''), title: p.title, lead: unit.get(p.leadDepartmentId ?? ''), cooperating: p.cooperatingDepartmentIds.map((id) => unit.get(id)) })),
        ).toEqual(expectedProblems);
        expect(
          [...ledger.measures]
            .sort((a, b) => (number.get(a.problemId) ?? 0) - (number.get(b.problemId) ?? 0) || a.seq - b.seq)
            .map((m) => [number.get(m.problemId), m.title, unit.get(m.leadDepartmentId ?? ''), m.cooperatingDepartmentIds.map((id) => unit.get(id)), m.owner, m.deadline, m.status, m.progressNote]),
        ).toEqual(expectedMeasures);
        // The audit trail: one entry per record the import made, and one for the import with the file's hash.
        const audit = await createAccountStore(opened.db).listAudit({ limit: 1000 });
        expect(audit).toHaveLength(21);
        const imports = audit.filter((a) => a.entity === 'import').map((a) => JSON.parse(a.new_value ?? '{}') as { file: string; sha256: string; records: number });
        expect(imports.map((i) => [i.file, i.records])).toEqual([[file, 20]]);
        expect(imports[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
      } finally {
        await opened.close();
      }
    } finally {
      await database.drop();
    }
  });

  it('asks for an .xls to be saved as .xlsx', async () => {
    const database = await createTestDatabase(kind);
    try {
      const bytes = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
      const path = `${database.env.DATA_DIR}/旧台账.xls`;
      (await import('node:fs')).writeFileSync(path, bytes);
      const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/server/cli.ts', 'import', path], { env: { ...process.env, ...database.env }, encoding: 'utf8' });
      expect(result.status).toBe(1);
      expect(result.stdout.trim()).toBe('未导入任何数据：这是旧版 Excel（.xls）或 WPS 表格（.et）文件，无法直接导入：请在 WPS 或 Excel 中打开它，“另存为” Excel 工作簿（.xlsx）后再导入');
      expect(readFileSync(path).length).toBe(512);
    } finally {
      await database.drop();
    }
  });
});
