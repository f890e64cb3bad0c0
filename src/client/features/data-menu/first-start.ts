// What happens when the app opens: the sample ledger on the very first start, synthetic rows on request (on a
// demonstration server only).
import { generateMeasures, loadSample } from '#client/storage/sample-data.ts';
import type { LedgerStorage } from '#client/storage/ledger-storage.ts';
import { loadSeedSample } from './load-seed-sample.ts';

/**
 * On a device's first start an empty ledger (nothing on the server either) gets the sample, if the user may
 * create problems; after that, a cleared ledger stays clear.
 */
export async function prepareFirstStart(storage: LedgerStorage, mayLoadSample: boolean): Promise<void> {
  if (storage.settings.get().firstStartDone) return;
  const empty = storage.cache.all('problem').length === 0 && storage.cache.all('measure').length === 0;
  if (empty && mayLoadSample) {
    const result = await loadSample(storage, await loadSeedSample());
    if (!result.ok) throw new Error('sample ledger refused');
  }
  await storage.settings.save({ firstStartDone: true });
}

/**
 * `?synthetic=100000` fills this device's ledger up to that many measures, for trying the app at scale; only a
 * demonstration server (LEDGER_DEMO=1) allows it. The parameter is removed once done, so a reload does not repeat it.
 */
export function syntheticRequest(search: string): { count: number } | null {
  const params = new URLSearchParams(search);
  const count = Number(params.get('synthetic'));
  if (!Number.isInteger(count) || count <= 0) return null;
  return { count: Math.min(count, 1_000_000) };
}

export async function fillSynthetic(storage: LedgerStorage, request: { count: number }, onProgress: (done: number, total: number) => void): Promise<void> {
  const missing = request.count - storage.cache.all('measure').length;
  if (missing > 0) await generateMeasures(storage, missing, (done) => onProgress(done, missing));
}
