// npx tsx scripts/bench-report.ts [--n=100000] [--runs=7]: the report module's pure computation in Node, for a
// quick loop while working on it. The sample ledger plus n synthetic measures, about half of them with dated
// notes and a quarter changed since the days the trend reads (so the as-of rewinding has work to do); beside a
// raw one-loop baseline over the same records, in the same run. The browser figure is `npm run bench -- --only=dashboard`.
import { readFileSync } from 'node:fs';
import { entityDefaults } from '../src/shared/model/entities.ts';
import type { Measure } from '../src/shared/model/measure.ts';
import { addDays, computeDashboard, computeWeekly, weekOf } from '../src/shared/report/index.ts';
import { buildSampleLedger } from '../src/shared/sample/build-sample.ts';
import { createRandom, syntheticMeasure } from '../src/shared/sample/synthetic.ts';

const args = new Map(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=') as [string, string]));
const N = Number(args.get('n') ?? 100_000);
const RUNS = Number(args.get('runs') ?? 7);
const today = new Date().toISOString().slice(0, 10);

const sample = buildSampleLedger(readFileSync(new URL('../src/shared/sample/seed-report.txt', import.meta.url), 'utf8'));
const random = createRandom(7);
const ctx = { problemIds: sample.problems.map((p) => p.id), departmentIds: sample.departments.map((d) => d.id), today };
const now = new Date().toISOString();
const measures: Measure[] = [...sample.measures];
for (let i = 0; i < N; i++) {
  const values = syntheticMeasure(i, ctx, random);
  const notes = values.progressNoteDate ? 1 + Math.floor(random() * 3) : 0;
  const progressLog = Array.from({ length: notes }, (_, k) => ({
    id: `n${i}-${k}`,
    date: addDays(today, -Math.floor(random() * 90)),
    text: '按计划推进。',
    progress: 50,
    status: values.status as Measure['status'],
    by: '王芳',
    at: now,
  }));
  const updatedAt = random() < 0.25 ? now : `${addDays(today, -120)}T08:00:00.000Z`;
  measures.push({ ...entityDefaults.measure, ...values, id: `m${i}`, createdAt: updatedAt, createdBy: 'bench', updatedAt, updatedBy: 'bench', rev: 1, progressLog } as Measure);
}
// Structured-cloned, as IndexedDB hands records to the page: objects built by spreading are slow to read in V8.
const records = structuredClone({ ...sample, measures });

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
// Wall time, and this process's CPU time: on a machine shared with other work the second says what the code costs.
type Sample = { wall: number[]; cpu: number[] };
const samples = (): Sample => ({ wall: [], cpu: [] });
const time = (into: Sample, fn: () => unknown) => {
  const cpu = process.cpuUsage();
  const start = performance.now();
  fn();
  into.wall.push(performance.now() - start);
  const used = process.cpuUsage(cpu);
  into.cpu.push((used.user + used.system) / 1000);
};
const raw = samples();
const dashboard = samples();
const weekly = samples();
for (let run = 0; run < RUNS; run++) {
  time(raw, () => {
    const counts: Record<string, number> = {};
    let overdue = 0;
    for (const m of records.measures) {
      counts[m.status] = (counts[m.status] ?? 0) + 1;
      if (m.deadline !== null && m.deadline < today && m.status !== 'completed' && m.status !== 'closed') overdue++;
    }
    return overdue;
  });
  time(dashboard, () => computeDashboard(records, { asOf: today }));
  time(weekly, () => computeWeekly(records, weekOf(today), { today }));
}
const row = (measure: string, s: Sample, target: string) => ({
  measure,
  'wall ms': median(s.wall).toFixed(0),
  'cpu ms': median(s.cpu).toFixed(0),
  'raw wall': median(raw.wall).toFixed(1),
  ratio: `${(median(s.wall) / median(raw.wall)).toFixed(1)}×`,
  target,
});
console.table([row(`computeDashboard over ${records.measures.length} measures`, dashboard, '≤ 300 ms'), row(`computeWeekly over ${records.measures.length} measures`, weekly, '—')]);
