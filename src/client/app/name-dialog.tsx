// Asks, once per device, for the name every change will be recorded under.
import { useState } from 'react';
import { useStorage, useT } from '#client/context/ledger-context.tsx';
import { Dialog } from '#client/ui/dialog.tsx';

export function NameDialog() {
  const storage = useStorage();
  const t = useT();
  const [name, setName] = useState('');
  const save = () => {
    if (name.trim() !== '') void storage.settings.save({ userName: name.trim() });
  };
  return (
    <Dialog
      open
      title={t('settings.userName')}
      onClose={() => undefined}
      actions={
        <button type="submit" form="name-form" className="button button--primary" disabled={name.trim() === ''}>
          {t('action.confirm')}
        </button>
      }
    >
      <form
        id="name-form"
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <p>{t('settings.askName')}</p>
        <input
          className="input"
          aria-label={t('settings.userName')}
          autoFocus
          maxLength={50}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
      </form>
    </Dialog>
  );
}
