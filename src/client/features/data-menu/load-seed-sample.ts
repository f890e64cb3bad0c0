// Fetches the seed report (a separate chunk, loaded only when needed) and builds the sample ledger from it.
import type { SampleLedger } from '#shared/sample/build-sample.ts';

export async function loadSeedSample(): Promise<SampleLedger> {
  const [{ default: text }, { buildSampleLedger }] = await Promise.all([
    import('#shared/sample/seed-report.txt?raw'),
    import('#shared/sample/build-sample.ts'),
  ]);
  return buildSampleLedger(text);
}
