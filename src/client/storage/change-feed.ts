// Announces committed changes to the views of this tab, and of the other tabs through a BroadcastChannel.
import type { AnyRecord, EntityName } from '#shared/model/entities.ts';

/** 'load': the record cache has read its tables (no records in the event: read them from the cache). */
export type ChangeOrigin = 'local' | 'other-tab' | 'remote' | 'load';

export type ChangeEvent = {
  entity: EntityName;
  upserted: AnyRecord[];
  removed: string[];
  origin: ChangeOrigin;
  /** The database's write count after the commit that made this change (see WRITES_KEY). */
  version?: number;
};

export type ChangeListener = (event: ChangeEvent) => void;

export type ChangeFeed = {
  emit(event: ChangeEvent): void;
  subscribe(listener: ChangeListener): () => void;
};

export function createChangeFeed(): ChangeFeed {
  const listeners = new Set<ChangeListener>();
  return {
    emit(event) {
      for (const listener of [...listeners]) listener(event);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
