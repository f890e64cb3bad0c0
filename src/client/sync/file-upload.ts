// Uploads the device's new evidence files, piece by piece, resuming where the server says it stopped.
// Runs before the outbox is pushed, so a change never reaches the server ahead of the files it names.
import { UPLOAD_CHUNK_BYTES } from '#shared/model/attachment.ts';
import type { FileRow, LedgerDb } from '#client/storage/db.ts';
import { listUnsent, markRefused, markSent } from '#client/storage/file-store.ts';
import { SyncHttpError, type SyncTransport } from './transport.ts';

/** Answers that no retry will change: the file stays on the device, marked, and the change naming it is refused. */
const FINAL = new Set([413, 415, 422]);

export async function uploadFiles(db: LedgerDb, transport: SyncTransport, chunk = UPLOAD_CHUNK_BYTES): Promise<void> {
  for (const file of await listUnsent(db)) {
    try {
      await uploadOne(file, transport, chunk);
      await markSent(db, file.hash);
    } catch (error) {
      if (error instanceof SyncHttpError && FINAL.has(error.status)) await markRefused(db, file.hash, error.code ?? 'invalid');
      else throw error;
    }
  }
}

async function uploadOne(file: FileRow, transport: SyncTransport, chunk: number): Promise<void> {
  let state = await transport.fileState(file.hash);
  const total = file.blob.size;
  while (!state.complete) {
    const piece = file.blob.slice(state.received, Math.min(total, state.received + chunk));
    try {
      state = await transport.uploadPart(file.hash, state.received, total, piece);
    } catch (error) {
      // Another device or tab sent a piece meanwhile: ask where the file stands and go on from there.
      if (error instanceof SyncHttpError && error.status === 409) state = await transport.fileState(file.hash);
      else throw error;
    }
  }
}
