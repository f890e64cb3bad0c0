// The device's services (service worker, connectivity, install, persistence) for the React tree.
import { createContext, useContext, useSyncExternalStore } from 'react';
import type { Observable } from '#client/lib/observable.ts';
import type { ConnectivityMonitor } from '#client/pwa/connectivity.ts';
import type { InstallControl } from '#client/pwa/install.ts';
import type { ServiceWorkerControl } from '#client/pwa/service-worker.ts';
import type { PersistenceControl } from '#client/storage/persistence.ts';
import type { AccountService } from '#client/sync/account.ts';
import type { AccountsApi } from '#client/sync/accounts-api.ts';
import type { SyncEngine } from '#client/sync/sync-engine.ts';

export type DeviceServices = {
  serviceWorker: ServiceWorkerControl;
  connectivity: ConnectivityMonitor;
  install: InstallControl;
  persistence: PersistenceControl;
  sync: SyncEngine;
  account: AccountService;
  /** One's own password; and accounts, for an administrator. */
  accounts: AccountsApi;
  /** False when the benchmark drives sync itself. */
  autoSync: boolean;
};

export const DeviceContext = createContext<DeviceServices | null>(null);

export function useDevice(): DeviceServices {
  const services = useContext(DeviceContext);
  if (!services) throw new Error('useDevice outside DeviceContext');
  return services;
}

export function useObservable<T>(observable: Observable<T>): T {
  return useSyncExternalStore(observable.subscribe, observable.get);
}
