// 账号管理 (administrators): every account with its role, units and state; reset a password (shown once), disable or
// enable; create one account, or one staff account per unit. The server checks each request as for /api/users.
import { useCallback, useEffect, useState } from 'react';
import type { MessageKey } from '#shared/i18n/translate.ts';
import { useDevice } from '#client/context/device-context.tsx';
import { useRecords, useT } from '#client/context/ledger-context.tsx';
import type { Account } from '#client/sync/accounts-api.ts';
import { Dialog } from '#client/ui/dialog.tsx';
import { draftsPerUnit, NewAccounts } from './new-accounts.tsx';

type Mode = { kind: 'list' } | { kind: 'new'; bulk: boolean };

export function UsersDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const { accounts } = useDevice();
  const units = useRecords('department');
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const [list, setList] = useState<Account[] | null>(null);
  const [mode, setMode] = useState<Mode>({ kind: 'list' });
  const [message, setMessage] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setList(await accounts.list());
    } catch {
      setMessage(t('accounts.error.offline'));
    }
  }, [accounts, t]);
  useEffect(() => {
    if (open) void load();
  }, [open, load]);

  const reset = async (a: Account) => {
    const result = await accounts.resetPassword(a.id);
    setMessage('password' in result ? t('accounts.resetDone', { username: a.username, password: result.password }) : t(`accounts.error.${result.error}` as MessageKey));
    void load();
  };
  const toggle = async (a: Account) => {
    const refused = await accounts.update(a.id, { disabled: !a.disabled });
    if (refused) setMessage(t(`accounts.error.${refused}` as MessageKey));
    void load();
  };

  return (
    <Dialog open={open} wide title={t('accounts.title')} onClose={onClose} actions={<button type="button" className="button" onClick={onClose}>{t('action.close')}</button>}>
      <div className="menu-row">
        <button type="button" className="button" onClick={() => setMode({ kind: 'new', bulk: false })}>
          {t('accounts.new')}
        </button>
        <button type="button" className="button" disabled={!list} onClick={() => setMode({ kind: 'new', bulk: true })}>
          {t('accounts.bulk')}
        </button>
      </div>
      {message && (
        <p className="warning" role="status" data-testid="accounts-message">
          {message}
        </p>
      )}
      {mode.kind === 'new' && list && (
        <>
          {mode.bulk && <p className="note">{t('accounts.bulkNote')}</p>}
          <NewAccounts key={String(mode.bulk)} drafts={mode.bulk ? draftsPerUnit(units, list) : [{ username: '', displayName: '', role: 'staff', departmentIds: [], include: true }]} onMade={() => void load()} />
        </>
      )}
      {!list ? (
        <p className="loading">{t('accounts.loading')}</p>
      ) : (
        <table className="transfer-table" aria-label={t('accounts.title')}>
          <thead>
            <tr>
              <th>{t('accounts.username')}</th>
              <th>{t('accounts.displayName')}</th>
              <th>{t('accounts.role')}</th>
              <th>{t('accounts.departments')}</th>
              <th>{t('accounts.state')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {list.map((a) => (
              <tr key={a.id} data-username={a.username}>
                <td>{a.username}</td>
                <td>{a.displayName}</td>
                <td>{t(`account.role.${a.role}`)}</td>
                <td>{a.departmentIds.map((id) => unitName.get(id) ?? '').join('、')}</td>
                <td>{a.disabled ? t('accounts.disabled') : a.mustChangePassword ? t('accounts.mustChange') : t('accounts.active')}</td>
                <td>
                  <button type="button" className="button" onClick={() => void reset(a)}>
                    {t('accounts.reset')}
                  </button>
                  <button type="button" className="button" onClick={() => void toggle(a)}>
                    {a.disabled ? t('accounts.enable') : t('accounts.disable')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Dialog>
  );
}
