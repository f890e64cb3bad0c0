// Registers the service worker (workbox-window via vite-plugin-pwa) and reports when a new version waits.
import { registerSW } from 'virtual:pwa-register';
import { createObservable, type Observable } from '#client/lib/observable.ts';

export type UpdateState = { needRefresh: boolean; offlineReady: boolean };

export type ServiceWorkerControl = {
  state: Observable<UpdateState>;
  /** Activates the waiting version and reloads the page; call only once pending edits are saved. */
  applyUpdate: () => Promise<void>;
};

const CHECK_EVERY_MS = 30 * 60 * 1000;

export function startServiceWorker(): ServiceWorkerControl {
  const state = createObservable<UpdateState>({ needRefresh: false, offlineReady: false });
  if (!('serviceWorker' in navigator)) return { state, applyUpdate: () => Promise.resolve(location.reload()) };
  const updateSW = registerSW({
    immediate: true,
    onNeedRefresh: () => state.set({ ...state.get(), needRefresh: true }),
    onOfflineReady: () => state.set({ ...state.get(), offlineReady: true }),
    onRegisteredSW(_url, registration) {
      if (!registration) return;
      // A tablet may stay open for days: look for a new version now and then, and when it comes back into view.
      const check = () => {
        if (navigator.onLine && !registration.installing) void registration.update().catch(() => undefined);
      };
      setInterval(check, CHECK_EVERY_MS);
      document.addEventListener('visibilitychange', () => document.visibilityState === 'visible' && check());
    },
  });
  return { state, applyUpdate: () => updateSW(true) };
}
