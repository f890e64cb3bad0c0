// What happens when the app opens: on a new installation, whoever may create problems chooses how the ledger
// starts (the sample, the office's own Excel ledger, or blank); synthetic rows on request (demonstration servers).
import { generateMeasures, ledgerIsEmpty, loadSample } from '#client/storage/sample-data.ts';
import type { LedgerStorage } from '#client/storage/ledger-storage.ts';
import { loadSeedSample } from './load-seed-sample.ts';

export type FirstStart = 'ready' | 'choose';
export type FirstStartChoice = 'sample' | 'import' | 'blank';

/**
 * 'choose' only when the server answered and holds nothing (a new installation) and this user may create
 * problems: an installation that holds data never gets the sample. When the server could not be asked the
 * question waits for the next start.
 */
export async function prepareFirstStart(storage: LedgerStorage, { mayChoose, serverAnswered }: { mayChoose: boolean; serverAnswered: boolean }): Promise<FirstStart> {
  if (storage.settings.get().firstStartDone) return 'ready';
  if (!ledgerIsEmpty(storage)) {
    await storage.settings.save({ firstStartDone: true });
    return 'ready';
  }
  if (!serverAnswered) return 'ready';
  if (!mayChoose) {
    await storage.settings.save({ firstStartDone: true });
    return 'ready';
  }
  return 'choose';
}

/** Carries out the choice. The sample goes to everyone's ledger, as ordinary changes; import opens after this. */
export async function applyFirstStartChoice(storage: LedgerStorage, choice: FirstStartChoice): Promise<void> {
  if (choice === 'sample') {
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
