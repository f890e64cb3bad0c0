// The header in two rows at every width: the title and the views; then the reminders and the status and actions,
// with the secondary actions folded into 更多 when the window is narrow (header.css says where).
import { useSettings, useStorage, useT } from '#client/context/ledger-context.tsx';
import { AccountMenu } from '#client/features/account/account-menu.tsx';
import { InstallAffordance, NetStatus, StorageButton, useStorageAtRisk } from '#client/features/device/device-status.tsx';
import { LedgerInfoButton } from '#client/features/ledger-info/ledger-info-button.tsx';
import { ReminderBar } from '#client/features/supervision/reminder-bar.tsx';
import { SyncStatus } from '#client/features/sync/sync-status.tsx';
import { UndoControls } from '#client/features/undo/undo-controls.tsx';
import type { View } from './app.tsx';
import { HeaderMenu } from './header-menu.tsx';
import './header.css';

type HeaderProps = {
  views: readonly View[];
  view: View;
  onGo: (view: View) => void;
  onOpenReminder: (view: 'tasks' | 'supervision') => void;
  onOpenData: () => void;
  onOpenUsers: () => void;
};

export function Header({ views, view, onGo, onOpenReminder, onOpenData, onOpenUsers }: HeaderProps) {
  const t = useT();
  const storage = useStorage();
  const settings = useSettings();
  // Storage at risk is not secondary: it stays in the row.
  const atRisk = useStorageAtRisk();
  const other = settings.locale === 'en' ? 'zh-CN' : 'en';
  return (
    <header className="header">
      <div className="header__row">
        <h1 className="header__title">
          {t('app.title')}
          <small className="header__subtitle">{t('app.subtitle')}</small>
        </h1>
        <nav className="tabs" aria-label={t('app.title')}>
          {views.map((v) => (
            <button key={v} type="button" className="tab" aria-current={v === view ? 'page' : undefined} onClick={() => onGo(v)}>
              {t(`nav.${v}`)}
            </button>
          ))}
        </nav>
      </div>
      <div className="header__row header__row--status">
        <ReminderBar onOpen={onOpenReminder} />
        <div className="header__actions">
          <UndoControls />
          <SyncStatus />
          <NetStatus />
          <InstallAffordance />
          {atRisk && <StorageButton />}
          <AccountMenu />
          <HeaderMenu>
            {settings.account?.role === 'admin' && (
              <button type="button" className="button" onClick={onOpenUsers}>
                {t('accounts.button')}
              </button>
            )}
            {!atRisk && <StorageButton />}
            <LedgerInfoButton />
            <button type="button" className="button" onClick={onOpenData}>
              {t('nav.data')}
            </button>
            <button type="button" className="button" lang={other === 'en' ? 'en' : 'zh-CN'} onClick={() => void storage.settings.save({ locale: other })}>
              {t('nav.language')}
            </button>
          </HeaderMenu>
        </div>
      </div>
    </header>
  );
}
