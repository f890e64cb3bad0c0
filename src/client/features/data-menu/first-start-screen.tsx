// The first sign-in on a new installation: the ledger is empty on the server too, so its first user with the
// right to create problems chooses how it starts. Each choice says that it is everyone's ledger it fills.
import { useState } from 'react';
import { useT } from '#client/context/ledger-context.tsx';
import type { FirstStartChoice } from './first-start.ts';

const choices: readonly FirstStartChoice[] = ['sample', 'import', 'blank'];

export function FirstStartScreen({ onChoose }: { onChoose: (choice: FirstStartChoice) => Promise<void> }) {
  const t = useT();
  const [busy, setBusy] = useState<FirstStartChoice | null>(null);
  const choose = async (choice: FirstStartChoice) => {
    setBusy(choice);
    try {
      await onChoose(choice);
    } finally {
      setBusy(null);
    }
  };
  return (
    <main className="login-screen">
      <section className="login-card first-start" aria-labelledby="first-start-title">
        <h1 id="first-start-title">{t('firstStart.title')}</h1>
        <p className="note">{t('firstStart.intro')}</p>
        <ul className="first-start__choices">
          {choices.map((choice) => (
            <li key={choice}>
              <button type="button" className="button first-start__choice" disabled={busy !== null} aria-describedby={`first-start-${choice}`} onClick={() => void choose(choice)}>
                {busy === choice ? t('common.loading') : t(`firstStart.${choice}`)}
              </button>
              <p id={`first-start-${choice}`} className="note">
                {t(`firstStart.${choice}Note`)}
              </p>
            </li>
          ))}
        </ul>
        <p className="note">{t('firstStart.shared')}</p>
      </section>
    </main>
  );
}
