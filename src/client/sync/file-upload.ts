// Uploads the device's new evidence files, piece by piece, resuming where the server says it stopped.
// Runs before the outbox is pushed, so a change never reaches the server ahead of the files it names.
import { UPLOAD_CHUNK_BYTES } from '#shared/model/attachment.ts';
import type { LedgerDb } from '#client/storage/db.ts';
import { listUnsent, markRefused, markSent } from '#client/storage/file-store.ts';
import { SyncHttpError, type SyncTransport } from './transport.ts';

/** Answers that no retry will change: the file stays on the device, marked, and the change naming it is refused. */
const FINAL = new Set([413, 415, 422]);

export async function uploadFiles(db: LedgerDb, transport: SyncTransport, chunk = UPLOAD_CHUNK_BYTES): Promise<void> {
  for (const file of await listUnsent(db)) {
    try {
      await uploadBlob(file.hash, file.blob, transport, chunk);
      await markSent(db, file.hash);
    } catch (error) {
      if (refusedForGood(error)) await markRefused(db, file.hash, error.code ?? 'invalid');
      else throw error;
    }
  }
}

/** Sends one file in pieces, going on from wherever the server says it stands. */
export async function uploadBlob(hash: string, blob: Blob, transport: SyncTransport, chunk = UPLOAD_CHUNK_BYTES): Promise<void> {
  let state = await transport.fileState(hash);
  const total = blob.size;
  while (!state.complete) {
    const piece = blob.slice(state.received, Math.min(total, state.received + chunk));
    try {
      state = await transport.uploadPart(hash, state.received, total, piece);
    } catch (error) {
      // Another device or tab sent a piece meanwhile: ask where the file stands and go on from there.
      if (error instanceof SyncHttpError && error.status === 409) state = await transport.fileState(hash);
      else throw error;
    }
  }
}

/** Whether an upload failed for good (too large, wrong type, bytes not matching the name). */
export function refusedForGood(error: unknown): error is SyncHttpError {
  return error instanceof SyncHttpError && FINAL.has(error.status);
}
