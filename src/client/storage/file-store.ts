// Evidence files on the device: Blobs in IndexedDB by content hash, marked once the server holds them.
import { attachmentHashes } from '#shared/model/attachment.ts';
import type { FileRow, LedgerDb } from './db.ts';
import { toStorageError } from './storage-error.ts';

export type NewFile = { hash: string; blob: Blob; type: string; name: string };

/** Keeps a file (once per hash); a file the device already holds keeps its upload state. */
export async function saveFile(db: LedgerDb, file: NewFile): Promise<void> {
  try {
    await db.transaction('rw', db.files, async () => {
      if (await db.files.get(file.hash)) return;
      await db.files.add({ ...file, size: file.blob.size, uploaded: 0, addedAt: new Date().toISOString() });
    });
  } catch (error) {
    throw toStorageError(error);
  }
}

export function loadFile(db: LedgerDb, hash: string): Promise<FileRow | undefined> {
  return db.files.get(hash);
}

/** A file fetched from the server: kept so that it shows offline from now on. */
export async function saveDownloaded(db: LedgerDb, file: NewFile): Promise<void> {
  await db.files.put({ ...file, size: file.blob.size, uploaded: 1, addedAt: new Date().toISOString() });
}

/** Of the given hashes, those this device does not hold. */
export async function missingOf(db: LedgerDb, hashes: readonly string[]): Promise<string[]> {
  const rows = await db.files.bulkGet([...hashes]);
  return hashes.filter((_, i) => rows[i] === undefined);
}

/** Files still to upload, oldest first; those the server refused for good are left out unless asked for. */
export async function listUnsent(db: LedgerDb, withRefused = false): Promise<FileRow[]> {
  const rows = await db.files.where('uploaded').equals(0).toArray();
  return rows.filter((r) => withRefused || r.refused === undefined).sort((a, b) => a.addedAt.localeCompare(b.addedAt));
}

export function countUnsent(db: LedgerDb): Promise<number> {
  return db.files.where('uploaded').equals(0).count();
}

export async function markSent(db: LedgerDb, hash: string): Promise<void> {
  await db.files.update(hash, { uploaded: 1 });
}

/** The server will never take this file (type, size): the change referring to it will be refused with the reason. */
export async function markRefused(db: LedgerDb, hash: string, code: string): Promise<void> {
  await db.files.update(hash, { refused: code });
}

/** Of the given hashes, those not yet on the server (and whether the server refused them). */
export async function unsentOf(db: LedgerDb, hashes: readonly string[]): Promise<Map<string, { refused?: string }>> {
  const rows = await db.files.bulkGet([...hashes]);
  const out = new Map<string, { refused?: string }>();
  for (const row of rows) if (row && row.uploaded === 0) out.set(row.hash, { refused: row.refused });
  return out;
}

/** Drops files nothing refers to any more (a removed photo, a discarded draft): no measure, draft or unsent change. */
export async function removeUnusedFiles(db: LedgerDb): Promise<number> {
  return db.transaction('rw', [db.files, db.measures, db.drafts, db.outbox], async () => {
    const used = new Set<string>();
    await db.measures.each((m) => {
      for (const hash of attachmentHashes(m.attachments)) used.add(hash);
    });
    await db.drafts.each((d) => {
      const values = d.values as { attachments?: unknown } | null;
      for (const hash of attachmentHashes(values?.attachments)) used.add(hash);
    });
    // A change still to send may name a file the measure no longer shows (added, then removed): it must upload.
    await db.outbox.each((row) => {
      for (const hash of attachmentHashes(row.mutation.fields.attachments)) used.add(hash);
    });
    const unused = (await db.files.toCollection().primaryKeys()).filter((hash) => !used.has(hash));
    await db.files.bulkDelete(unused);
    return unused.length;
  });
}
