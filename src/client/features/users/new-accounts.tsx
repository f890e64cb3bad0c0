// Accounts about to be made (one typed in, or one staff account per unit from a table), and once made, their first
// passwords, shown this once and downloadable as a file to hand out.
import { useState } from 'react';
import { roles, type Role } from '#shared/auth/permissions.ts';
import { writeTable } from '#shared/csv/table.ts';
import type { MessageKey } from '#shared/i18n/translate.ts';
import { useDevice } from '#client/context/device-context.tsx';
import { useRecords, useT } from '#client/context/ledger-context.tsx';
import { downloadBlob } from '#client/lib/download.ts';
import type { Account, MadeAccount, NewAccount } from '#client/sync/accounts-api.ts';

type Draft = NewAccount & { include: boolean };

/** One staff account for each unit that has none yet: staff01, staff02… named after the unit. */
export function draftsPerUnit(units: readonly { id: string; name: string }[], accounts: readonly Account[]): Draft[] {
  const covered = new Set(accounts.filter((a) => a.role === 'staff').flatMap((a) => a.departmentIds));
  const taken = new Set(accounts.map((a) => a.username.toLowerCase()));
  let n = 0;
  const nextName = () => {
    let name: string;
    do name = `staff${String(++n).padStart(2, '0')}`;
    while (taken.has(name));
    return name;
  };
  return units.filter((u) => !covered.has(u.id)).map((u) => ({ username: nextName(), displayName: `${u.name}填报员`, role: 'staff', departmentIds: [u.id], include: true }));
}

export function NewAccounts({ drafts: initial, onMade }: { drafts: Draft[]; onMade: () => void }) {
  const t = useT();
  const { accounts } = useDevice();
  const units = useRecords('department');
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const [drafts, setDrafts] = useState(initial);
  const [made, setMade] = useState<MadeAccount[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const edit = (i: number, patch: Partial<Draft>) => setDrafts(drafts.map((d, j) => (j === i ? { ...d, ...patch } : d)));
  const chosen = drafts.filter((d) => d.include && d.username.trim() !== '');

  const create = async () => {
    setBusy(true);
    const result = await accounts.create(chosen.map(({ include: _include, ...d }) => ({ ...d, username: d.username.trim(), displayName: d.displayName.trim() || d.username.trim() })));
    setBusy(false);
    if (typeof result === 'string') return setError(t(`accounts.error.${result}` as MessageKey));
    setError(null);
    setMade(result);
    onMade();
  };

  const download = (list: MadeAccount[]) => {
    const header = [t('accounts.username'), t('accounts.displayName'), t('accounts.role'), t('accounts.departments'), t('accounts.firstPassword')];
    const rows = list.map((a) => [a.username, a.displayName, t(`account.role.${a.role}`), a.departmentIds.map((id) => unitName.get(id) ?? '').join('、'), a.password]);
    downloadBlob(t('accounts.file'), new Blob([writeTable(header, rows)], { type: 'text/csv;charset=utf-8' }));
  };

  if (made) {
    return (
      <section className="accounts-made" data-testid="accounts-made">
        <p className="warning">{t('accounts.created', { count: made.length })}</p>
        <table className="transfer-table">
          <thead>
            <tr>
              <th>{t('accounts.username')}</th>
              <th>{t('accounts.displayName')}</th>
              <th>{t('accounts.firstPassword')}</th>
            </tr>
          </thead>
          <tbody>
            {made.map((a) => (
              <tr key={a.username} data-username={a.username}>
                <td>{a.username}</td>
                <td>{a.displayName}</td>
                <td className="accounts-password">{a.password}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <button type="button" className="button" onClick={() => download(made)}>
          {t('accounts.download')}
        </button>
      </section>
    );
  }
  return (
    <section>
      <table className="transfer-table">
        <thead>
          <tr>
            <th>{t('accounts.include')}</th>
            <th>{t('accounts.username')}</th>
            <th>{t('accounts.displayName')}</th>
            <th>{t('accounts.role')}</th>
            <th>{t('accounts.departments')}</th>
          </tr>
        </thead>
        <tbody>
          {drafts.map((d, i) => (
            <tr key={i}>
              <td>
                <input type="checkbox" aria-label={t('accounts.include')} checked={d.include} onChange={(e) => edit(i, { include: e.target.checked })} />
              </td>
              <td>
                <input aria-label={t('accounts.username')} value={d.username} onChange={(e) => edit(i, { username: e.target.value })} />
              </td>
              <td>
                <input aria-label={t('accounts.displayName')} value={d.displayName} onChange={(e) => edit(i, { displayName: e.target.value })} />
              </td>
              <td>
                <select aria-label={t('accounts.role')} value={d.role} onChange={(e) => edit(i, { role: e.target.value as Role })}>
                  {roles.map((r) => (
                    <option key={r} value={r}>
                      {t(`account.role.${r}`)}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <select aria-label={t('accounts.departments')} value={d.departmentIds[0] ?? ''} onChange={(e) => edit(i, { departmentIds: e.target.value ? [e.target.value] : [] })}>
                  <option value="">{t('accounts.none')}</option>
                  {units.map((u) => (
                    <option key={u.id} value={u.id}>
                      {u.name}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {error && (
        <p className="warning" role="alert">
          {error}
        </p>
      )}
      <button type="button" className="button button--primary" disabled={busy || chosen.length === 0} onClick={() => void create()}>
        {drafts.length === 1 ? t('accounts.create') : t('accounts.bulkCreate', { count: chosen.length })}
      </button>
    </section>
  );
}
