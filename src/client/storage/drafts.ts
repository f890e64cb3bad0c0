// Drafts of forms: what the user typed, kept as they type, until they save or discard it.
import type { DraftRow, LedgerDb } from './db.ts';
import { toStorageError } from './storage-error.ts';

export async function saveDraft(db: LedgerDb, key: string, values: unknown): Promise<void> {
  try {
    await db.drafts.put({ key, values, savedAt: new Date().toISOString() });
  } catch (error) {
    throw toStorageError(error);
  }
}

export function loadDraft(db: LedgerDb, key: string): Promise<DraftRow | undefined> {
  return db.drafts.get(key);
}

export async function deleteDraft(db: LedgerDb, key: string): Promise<void> {
  await db.drafts.delete(key);
}
