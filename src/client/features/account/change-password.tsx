// 修改密码: one's own password, from the account menu; and the screen a handed-out password leads to, before the app.
import { type FormEvent, useState } from 'react';
import { useDevice } from '#client/context/device-context.tsx';
import { useSettings, useT } from '#client/context/ledger-context.tsx';
import type { MessageKey } from '#shared/i18n/translate.ts';

export function ChangePasswordForm({ onChanged }: { onChanged?: () => void }) {
  const { accounts, account } = useDevice();
  const t = useT();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (next.length < 8) return setError(t('password.short'));
    if (next !== repeat) return setError(t('password.mismatch'));
    setBusy(true);
    const refused = await accounts.changePassword(current, next);
    if (refused) {
      setBusy(false);
      return setError(t(`password.error.${refused}` as MessageKey));
    }
    // The server no longer asks for a change: the stored account says so too, and the app opens.
    await account.check();
    setBusy(false);
    setError(null);
    onChanged?.();
  };

  return (
    <form className="login-form" onSubmit={(e) => void submit(e)}>
      <label className="field">
        <span>{t('password.current')}</span>
        <input type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} required />
      </label>
      <label className="field">
        <span>{t('password.next')}</span>
        <input type="password" autoComplete="new-password" value={next} onChange={(e) => setNext(e.target.value)} required />
      </label>
      <label className="field">
        <span>{t('password.repeat')}</span>
        <input type="password" autoComplete="new-password" value={repeat} onChange={(e) => setRepeat(e.target.value)} required />
      </label>
      {error && (
        <p className="warning" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="button button--primary" disabled={busy}>
        {busy ? t('password.saving') : t('password.save')}
      </button>
    </form>
  );
}

/** Before anything else, when the password was handed out by an administrator. */
export function ChangePasswordScreen() {
  const t = useT();
  const user = useSettings().account;
  return (
    <main className="login-screen">
      <div className="login-card">
        <h1>{t('password.change')}</h1>
        <p className="note">
          {user?.displayName}（{user?.username}）
        </p>
        <p className="warning">{t('password.mustChange')}</p>
        <ChangePasswordForm />
      </div>
    </main>
  );
}
