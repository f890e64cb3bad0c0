// Entry point: opens the local database, starts the device services, then mounts the app (or says plainly why it cannot).
import '#client/lib/zod-config.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createTranslator, parseLocale } from '#shared/i18n/translate.ts';
import { App, preloadOpeningView } from '#client/app/app.tsx';
import { DeviceContext, type DeviceServices } from '#client/context/device-context.tsx';
import { LedgerContext } from '#client/context/ledger-context.tsx';
import { flushEdits } from '#client/lib/edit-flush.ts';
import { startConnectivity } from '#client/pwa/connectivity.ts';
import { startInstall } from '#client/pwa/install.ts';
import { startServiceWorker } from '#client/pwa/service-worker.ts';
import { openLedgerStorage } from '#client/storage/ledger-storage.ts';
import { watchPersistence } from '#client/storage/persistence.ts';
import { describeStorageError } from '#client/storage/storage-error.ts';
import { createAccountService } from '#client/sync/account.ts';
import { createAccountsApi } from '#client/sync/accounts-api.ts';
import { createSyncEngine } from '#client/sync/sync-engine.ts';
import { createHttpTransport } from '#client/sync/transport.ts';
import { ToastProvider } from '#client/ui/toast.tsx';
import type { LedgerStorage } from '#client/storage/ledger-storage.ts';
import './styles.css';
import './lights.css';

/** The benchmark's photo path: what adding a photo in the form does (prepare, then keep), loaded only when asked. */
async function benchField(storage: LedgerStorage) {
  const [{ prepareEvidence }, { saveFile }] = await Promise.all([import('#client/lib/prepare-evidence.ts'), import('#client/storage/file-store.ts')]);
  return {
    async addPhoto(photo: Blob): Promise<number> {
      const prepared = await prepareEvidence(photo, 'bench.jpg');
      if (!prepared.ok) throw new Error(prepared.refusal.code);
      await saveFile(storage.db, prepared.file);
      return prepared.file.blob.size;
    },
  };
}

async function boot(): Promise<void> {
  const container = document.getElementById('root');
  if (!container) return;
  document.documentElement.dataset.build = __BUILD_ID__;
  performance.mark('ledger:boot');
  const root = createRoot(container);
  // The service worker starts first: even when the database cannot open, a fixed version can still arrive.
  const serviceWorker = startServiceWorker();
  const install = startInstall();
  const viewCode = preloadOpeningView().catch(() => undefined);
  try {
    const storage = await openLedgerStorage({
      // Another tab opened a newer version: save what is being typed, let go of the database, reload.
      beforeVersionChange: () => flushEdits(),
      onVersionChange: () => location.reload(),
      onReset: () => location.reload(),
    });
    await viewCode;
    performance.mark('ledger:storage-open');
    const connectivity = startConnectivity();
    const transport = createHttpTransport();
    const account = createAccountService(storage, transport);
    const sync = createSyncEngine({ storage, transport, report: connectivity.report, onUnauthorized: account.markExpired });
    // `?bench` hands storage and sync to the benchmark script (scripts/bench.ts), which drives them itself.
    const bench = new URLSearchParams(location.search).has('bench');
    if (bench) {
      const transfer = () => import('#client/features/transfer/transfer-client.ts').then((m) => m.createTransferClient());
      (window as unknown as { __ledgerBench: unknown }).__ledgerBench = { storage, sync, transfer, field: () => benchField(storage), dashboard: () => benchDashboard(storage) };
    }
    const device: DeviceServices = { serviceWorker, install, connectivity, persistence: watchPersistence(storage.feed), sync, account, accounts: createAccountsApi(transport), autoSync: !bench };
    const t = createTranslator(storage.settings.get().locale);
    root.render(
      <StrictMode>
        <LedgerContext.Provider value={storage}>
          <DeviceContext.Provider value={device}>
            <ToastProvider closeLabel={t('action.close')}>
              <App />
            </ToastProvider>
          </DeviceContext.Provider>
        </LedgerContext.Provider>
      </StrictMode>,
    );
  } catch (error) {
    const t = createTranslator(parseLocale(navigator.language.startsWith('zh') ? 'zh-CN' : 'en'));
    root.render(
      <div className="boot-error" role="alert">
        <h1>{t('app.title')}</h1>
        <p>{describeStorageError(t, error)}</p>
      </div>,
    );
  }
}

void boot();

/**
 * The benchmark's 总览 row: the whole dashboard computed over the device's records, beside a raw baseline in
 * the same page (one loop counting statuses and overdue deadlines, what any dashboard must at least do).
 */
async function benchDashboard(storage: Awaited<ReturnType<typeof openLedgerStorage>>): Promise<{ app: number; raw: number }> {
  const { computeDashboard } = await import('#shared/report/index.ts');
  const { cache } = storage;
  const records = { areas: [...cache.all('area')], departments: [...cache.all('department')], problems: [...cache.all('problem')], measures: [...cache.all('measure')] };
  const { todayIso } = await import('#shared/model/dates.ts');
  const asOf = todayIso();
  const rawStart = performance.now();
  const counts: Record<string, number> = {};
  let overdue = 0;
  for (const m of records.measures) {
    counts[m.status] = (counts[m.status] ?? 0) + 1;
    if (m.deadline !== null && m.deadline < asOf && m.status !== 'completed' && m.status !== 'closed') overdue++;
  }
  const raw = performance.now() - rawStart + (overdue < 0 ? 1 : 0);
  const start = performance.now();
  computeDashboard(records, { asOf });
  return { app: performance.now() - start, raw };
}
