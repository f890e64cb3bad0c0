// Entry point: opens the local database, then mounts the app (or says plainly why it cannot).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createTranslator, parseLocale } from '#shared/i18n/translate.ts';
import { App } from '#client/app/app.tsx';
import { LedgerContext } from '#client/context/ledger-context.tsx';
import { openLedgerStorage } from '#client/storage/ledger-storage.ts';
import { describeStorageError } from '#client/storage/storage-error.ts';
import { ToastProvider } from '#client/ui/toast.tsx';
import './styles.css';

async function boot(): Promise<void> {
  const container = document.getElementById('root');
  if (!container) return;
  const root = createRoot(container);
  try {
    const storage = await openLedgerStorage({
      // A newer version opened in another tab: every save has committed, so a reload loses nothing.
      onVersionChange: () => location.reload(),
    });
    const t = createTranslator(storage.settings.get().locale);
    root.render(
      <StrictMode>
        <LedgerContext.Provider value={storage}>
          <ToastProvider closeLabel={t('action.close')}>
            <App />
          </ToastProvider>
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
