import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId } from '#shared/model/ids.ts';
import { buildSampleLedger } from '#shared/sample/build-sample.ts';
import { type LedgerStorage, openLedgerStorage } from './ledger-storage.ts';
import { generateMeasures, loadSample } from './sample-data.ts';

const sample = buildSampleLedger(readFileSync(new URL('../../shared/sample/seed-report.txt', import.meta.url), 'utf8'));
let storage: LedgerStorage;

beforeEach(async () => {
  storage = await openLedgerStorage({ name: `sample-${newId()}` });
  await storage.cache.ready;
});
afterEach(() => storage.close());

describe('sample ledger in the store', () => {
  it('loads into an empty ledger through the mutation path, and refuses a ledger that holds anything', async () => {
    expect((await loadSample(storage, sample)).ok).toBe(true);
    expect(await storage.db.measures.count()).toBe(sample.measures.length);
    expect(await storage.db.problems.count()).toBe(10);
    // Not a step to undo: undoing would delete every sample record on everyone's ledger.
    expect(storage.undo.state.get().undo).toBe(0);
    const first = sample.measures[0]!;
    await storage.save([{ op: 'update', entity: 'measure', id: first.id, fields: { title: '改过的标题', owner: '李强' } }]);
    const outbox = await storage.db.outbox.count();
    expect(await loadSample(storage, sample)).toEqual({ ok: false, errors: [{ index: 0, entity: 'problem', id: '', errors: [{ field: '', code: 'notEmpty' }] }] });
    expect(storage.cache.get('measure', first.id)).toMatchObject({ title: '改过的标题', owner: '李强' });
    expect(await storage.db.outbox.count()).toBe(outbox);
  });

  it('generates synthetic measures in batches over the existing problems and departments', async () => {
    await loadSample(storage, sample);
    const progress: number[] = [];
    const result = await generateMeasures(storage, 12_000, (done) => progress.push(done));
    expect(result.ok).toBe(true);
    expect(progress).toEqual([5_000, 10_000, 12_000]);
    expect(await storage.db.measures.count()).toBe(sample.measures.length + 12_000);
    const problemIds = new Set(sample.problems.map((p) => p.id));
    expect(storage.cache.all('measure').every((m) => problemIds.has(m.problemId))).toBe(true);
    // 12,000 validated writes and their outbox rows on fake-indexeddb: seconds of work, more on a busy machine.
  }, 30_000);
});

describe('several tabs', () => {
  it('shows an edit made in one tab in another', async () => {
    await loadSample(storage, sample);
    const other = await openLedgerStorage({ name: storage.db.name });
    await other.cache.ready;
    try {
      const seen = new Promise<string>((resolve) => other.cache.subscribe((e) => e.origin === 'other-tab' && resolve(e.entity)));
      const problem = sample.problems[0]!;
      await storage.save([{ op: 'update', entity: 'problem', id: problem.id, fields: { title: '另一个标签页的修改' } }]);
      expect(await seen).toBe('problem');
      expect(other.cache.get('problem', problem.id)?.title).toBe('另一个标签页的修改');
    } finally {
      other.close();
    }
  });
});
