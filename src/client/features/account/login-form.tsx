// The sign-in form, for the first sign-in on a device and when a session has expired.
import { type FormEvent, useState } from 'react';
import { useDevice } from '#client/context/device-context.tsx';
import { useT } from '#client/context/ledger-context.tsx';
import type { SignInError } from '#client/sync/account.ts';

type Props = { fixedUsername?: string; onSignedIn?: () => void };

export function LoginForm({ fixedUsername, onSignedIn }: Props) {
  const { account } = useDevice();
  const t = useT();
  const [username, setUsername] = useState(fixedUsername ?? '');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<SignInError | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const result = await account.signIn(username.trim(), password);
    setBusy(false);
    if ('kind' in result) setError(result);
    else {
      setError(null);
      onSignedIn?.();
    }
  };

  return (
    <form className="login-form" onSubmit={(e) => void submit(e)}>
      <label className="field">
        <span>{t('account.username')}</span>
        <input autoComplete="username" value={username} readOnly={fixedUsername !== undefined} onChange={(e) => setUsername(e.target.value)} required />
      </label>
      <label className="field">
        <span>{t('account.password')}</span>
        <input type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required autoFocus={fixedUsername !== undefined} />
      </label>
      {error && (
        <p className="warning" role="alert">
          {error.kind === 'badCredentials' ? t('account.badCredentials') : error.kind === 'tooMany' ? t('account.tooMany', { minutes: error.minutes }) : t('account.offline')}
        </p>
      )}
      <button type="submit" className="button button--primary" disabled={busy || username.trim() === '' || password === ''}>
        {busy ? t('account.signingIn') : t('account.signIn')}
      </button>
    </form>
  );
}
