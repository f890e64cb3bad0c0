// The application shell: the header (header.tsx), the views (我的任务 and four grids), the data menu, and the first-start work.
import { type ComponentType, lazy, Suspense, useEffect, useState } from 'react';
import { canCreate } from '#shared/auth/permissions.ts';
import { useSettings, useStorage, useT } from '#client/context/ledger-context.tsx';
import { DataMenu } from '#client/features/data-menu/data-menu.tsx';
import { applyFirstStartChoice, fillSynthetic, type FirstStartChoice, prepareFirstStart, syntheticRequest } from '#client/features/data-menu/first-start.ts';
import { FirstStartScreen } from '#client/features/data-menu/first-start-screen.tsx';
import { UpdateBanner } from '#client/features/device/update-banner.tsx';
import { useDevice } from '#client/context/device-context.tsx';
import { isTouchTablet } from '#client/lib/device-kind.ts';
import { describeStorageError } from '#client/storage/storage-error.ts';
import { useToast } from '#client/ui/toast.tsx';
import { LoginScreen } from '#client/features/account/login-screen.tsx';
import { ChangePasswordScreen } from '#client/features/account/change-password.tsx';
import { HistoryDialog, type HistoryTarget } from '#client/features/history/history-dialog.tsx';
import { Header } from './header.tsx';
import { formatNumber } from '#client/lib/format.ts';

const views = ['dashboard', 'weekly', 'bulletin', 'tasks', 'ledger', 'problems', 'departments', 'matrix', 'supervision'] as const;
export type View = (typeof views)[number];
type ViewProps = { onShowHistory?: (target: HistoryTarget) => void };

// The grid views carry AG Grid; they load apart from the shell so the first paint stays light.
const loaders = {
  // 总览 carries ECharts, 每周调度 the sheet: each loads with its view.
  dashboard: () => import('#client/features/dashboard/dashboard-view.tsx').then((m) => ({ default: m.DashboardView })),
  weekly: () => import('#client/features/weekly/weekly-view.tsx').then((m) => ({ default: m.WeeklyView })),
  // 每月通报 and its Word writer: loaded with the view, the writer itself only when a file is asked for.
  bulletin: () => import('#client/features/bulletin/bulletin-view.tsx').then((m) => ({ default: m.BulletinView })),
  tasks: () => import('#client/features/field/tasks-view.tsx').then((m) => ({ default: m.TasksView })),
  ledger: () => import('#client/features/grid/ledger-view.tsx').then((m) => ({ default: m.LedgerView })),
  problems: () => import('#client/features/grid/problems-view.tsx').then((m) => ({ default: m.ProblemsView })),
  departments: () => import('#client/features/grid/departments-view.tsx').then((m) => ({ default: m.DepartmentsView })),
  matrix: () => import('#client/features/grid/matrix-view.tsx').then((m) => ({ default: m.MatrixView })),
  supervision: () => import('#client/features/supervision/supervision-view.tsx').then((m) => ({ default: m.SupervisionView })),
} satisfies Record<View, unknown>;
// Import and export load when first opened: most sessions never use them.
const ImportDialog = lazy(() => import('#client/features/transfer/import-dialog.tsx').then((m) => ({ default: m.ImportDialog })));
const ExportDialog = lazy(() => import('#client/features/transfer/export-dialog.tsx').then((m) => ({ default: m.ExportDialog })));
// Account administration: administrators only, and seldom.
const UsersDialog = lazy(() => import('#client/features/users/users-dialog.tsx').then((m) => ({ default: m.UsersDialog })));

const lazyViews = {
  dashboard: lazy(loaders.dashboard),
  weekly: lazy(loaders.weekly),
  bulletin: lazy(loaders.bulletin),
  tasks: lazy(loaders.tasks),
  ledger: lazy(loaders.ledger),
  problems: lazy(loaders.problems),
  departments: lazy(loaders.departments),
  matrix: lazy(loaders.matrix),
  supervision: lazy(loaders.supervision),
} satisfies Record<View, unknown>;
const loadedViews: Partial<Record<View, ComponentType<ViewProps>>> = {};

/**
 * Loads the opening view's code while the database opens, so that the first render need not suspend:
 * React holds back a suspended tree's reveal for up to 300 ms.
 */
export async function preloadOpeningView(): Promise<void> {
  const view = viewFromHash();
  loadedViews[view] = (await loaders[view]()).default;
}

/**
 * The view the address names (#tasks/<id> is a form within 我的任务); without one, tablets open on 我的任务,
 * coordinators and administrators at a desk on 总览, everyone else on the ledger.
 */
function viewFromHash(role?: string): View {
  if (typeof location === 'undefined') return 'ledger';
  const name = location.hash.replace(/^#\/?/, '').split('/')[0] ?? '';
  if ((views as readonly string[]).includes(name)) return name as View;
  if (isTouchTablet()) return 'tasks';
  return role === 'coordinator' || role === 'admin' ? 'dashboard' : 'ledger';
}

export function App() {
  const storage = useStorage();
  const settings = useSettings();
  const t = useT();
  const toast = useToast();
  const { persistence, sync, autoSync, account } = useDevice();
  // A handed-out password is changed before the ledger opens (and before anything syncs).
  const mustChange = settings.account?.mustChangePassword === true;
  const signedIn = settings.account !== null && !mustChange;
  const [usersOpen, setUsersOpen] = useState(false);
  const role = settings.account?.role;
  const [view, setView] = useState<View>(() => viewFromHash(role));
  // Signing in picks the opening view for the role, unless the address names one.
  useEffect(() => {
    if (role) setView(viewFromHash(role));
  }, [role]);
  const [menuOpen, setMenuOpen] = useState(false);
  const [transfer, setTransfer] = useState<'import' | 'export' | null>(null);
  // Cancelled: back to the data menu. Done: back to the grid, where the result shows.
  const closeTransfer = () => setTransfer(null);
  const finishTransfer = () => {
    setTransfer(null);
    setMenuOpen(false);
  };
  const [historyTarget, setHistoryTarget] = useState<HistoryTarget | null>(null);
  const [ready, setReady] = useState(settings.firstStartDone && !settings.reloadLedger && syntheticRequest(location.search) === null);
  const [progress, setProgress] = useState<string | null>(null);
  // A new installation: the ledger waits for its first user's choice (sample, import, blank).
  const [choosing, setChoosing] = useState(false);

  useEffect(() => {
    const onHash = () => setView(viewFromHash(storage.settings.get().account?.role));
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, [storage]);

  useEffect(() => {
    document.documentElement.lang = settings.locale;
    document.documentElement.dataset.lightScheme = settings.lightScheme;
    document.title = t('app.title');
    // Installing while working in English gives the app its English name.
    const manifest = document.querySelector<HTMLLinkElement>('link[rel="manifest"]');
    if (manifest) manifest.href = settings.locale === 'en' ? '/manifest.en.webmanifest' : '/manifest.webmanifest';
  }, [settings.locale, settings.lightScheme, t]);

  // The first start's sample ledger is not the user's work: only saves after it ask to keep the data.
  useEffect(() => {
    if (ready) persistence.arm();
  }, [ready, persistence]);

  // Sync starts once the ledger is loaded and the first start is done (so that the sample is in place).
  useEffect(() => {
    if (!ready || !autoSync || !signedIn) return undefined;
    let stop: (() => void) | undefined;
    let cancelled = false;
    void storage.cache.ready.then(() => {
      if (!cancelled) stop = sync.start();
    });
    return () => {
      cancelled = true;
      stop?.();
    };
  }, [ready, storage, sync, autoSync, signedIn]);

  // A device that signed in before opens at once, offline too; the server is asked in the background.
  useEffect(() => {
    if (signedIn) void account.check();
  }, [signedIn, account]);

  useEffect(() => {
    if (ready || !signedIn) return;
    let cancelled = false;
    void (async () => {
      try {
        await storage.cache.ready;
        // On a new device, or one whose copy was forgotten (清空本设备数据), the shared ledger comes from the server
        // before anything shows; the sample only fills an empty one.
        const { firstStartDone, reloadLedger } = storage.settings.get();
        const serverAnswered = !firstStartDone || reloadLedger ? await sync.pull().then(() => true, () => false) : false;
        if (reloadLedger) await storage.settings.save({ reloadLedger: false });
        const request = syntheticRequest(location.search);
        if (request) {
          await account.check();
          history.replaceState(null, '', location.pathname + location.hash);
        }
        // Made-up rows go to everyone's ledger: only a demonstration server takes them.
        const synthetic = request && storage.settings.get().ledger?.demo === true ? request : null;
        if (request && !synthetic) toast.show({ kind: 'error', text: t('data.demoOnly') });
        const outcome = await prepareFirstStart(storage, { mayChoose: canCreate(storage.settings.get().account, 'problem'), serverAnswered });
        if (outcome === 'choose' && !synthetic) {
          if (!cancelled) setChoosing(true);
          return;
        }
        // A demonstration's synthetic rows are spread over the sample's problems and units.
        if (outcome === 'choose') await applyFirstStartChoice(storage, 'sample');
        if (synthetic) await fillSynthetic(storage, synthetic, (done, total) => setProgress(t('data.generating', { done: formatNumber(storage.settings.get().locale, done), total: formatNumber(storage.settings.get().locale, total) })));
      } catch (error) {
        toast.show({ kind: 'error', text: describeStorageError(t, error) });
      }
      if (!cancelled) setReady(true);
    })();
    return () => {
      cancelled = true;
    };
  }, [ready, signedIn, storage, sync, account, t, toast]);

  const ViewComponent = loadedViews[view] ?? lazyViews[view];

  const go = (next: View) => {
    history.replaceState(null, '', `#${next}`);
    setView(next);
  };

  const chooseStart = async (choice: FirstStartChoice) => {
    try {
      await applyFirstStartChoice(storage, choice);
      setChoosing(false);
      setReady(true);
      if (choice === 'import') setTransfer('import');
    } catch (error) {
      toast.show({ kind: 'error', text: t('firstStart.failed', { reason: describeStorageError(t, error) }) });
    }
  };

  if (mustChange) return <ChangePasswordScreen />;
  if (!signedIn) return <LoginScreen />;
  if (choosing) return <FirstStartScreen onChoose={chooseStart} />;

  return (
    <div className="app" data-ready={ready}>
      <UpdateBanner />
      <Header views={views} view={view} onGo={go} onOpenReminder={go} onOpenData={() => setMenuOpen(true)} onOpenUsers={() => setUsersOpen(true)} />
      <main className="main">
        {ready ? (
          <Suspense fallback={<p className="loading">{t('common.loading')}</p>}>
            <ViewComponent key={view} onShowHistory={setHistoryTarget} />
          </Suspense>
        ) : (
          <p className="loading" role="status">
            {progress ?? t('common.loading')}
          </p>
        )}
      </main>
      <DataMenu open={menuOpen && transfer === null} onClose={() => setMenuOpen(false)} onTransfer={setTransfer} />
      {transfer && (
        <Suspense fallback={null}>
          {transfer === 'import' ? <ImportDialog open onClose={closeTransfer} onDone={finishTransfer} /> : <ExportDialog open onClose={closeTransfer} onDone={finishTransfer} />}
        </Suspense>
      )}
      <HistoryDialog target={historyTarget} onClose={() => setHistoryTarget(null)} />
      {usersOpen && (
        <Suspense fallback={null}>
          <UsersDialog open onClose={() => setUsersOpen(false)} />
        </Suspense>
      )}
    </div>
  );
}
