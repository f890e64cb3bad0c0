// Asks the browser to keep this site's data (navigator.storage.persist) once the user has saved real work,
// and reports how much space is used. Asking at page load would be premature and is often refused.
import { createObservable, type Observable } from '#client/lib/observable.ts';
import type { ChangeFeed } from './change-feed.ts';

export type PersistenceState = {
  /** null until asked; then whether the browser promised not to evict the data. */
  persisted: boolean | null;
  usage: number | null;
  quota: number | null;
};

export type PersistenceControl = {
  state: Observable<PersistenceState>;
  refresh: () => Promise<void>;
  /** From now on, the next save made on this device is the user's own work: ask then. */
  arm: () => void;
};

export function watchPersistence(feed: ChangeFeed): PersistenceControl {
  const state = createObservable<PersistenceState>({ persisted: null, usage: null, quota: null });
  const storage = typeof navigator !== 'undefined' ? navigator.storage : undefined;
  let asked = false;
  const refresh = async () => {
    if (!storage?.estimate) return;
    const { usage = null, quota = null } = await storage.estimate();
    // Before asking, only a grant already given (e.g. to an installed app) is news worth showing.
    const granted = storage.persisted ? await storage.persisted() : false;
    state.set({ usage, quota, persisted: granted ? true : asked ? state.get().persisted : null });
  };
  void refresh();
  let armed = false;
  const arm = () => {
    if (armed) return;
    armed = true;
    const unsubscribe = feed.subscribe((event) => {
      if (event.origin !== 'local') return;
      unsubscribe();
      void (async () => {
        const persisted = storage?.persist ? await storage.persist().catch(() => false) : false;
        asked = true;
        state.set({ ...state.get(), persisted });
        await refresh();
      })();
    });
  };
  return { state, refresh, arm };
}
