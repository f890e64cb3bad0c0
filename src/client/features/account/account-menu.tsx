// Who is signed in, a password prompt when the session expired, and signing out without losing changes unawares.
import { useState } from 'react';
import { useDevice, useObservable } from '#client/context/device-context.tsx';
import { useSettings, useT } from '#client/context/ledger-context.tsx';
import { downloadText } from '#client/lib/download.ts';
import { formatNumber } from '#client/lib/format.ts';
import { Dialog } from '#client/ui/dialog.tsx';
import { useToast } from '#client/ui/toast.tsx';
import { ChangePasswordForm } from './change-password.tsx';
import { LoginForm } from './login-form.tsx';


export function AccountMenu() {
  const { account, sync } = useDevice();
  const expired = useObservable(account.expired);
  const { pending, rejected, unsentFiles } = useObservable(sync.state);
  const { account: user, locale } = useSettings();
  const t = useT();
  const [open, setOpen] = useState(false);
  const [changing, setChanging] = useState(false);
  const toast = useToast();
  if (!user) return null;
  const unsynced = pending + rejected + unsentFiles;

  const signOut = async (exportFirst: boolean) => {
    if (exportFirst) downloadText(`unsynced-changes-${new Date().toISOString().slice(0, 10)}.json`, await sync.exportUnsynced());
    setOpen(false);
    await account.signOut();
  };

  return (
    <>
      <button type="button" className="button" data-testid="account" onClick={() => setOpen(true)}>
        {user.displayName} · {t(`account.role.${user.role}`)}
      </button>
      <Dialog
        open={open}
        title={t('account.signOut')}
        onClose={() => setOpen(false)}
        actions={
          <>
            <button type="button" className="button" onClick={() => setOpen(false)}>
              {t('action.cancel')}
            </button>
            <button
              type="button"
              className="button"
              onClick={() => {
                setOpen(false);
                setChanging(true);
              }}
            >
              {t('password.change')}
            </button>
            {unsynced > 0 && (
              <button type="button" className="button" onClick={() => void signOut(true)}>
                {t('account.exportAndSignOut')}
              </button>
            )}
            <button type="button" className="button button--danger" onClick={() => void signOut(false)}>
              {unsynced > 0 ? t('account.discardAndSignOut') : t('account.signOut')}
            </button>
          </>
        }
      >
        <p>
          {user.displayName}（{user.username}）· {t(`account.role.${user.role}`)}
        </p>
        {unsynced > 0 && (
          <p className="warning" role="alert">
            {t('account.signOutPending', { count: formatNumber(locale, unsynced) })}
          </p>
        )}
      </Dialog>
      <Dialog open={changing} title={t('password.change')} onClose={() => setChanging(false)}>
        <ChangePasswordForm
          onChanged={() => {
            setChanging(false);
            toast.show({ kind: 'info', text: t('password.changed') });
          }}
        />
      </Dialog>
      <Dialog open={expired} title={t('account.signIn')} onClose={() => undefined}>
        <p className="note">{t('account.expired')}</p>
        <LoginForm fixedUsername={user.username} onSignedIn={() => void sync.syncNow()} />
      </Dialog>
    </>
  );
}
