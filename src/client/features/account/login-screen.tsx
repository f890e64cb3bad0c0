// The first screen on a device nobody has signed in on yet.
import { useT } from '#client/context/ledger-context.tsx';
import { LoginForm } from './login-form.tsx';

export function LoginScreen() {
  const t = useT();
  return (
    <main className="login-screen">
      <div className="login-card">
        <h1>{t('account.title')}</h1>
        <p className="note">{t('app.subtitle')}</p>
        <LoginForm />
      </div>
    </main>
  );
}
