// Announces committed changes to the views of this tab, and of the other tabs through a BroadcastChannel.
import type { AnyRecord, EntityName } from '#shared/model/entities.ts';

export type ChangeOrigin = 'local' | 'other-tab' | 'remote';

export type ChangeEvent = {
  entity: EntityName;
  upserted: AnyRecord[];
  removed: string[];
  origin: ChangeOrigin;
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
