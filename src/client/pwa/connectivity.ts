// Whether the server can be reached. navigator.onLine is only a hint; a request that succeeds is the truth.
import { createObservable, type Observable } from '#client/lib/observable.ts';

export type Connectivity = 'online' | 'offline' | 'unknown';

export type ConnectivityMonitor = {
  state: Observable<Connectivity>;
  /** Asks the server now; resolves to what was found. */
  check: () => Promise<Connectivity>;
  /** Lets other server requests (sync) report their outcome, so the indicator stays true between checks. */
  report: (reached: boolean) => void;
};

const CHECK_EVERY_MS = 30_000;
const TIMEOUT_MS = 5_000;

export function startConnectivity(healthUrl = '/api/health'): ConnectivityMonitor {
  const state = createObservable<Connectivity>(navigator.onLine ? 'unknown' : 'offline');
  const report = (reached: boolean) => state.set(reached ? 'online' : 'offline');
  const check = async (): Promise<Connectivity> => {
    try {
      const response = await fetch(healthUrl, { cache: 'no-store', signal: AbortSignal.timeout(TIMEOUT_MS) });
      report(response.ok);
    } catch {
      report(false);
    }
    return state.get();
  };
  addEventListener('offline', () => report(false));
  addEventListener('online', () => void check());
  document.addEventListener('visibilitychange', () => document.visibilityState === 'visible' && void check());
  setInterval(() => void check(), CHECK_EVERY_MS);
  void check();
  return { state, check, report };
}
