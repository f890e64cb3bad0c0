// 数据 Data: load or clear the sample ledger, generate synthetic rows, and this device's settings.
import { useState } from 'react';
import { useSettings, useStorage, useT } from '#client/context/ledger-context.tsx';
import { clearLedger, generateMeasures, loadSample } from '#client/storage/sample-data.ts';
import type { SaveResult } from '#client/storage/save-changes.ts';
import { describeStorageError } from '#client/storage/storage-error.ts';
import { describeFieldError } from '#shared/i18n/describe-error.ts';
import { ConfirmDialog, Dialog } from '#client/ui/dialog.tsx';
import { useToast } from '#client/ui/toast.tsx';
import { loadSeedSample } from './load-seed-sample.ts';

type Pending = 'load' | 'clear' | null;

/** `onTransfer`: the shell opens the import or export dialog (another feature) over this menu. */
export function DataMenu({ open, onClose, onTransfer }: { open: boolean; onClose: () => void; onTransfer: (kind: 'import' | 'export') => void }) {
  const storage = useStorage();
  const settings = useSettings();
  const t = useT();
  const toast = useToast();
  const [confirm, setConfirm] = useState<Pending>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [count, setCount] = useState(100_000);
  const mayImport = settings.account !== null && settings.account.role !== 'viewer';

  const run = async (label: string, task: () => Promise<SaveResult>, done: (r: Extract<SaveResult, { ok: true }>) => void) => {
    setBusy(label);
    try {
      const result = await task();
      if (result.ok) done(result);
      for (const refused of result.ok ? [] : result.errors.slice(0, 3)) {
        const row = t('error.rowOf', { entity: t(`entity.${refused.entity}`), name: refused.id });
        for (const error of refused.errors) toast.show({ kind: 'error', text: describeFieldError(t, refused.entity, error, row) });
      }
    } catch (error) {
      toast.show({ kind: 'error', text: describeStorageError(t, error) });
    } finally {
      setBusy(null);
    }
  };

  const load = () =>
    run(t('data.loading'), async () => loadSample(storage, await loadSeedSample()), () => {
      toast.show({
        kind: 'info',
        text: t('toast.sampleLoaded', {
          problems: storage.cache.all('problem').length,
          measures: storage.cache.all('measure').length,
          departments: storage.cache.all('department').length,
        }),
      });
    });
  const clear = () =>
    run(t('data.loading'), () => clearLedger(storage), (result) => {
      toast.show({ kind: 'info', text: t('toast.cleared'), action: { label: t('action.undo'), run: () => void storage.save(result.inverse) } });
    });
  const generate = () =>
    run(
      t('data.generating', { done: 0, total: count }),
      () => generateMeasures(storage, count, (done) => setBusy(t('data.generating', { done, total: count }))),
      () => toast.show({ kind: 'info', text: t('toast.generated', { count }) }),
    );

  return (
    <>
      <Dialog
        open={open && confirm === null}
        title={t('data.title')}
        onClose={onClose}
        actions={
          <button type="button" className="button" onClick={onClose}>
            {t('action.close')}
          </button>
        }
      >
        <section className="menu-section">
          <p className="note">{t('data.sampleNote')}</p>
          <div className="menu-row">
            <button type="button" className="button button--primary" disabled={busy !== null} onClick={() => setConfirm('load')}>
              {t('action.loadSample')}
            </button>
            <button type="button" className="button button--danger" disabled={busy !== null} onClick={() => setConfirm('clear')}>
              {t('action.clearAll')}
            </button>
          </div>
        </section>
        <section className="menu-section">
          <p className="note">{t('data.transferNote')}</p>
          <div className="menu-row">
            {mayImport && (
              <button type="button" className="button" disabled={busy !== null} onClick={() => onTransfer('import')}>
                {t('action.import')}
              </button>
            )}
            <button type="button" className="button" disabled={busy !== null} onClick={() => onTransfer('export')}>
              {t('action.export')}
            </button>
          </div>
        </section>
        <section className="menu-section">
          <label className="field">
            <span>{t('data.generateCount')}</span>
            <input type="number" min={1} max={1_000_000} step={1000} value={count} onChange={(e) => setCount(Math.max(1, Number(e.target.value) || 1))} />
          </label>
          <button type="button" className="button" disabled={busy !== null} onClick={() => void generate()}>
            {t('action.generate')}
          </button>
        </section>
        <section className="menu-section">
          <label className="field">
            <span>{t('settings.userName')}</span>
            <input type="text" defaultValue={settings.userName} maxLength={50} onBlur={(e) => void storage.settings.save({ userName: e.target.value.trim() })} />
          </label>
          <label className="field">
            <span>{t('settings.warningDays')}</span>
            <input
              type="number"
              min={0}
              max={365}
              value={settings.warningDays}
              onChange={(e) => void storage.settings.save({ warningDays: Math.min(365, Math.max(0, Math.round(Number(e.target.value) || 0))) })}
            />
          </label>
        </section>
        {busy && (
          <p className="busy" role="status">
            {busy}
          </p>
        )}
      </Dialog>
      <ConfirmDialog
        open={confirm !== null}
        title={confirm === 'clear' ? t('action.clearAll') : t('action.loadSample')}
        message={<p>{confirm === 'clear' ? t('confirm.clearAll') : t('confirm.loadSample')}</p>}
        confirmLabel={t('action.confirm')}
        cancelLabel={t('action.cancel')}
        danger={confirm === 'clear'}
        onCancel={() => setConfirm(null)}
        onConfirm={() => {
          const action = confirm;
          setConfirm(null);
          void (action === 'clear' ? clear() : load());
        }}
      />
    </>
  );
}
