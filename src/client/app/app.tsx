// The application shell: header, the four views, the data menu, and the first-start work.
import { lazy, Suspense, useEffect, useState } from 'react';
import { useSettings, useStorage, useT } from '#client/context/ledger-context.tsx';
import { DataMenu } from '#client/features/data-menu/data-menu.tsx';
import { fillSynthetic, prepareFirstStart, syntheticRequest } from '#client/features/data-menu/first-start.ts';
import { describeStorageError } from '#client/storage/storage-error.ts';
import { useToast } from '#client/ui/toast.tsx';
import { NameDialog } from './name-dialog.tsx';

// The grid views carry AG Grid; they load after the shell so the first paint stays light.
const LedgerView = lazy(() => import('#client/features/grid/ledger-view.tsx').then((m) => ({ default: m.LedgerView })));
const ProblemsView = lazy(() => import('#client/features/grid/problems-view.tsx').then((m) => ({ default: m.ProblemsView })));
const DepartmentsView = lazy(() => import('#client/features/grid/departments-view.tsx').then((m) => ({ default: m.DepartmentsView })));
const MatrixView = lazy(() => import('#client/features/grid/matrix-view.tsx').then((m) => ({ default: m.MatrixView })));

const views = ['ledger', 'problems', 'departments', 'matrix'] as const;
type View = (typeof views)[number];

function viewFromHash(): View {
  const name = location.hash.replace(/^#\/?/, '');
  return (views as readonly string[]).includes(name) ? (name as View) : 'ledger';
}

export function App() {
  const storage = useStorage();
  const settings = useSettings();
  const t = useT();
  const toast = useToast();
  const [view, setView] = useState<View>(viewFromHash);
  const [menuOpen, setMenuOpen] = useState(false);
  const [ready, setReady] = useState(settings.firstStartDone && syntheticRequest(location.search) === null);
  const [progress, setProgress] = useState<string | null>(null);

  useEffect(() => {
    const onHash = () => setView(viewFromHash());
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);

  useEffect(() => {
    document.documentElement.lang = settings.locale;
    document.title = t('app.title');
  }, [settings.locale, t]);

  useEffect(() => {
    if (ready) return;
    let cancelled = false;
    void (async () => {
      try {
        await prepareFirstStart(storage);
        const request = syntheticRequest(location.search);
        if (request) {
          await fillSynthetic(storage, request, (done, total) => setProgress(t('data.generating', { done, total })));
          history.replaceState(null, '', location.pathname + location.hash);
        }
      } catch (error) {
        toast.show({ kind: 'error', text: describeStorageError(t, error) });
      }
      if (!cancelled) setReady(true);
    })();
    return () => {
      cancelled = true;
    };
  }, [ready, storage, t, toast]);

  const go = (next: View) => {
    history.replaceState(null, '', `#${next}`);
    setView(next);
  };

  return (
    <div className="app">
      <header className="header">
        <h1 className="header__title">
          {t('app.title')}
          <small className="header__subtitle">{t('app.subtitle')}</small>
        </h1>
        <nav className="tabs" aria-label={t('app.title')}>
          {views.map((v) => (
            <button key={v} type="button" className="tab" aria-current={v === view ? 'page' : undefined} onClick={() => go(v)}>
              {t(`nav.${v}`)}
            </button>
          ))}
        </nav>
        <div className="header__actions">
          <button type="button" className="button" onClick={() => setMenuOpen(true)}>
            {t('nav.data')}
          </button>
          <button type="button" className="button" lang={settings.locale === 'en' ? 'zh-CN' : 'en'} onClick={() => void storage.settings.save({ locale: settings.locale === 'en' ? 'zh-CN' : 'en' })}>
            {t('nav.language')}
          </button>
        </div>
      </header>
      <main className="main">
        {ready ? (
          <Suspense fallback={<p className="loading">{t('common.loading')}</p>}>
            {view === 'ledger' && <LedgerView />}
            {view === 'problems' && <ProblemsView />}
            {view === 'departments' && <DepartmentsView />}
            {view === 'matrix' && <MatrixView />}
          </Suspense>
        ) : (
          <p className="loading" role="status">
            {progress ?? t('common.loading')}
          </p>
        )}
      </main>
      <DataMenu open={menuOpen} onClose={() => setMenuOpen(false)} />
      {settings.userName === '' && <NameDialog />}
    </div>
  );
}
