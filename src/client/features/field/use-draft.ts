// Keeps the form's unsaved values as a draft in IndexedDB while the user types (and when the page goes away),
// and offers a draft left by a closed tab or a crash when the form opens again. A save seals the draft: no
// autosave runs after it starts, and the save deletes the draft in its own transaction, so a saved note never
// comes back as a draft.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { LedgerStorage } from '#client/storage/ledger-storage.ts';
import { deleteDraft, loadDraft, saveDraft } from '#client/storage/drafts.ts';
import { removeUnusedFiles } from '#client/storage/file-store.ts';
import { registerFlush } from '#client/lib/edit-flush.ts';

const QUIET_MS = 300;

export type DraftOffer<T> = { values: T; savedAt: string };

export type DraftControl<T> = {
  /** A draft found on opening, waiting for the user to restore or discard it (autosave waits too). */
  offer: DraftOffer<T> | null;
  /** Whether the opening check is done. */
  checked: boolean;
  savedAt: string | null;
  /** The key the save passes to storage, which deletes the draft in the save's transaction. */
  key: string;
  restore: () => T | null;
  discard: () => Promise<void>;
  /** A save begins: autosave stops and any draft write under way is waited for. */
  seal: () => Promise<void>;
  /** The save was refused: the user goes on typing, and autosave with them. */
  unseal: () => void;
  /** The form was saved (its draft went with the save, or nothing needed saving): files only the draft held are let go. */
  clear: () => Promise<void>;
};

/** `stale`: a draft that holds nothing the record lacks (written just before its save) is dropped, not offered. */
export function useDraft<T>(storage: LedgerStorage, key: string, values: T, dirty: boolean, stale: (values: T) => boolean): DraftControl<T> {
  const [offer, setOffer] = useState<DraftOffer<T> | null>(null);
  const [checked, setChecked] = useState(false);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const latest = useRef({ values, dirty });
  latest.current = { values, dirty };
  const stored = useRef(false);
  const sealed = useRef(false);
  const writing = useRef<Promise<void>>(Promise.resolve());
  const staleRef = useRef(stale);
  staleRef.current = stale;

  useEffect(() => {
    let cancelled = false;
    void loadDraft(storage.db, key).then(async (draft) => {
      if (cancelled) return;
      if (draft && staleRef.current(draft.values as T)) {
        await deleteDraft(storage.db, key);
        draft = undefined;
      }
      if (cancelled) return;
      if (draft) setOffer({ values: draft.values as T, savedAt: draft.savedAt });
      stored.current = draft !== undefined;
      setChecked(true);
    });
    return () => {
      cancelled = true;
    };
  }, [storage, key]);

  const active = checked && offer === null;
  const write = useCallback(() => {
    // Writes run one after another, so that a save can wait for the one under way.
    const run = writing.current.then(async () => {
      if (sealed.current) return;
      const { values: now, dirty: changed } = latest.current;
      if (changed) {
        await saveDraft(storage.db, key, now);
        stored.current = true;
        setSavedAt(new Date().toISOString());
      } else if (stored.current) {
        await deleteDraft(storage.db, key);
        stored.current = false;
        setSavedAt(null);
      }
    });
    writing.current = run.catch(() => undefined);
    return run;
  }, [storage, key]);

  useEffect(() => {
    if (!active) return undefined;
    const timer = setTimeout(() => void write().catch(() => undefined), QUIET_MS);
    return () => clearTimeout(timer);
  }, [active, values, dirty, write]);

  // A reload for an update, or the tab going away, writes the draft at once rather than after the pause.
  useEffect(() => {
    if (!active) return undefined;
    const flush = () => void write().catch(() => undefined);
    const unregister = registerFlush(write);
    addEventListener('pagehide', flush);
    const onHidden = () => document.visibilityState === 'hidden' && flush();
    document.addEventListener('visibilitychange', onHidden);
    return () => {
      unregister();
      removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onHidden);
    };
  }, [active, write]);

  return {
    offer,
    checked,
    savedAt,
    key,
    restore: () => {
      const values = offer?.values ?? null;
      setOffer(null);
      return values;
    },
    discard: async () => {
      setOffer(null);
      await deleteDraft(storage.db, key);
      stored.current = false;
      await removeUnusedFiles(storage.db);
    },
    seal: async () => {
      sealed.current = true;
      await writing.current;
    },
    unseal: () => {
      sealed.current = false;
    },
    clear: async () => {
      // Already gone with the save; a save with nothing to change has none to take it.
      await deleteDraft(storage.db, key);
      stored.current = false;
      setSavedAt(null);
      await removeUnusedFiles(storage.db);
    },
  };
}
