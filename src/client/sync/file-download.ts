// Keeps the evidence of the user's own measures on the device, so that a tablet that goes offline can still
// show every photo of its department's work, not only those it took or viewed.
import { involvesAny } from '#shared/model/measure.ts';
import type { LedgerDb } from '#client/storage/db.ts';
import type { LedgerStorage } from '#client/storage/ledger-storage.ts';
import { missingOf, saveDownloaded } from '#client/storage/file-store.ts';
import { SyncHttpError, type SyncTransport } from './transport.ts';

/** A file from the server, kept on the device so that it shows offline from now on. */
export async function fetchFile(db: LedgerDb, transport: SyncTransport, hash: string, name: string): Promise<Blob> {
  const blob = await transport.downloadFile(hash);
  await saveDownloaded(db, { hash, blob, type: blob.type, name });
  return blob;
}

/**
 * Downloads the files the user's departments' measures name and this device lacks; returns how many it fetched.
 * An account without departments (a coordinator's overview of the whole ledger) fetches files when they are shown.
 */
export async function prefetchFiles(storage: LedgerStorage, transport: SyncTransport, limit: number): Promise<number> {
  const mine = new Set(storage.settings.get().account?.departmentIds ?? []);
  if (mine.size === 0 || !storage.cache.isReady()) return 0;
  const names = new Map<string, string>();
  for (const measure of storage.cache.all('measure')) {
    if (!involvesAny(measure, mine)) continue;
    for (const file of measure.attachments) names.set(file.hash, file.name);
  }
  let fetched = 0;
  // A few at a time: the sync holds its lock meanwhile, and new edits should not wait for a department's photos.
  for (const hash of (await missingOf(storage.db, [...names.keys()])).slice(0, limit)) {
    try {
      await fetchFile(storage.db, transport, hash, names.get(hash) ?? hash);
      fetched++;
    } catch (error) {
      // A file the server no longer serves is skipped; anything else (the network) ends this round.
      if (!(error instanceof SyncHttpError && error.status === 404)) throw error;
    }
  }
  return fetched;
}
