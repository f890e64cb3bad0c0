// Loads the seed's sample ledger into an empty ledger, and generates synthetic measures (a demonstration server's
// affair) — both as ordinary changes. Nothing here deletes: clearing the shared ledger is an administrator's
// server action, and forgetting this device's copy is device-reset.ts.
import { type Change, withoutMeta } from '#shared/model/change.ts';
import { todayIso } from '#shared/model/dates.ts';
import { type EntityName, entityNames } from '#shared/model/entities.ts';
import { newId } from '#shared/model/ids.ts';
import type { SampleLedger } from '#shared/sample/build-sample.ts';
import { createRandom, syntheticMeasure } from '#shared/sample/synthetic.ts';
import type { LedgerStorage } from './ledger-storage.ts';
import type { SaveResult } from './save-changes.ts';


/** Whether the ledger on this device holds anything at all (a record of any kind). */
export function ledgerIsEmpty(storage: LedgerStorage): boolean {
  return entityNames.every((entity) => storage.cache.all(entity).length === 0);
}

/**
 * Puts the sample ledger in place, into an empty ledger only (a new installation): into one that holds anything
 * it is refused, since its records would overwrite what coordinators corrected. Not a step to undo: undoing
 * would send every sample record's deletion to the server.
 */
export function loadSample(storage: LedgerStorage, sample: SampleLedger): Promise<SaveResult> {
  if (!ledgerIsEmpty(storage)) return Promise.resolve({ ok: false, errors: [{ index: 0, entity: 'problem', id: '', errors: [{ field: '', code: 'notEmpty' }] }] });
  const groups: [EntityName, readonly { id: string }[]][] = [
    ['department', sample.departments],
    ['area', sample.areas],
    ['problem', sample.problems],
    ['measure', sample.measures],
    ['ledgerInfo', sample.ledgerInfo],
  ];
  const changes: Change[] = groups.flatMap(([entity, records]) => records.map((record): Change => ({ op: 'create', entity, id: record.id, values: withoutMeta(record) })));
  return storage.save(changes, { undoable: false });
}

export const SYNTHETIC_BATCH = 5_000;

/**
 * Adds `count` synthetic measures spread over the existing problems and departments, in batches so that
 * progress can be shown; each batch is one transaction through the ordinary mutation path.
 */
export async function generateMeasures(
  storage: LedgerStorage,
  count: number,
  onProgress: (done: number) => void = () => undefined,
  seed = 20221102,
): Promise<SaveResult> {
  const problemIds = storage.cache.all('problem').map((p) => p.id);
  const departmentIds = storage.cache.all('department').map((d) => d.id);
  if (problemIds.length === 0 || departmentIds.length === 0) return { ok: false, errors: [{ index: 0, entity: 'problem', id: '', errors: [{ field: '', code: 'missing' }] }] };
  const random = createRandom(seed);
  const ctx = { problemIds, departmentIds, today: todayIso() };
  const offset = storage.cache.all('measure').length;
  let last: SaveResult = { ok: true, saved: [], inverse: [] };
  for (let done = 0; done < count; done += SYNTHETIC_BATCH) {
    const size = Math.min(SYNTHETIC_BATCH, count - done);
    const changes = Array.from({ length: size }, (_, i): Change => ({
      op: 'create',
      entity: 'measure',
      id: newId(),
      values: syntheticMeasure(offset + done + i, ctx, random),
    }));
    // Rows made up for trying the app at scale are no step to undo.
    last = await storage.save(changes, { undoable: false });
    if (!last.ok) return last;
    onProgress(done + size);
  }
  return last;
}

