// What of a measure is not on the server yet: its pending changes and its files still to upload. Asked again
// whenever the ledger changes or a sync ends.
import { useEffect, useState } from 'react';
import { useDevice, useObservable } from '#client/context/device-context.tsx';
import { useStorage } from '#client/context/ledger-context.tsx';
import { unsentOf } from '#client/storage/file-store.ts';
import { countUnsyncedOf, unsyncedKeys } from '#client/storage/outbox.ts';

export type Unsynced = { changes: number; files: Map<string, { refused?: string }> };

/** Every record with changes not yet on the server ("entity:id"). */
export function useUnsyncedKeys(): Set<string> {
  const storage = useStorage();
  const { sync } = useDevice();
  const state = useObservable(sync.state);
  const [keys, setKeys] = useState<Set<string>>(new Set());
  useEffect(() => {
    let cancelled = false;
    const load = () => void unsyncedKeys(storage.db).then((k) => !cancelled && setKeys(k));
    load();
    const unsubscribe = storage.feed.subscribe(load);
    return () => {
      cancelled = true;
      unsubscribe();
    };
  }, [storage, state.pending, state.rejected, state.syncing]);
  return keys;
}

export function useUnsynced(measureId: string, hashes: readonly string[]): Unsynced {
  const storage = useStorage();
  const { sync } = useDevice();
  const state = useObservable(sync.state);
  const [changes, setChanges] = useState(0);
  const [files, setFiles] = useState<Unsynced['files']>(new Map());
  useEffect(() => {
    let cancelled = false;
    const load = () => void countUnsyncedOf(storage.db, `measure:${measureId}`).then((n) => !cancelled && setChanges(n));
    load();
    const unsubscribe = storage.feed.subscribe((event) => event.entity === 'measure' && load());
    return () => {
      cancelled = true;
      unsubscribe();
    };
  }, [storage, measureId, state.pending, state.rejected, state.syncing]);
  const joined = hashes.join(',');
  useEffect(() => {
    let cancelled = false;
    void unsentOf(storage.db, joined === '' ? [] : joined.split(',')).then((f) => !cancelled && setFiles(f));
    return () => {
      cancelled = true;
    };
  }, [storage, joined, state.unsentFiles, state.syncing]);
  return { changes, files };
}
