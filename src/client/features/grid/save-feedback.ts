// Turns the outcome of a save into what the user is told: refused fields by row, or a storage failure.
import { describeFieldError } from '#shared/i18n/describe-error.ts';
import type { Translate } from '#shared/i18n/translate.ts';
import type { Change } from '#shared/model/change.ts';
import type { LedgerStorage } from '#client/storage/ledger-storage.ts';
import type { SaveResult } from '#client/storage/save-changes.ts';
import { describeStorageError } from '#client/storage/storage-error.ts';
import type { useToast } from '#client/ui/toast.tsx';

export type Feedback = {
  t: Translate;
  toast: ReturnType<typeof useToast>;
  /** Names the record a refused change was about, e.g. 第 3 行整改措施“建立台账”. */
  rowLabel: (entity: Change['entity'], id: string) => string;
};

/** Saves and reports: returns the result when saved, null when refused or failed (the user was told why). */
export async function saveWithFeedback(storage: LedgerStorage, changes: readonly Change[], fb: Feedback): Promise<Extract<SaveResult, { ok: true }> | null> {
  try {
    const result = await storage.save(changes);
    if (result.ok) return result;
    // One toast names every refused field (up to five records): toasts replace each other.
    const lines = result.errors.slice(0, 5).flatMap((refused) => refused.errors.map((error) => describeFieldError(fb.t, refused.entity, error, fb.rowLabel(refused.entity, refused.id))));
    fb.toast.show({ kind: 'error', text: lines.join('\n') });
    return null;
  } catch (error) {
    fb.toast.show({ kind: 'error', text: describeStorageError(fb.t, error) });
    return null;
  }
}
