// The command line's import at scale: a flat ledger of N rows (default 100,000; 1,000 problems with their 序号 and
// 问题 on their first row only, as merged cells read, 56 units) into an empty SQLite store, through the real CLI
// process: a dry run, then the import. Prints wall and CPU time of each (the machine is shared: CPU time is the
// steadier figure), the store's size against the data it holds, and a raw baseline in the same run: plain
// better-sqlite3 inserting the same records' JSON in one transaction.
//   npm run bench:import -- --n=100000
//   npm run bench:import -- --n=10000 --csv=/tmp/ledger.csv   (only writes the file: for profiling the CLI)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import SQLite from 'better-sqlite3';

const { values } = parseArgs({ options: { n: { type: 'string', default: '100000' }, csv: { type: 'string' } } });
const n = Number(values.n);

function ledgerCsv(rows: number): string {
  const units = Array.from({ length: 56 }, (_, i) => `市第${i + 1}局`);
  const lines = ['序号,问题,整改措施,责任单位,配合单位,责任人,整改时限,整改状态,整改进展'];
  const perProblem = Math.max(1, Math.round(rows / 1000));
  for (let i = 0; i < rows; i++) {
    const problem = Math.floor(i / perProblem);
    const first = i % perProblem === 0;
    lines.push(
      [
        first ? problem + 1 : '',
        first ? `"第 ${problem + 1} 个问题：部分单位对优化营商环境的要求落实不到位，群众反映办事“跑多次”"` : '',
        `第 ${i + 1} 条整改措施：梳理事项清单，压缩办理时限，公开办事指南`,
        units[i % units.length],
        `${units[(i + 7) % units.length]}、${units[(i + 13) % units.length]}`,
        `责任人${i % 97}`,
        `2023/${(i % 12) + 1}/${(i % 28) + 1}`,
        ['未启动', '整改中', '已完成', '长期坚持'][i % 4],
        `"截至本月，已完成第 ${i % 9} 阶段工作，下一步继续推进"`,
      ].join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

if (values.csv) {
  writeFileSync(values.csv, ledgerCsv(n));
  process.exit(0);
}

const dir = mkdtempSync(join(tmpdir(), 'ledger-bench-import-'));
const dataDir = join(dir, 'data');
const csv = join(dir, 'ledger.csv');
writeFileSync(csv, ledgerCsv(n));

type Run = { wall: number; cpu: number; out: string };
/** The CLI under /usr/bin/time, which reports the child's user + system CPU seconds on its last line of stderr. */
const cli = (...args: string[]): Run => {
  const start = performance.now();
  // Without /usr/bin/time (Debian's `time` package) the CPU time is not known: NaN.
  const timed = existsSync('/usr/bin/time');
  const command = [process.execPath, '--import', 'tsx', 'src/server/cli.ts', 'import', csv, '--create-missing', ...args];
  const result = timed ? spawnSync('/usr/bin/time', ['-f', 'cpu %U %S', ...command], { env: { ...process.env, DATA_DIR: dataDir }, encoding: 'utf8' }) : spawnSync(command[0]!, command.slice(1), { env: { ...process.env, DATA_DIR: dataDir }, encoding: 'utf8' });
  const wall = (performance.now() - start) / 1000;
  if (result.status !== 0) throw new Error(`cli failed (${result.status}): ${result.stdout}\n${result.stderr}`);
  const [, user, system] = /cpu ([\d.]+) ([\d.]+)\s*$/.exec(result.stderr) ?? [];
  return { wall, cpu: Number(user) + Number(system), out: result.stdout.trim().split('\n').slice(-2).join(' / ') };
};

const dry = cli('--dry-run');
const dirBytes = () => readdirSync(dataDir).reduce((sum, f) => sum + statSync(join(dataDir, f)).size, 0);
const afterDry = dirBytes();
const run = cli();
const db = new SQLite(join(dataDir, 'ledger.sqlite'));
db.pragma('wal_checkpoint(TRUNCATE)');
const data = db.prepare('select sum(length(data)) as bytes, count(*) as n from records').get() as { bytes: number; n: number };
const audit = db.prepare('select count(*) as n from audit').get() as { n: number };
let tables: string;
try {
  const sizes = db.prepare('select name, sum(pgsize) as bytes from dbstat group by name order by bytes desc limit 8').all() as { name: string; bytes: number }[];
  tables = sizes.map((s) => `${s.name} ${(s.bytes / 1e6).toFixed(1)} MB`).join(', ');
} catch {
  tables = '(no dbstat in this SQLite)';
}
const imported = db.prepare('select entity, id, data from records').all() as { entity: string; id: string; data: string }[];
db.close();
const store = dirBytes();

// The raw baseline: the same records' JSON into a keyed table in one transaction, nothing else.
const rawFile = join(dir, 'raw.sqlite');
const raw = new SQLite(rawFile);
raw.pragma('journal_mode = WAL');
raw.pragma('synchronous = NORMAL');
raw.exec('create table records (entity text not null, id text not null, data text not null, primary key (entity, id))');
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const insert = raw.prepare('insert into records (entity, id, data) values (?, ?, ?)');
raw.transaction(() => {
  for (const r of imported) insert.run(r.entity, r.id, r.data);
})();
const rawWall = (performance.now() - t0) / 1000;
const rawCpuUsage = process.cpuUsage(cpu0);
const rawCpu = (rawCpuUsage.user + rawCpuUsage.system) / 1e6;
raw.close();

const mb = (b: number) => `${(b / 1e6).toFixed(1)} MB`;
const s = (x: number) => `${x.toFixed(1)} s`;
const [load1] = (await import('node:os')).loadavg();
console.log(`rows ${n}, CSV ${mb(statSync(csv).size)}, load average ${load1?.toFixed(1)} at the end`);
console.log(`dry run        ${s(dry.wall)} wall, ${s(dry.cpu)} CPU   (${dry.out}); store after it ${mb(afterDry)} (migrations only)`);
console.log(`import         ${s(run.wall)} wall, ${s(run.cpu)} CPU   (${run.out})`);
console.log(`raw baseline   ${rawWall.toFixed(2)} s wall, ${rawCpu.toFixed(2)} s CPU for ${imported.length} records (${Math.round(imported.length / rawWall)}/s); import ÷ raw: ${(run.wall / rawWall).toFixed(1)}× wall, ${(run.cpu / rawCpu).toFixed(1)}× CPU`);
console.log(`records ${data.n}, their data ${mb(data.bytes)}; audit rows ${audit.n}`);
console.log(`largest: ${tables}`);
console.log(`store ${mb(store)} = ${(store / data.bytes).toFixed(2)}× the records' data, ${(store / statSync(csv).size).toFixed(2)}× the CSV`);
rmSync(dir, { recursive: true, force: true });
