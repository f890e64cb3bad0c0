// 数据 Data: what acts on this device (forgetting its copy, its settings) apart from what acts on everyone's shared
// ledger (the sample into an empty ledger, import and export, an administrator's clearing, a demonstration
// server's synthetic rows), each saying so.
import { useState } from 'react';
import { type LightScheme, lightSchemes } from '#shared/model/warning.ts';
import { canClearLedger } from '#shared/auth/permissions.ts';
import { useSettings, useStorage, useT } from '#client/context/ledger-context.tsx';
import { useDevice } from '#client/context/device-context.tsx';
import { generateMeasures, ledgerIsEmpty, loadSample } from '#client/storage/sample-data.ts';
import { describeStorageError } from '#client/storage/storage-error.ts';
import { ConfirmDialog, Dialog } from '#client/ui/dialog.tsx';
import { selectOnFocus } from '#client/ui/select-on-focus.ts';
import { useToast } from '#client/ui/toast.tsx';
import { DeviceResetDialog } from './device-reset-dialog.tsx';
import { loadSeedSample } from './load-seed-sample.ts';
import { SharedClearDialog } from './shared-clear-dialog.tsx';

type Pending = 'reset' | 'sample' | 'clearShared' | 'generate' | null;

/** `onTransfer`: the shell opens the import or export dialog (another feature) over this menu. */
export function DataMenu({ open, onClose, onTransfer }: { open: boolean; onClose: () => void; onTransfer: (kind: 'import' | 'export') => void }) {
  const storage = useStorage();
  const settings = useSettings();
  const { sync } = useDevice();
  const t = useT();
  const toast = useToast();
  const [pending, setPending] = useState<Pending>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [count, setCount] = useState(1_000);
  const user = settings.account;
  const mayImport = user !== null && user.role !== 'viewer';
  const demo = settings.ledger?.demo === true;

  const run = async (label: string, task: () => Promise<void>) => {
    setBusy(label);
    try {
      await task();
    } catch (error) {
      toast.show({ kind: 'error', text: describeStorageError(t, error) });
    } finally {
      setBusy(null);
    }
  };

  // Only into an empty ledger, and only once the server has said it holds nothing either.
  const load = () =>
    run(t('data.loading'), async () => {
      const reached = await sync.pull().then(
        () => true,
        () => false,
      );
      if (!reached) return void toast.show({ kind: 'error', text: t('data.sampleNeedsServer') });
      if (!ledgerIsEmpty(storage)) return void toast.show({ kind: 'error', text: t('data.sampleNotEmpty') });
      const result = await loadSample(storage, await loadSeedSample());
      if (!result.ok) return void toast.show({ kind: 'error', text: t('data.sampleNotEmpty') });
      toast.show({
        kind: 'info',
        text: t('toast.sampleLoaded', { problems: storage.cache.all('problem').length, measures: storage.cache.all('measure').length, departments: storage.cache.all('department').length }),
      });
      void sync.syncNow();
    });
  const generate = () =>
    run(t('data.generating', { done: 0, total: count }), async () => {
      const result = await generateMeasures(storage, count, (done) => setBusy(t('data.generating', { done, total: count })));
      toast.show(result.ok ? { kind: 'info', text: t('toast.generated', { count }) } : { kind: 'error', text: t('data.generateNeedsProblems') });
    });

  const close = () => setPending(null);
  return (
    <>
      <Dialog
        open={open && pending === null}
        title={t('data.title')}
        onClose={onClose}
        actions={
          <button type="button" className="button" onClick={onClose}>
            {t('action.close')}
          </button>
        }
      >
        <section className="menu-section" aria-labelledby="data-device">
          <h3 id="data-device">{t('data.deviceTitle')}</h3>
          <p className="note">{t('data.deviceNote')}</p>
          <div className="menu-row">
            <button type="button" className="button" disabled={busy !== null} onClick={() => setPending('reset')}>
              {t('action.resetDevice')}
            </button>
          </div>
          <label className="field">
            <span>{t('settings.userName')}</span>
            <input type="text" defaultValue={settings.userName} maxLength={50} onBlur={(e) => void storage.settings.save({ userName: e.target.value.trim() })} />
          </label>
          <label className="field">
            <span>{t('settings.warningDays')}</span>
            <input
              {...selectOnFocus}
              type="number"
              min={0}
              max={365}
              value={settings.warningDays}
              onChange={(e) => void storage.settings.save({ warningDays: Math.min(365, Math.max(0, Math.round(Number(e.target.value) || 0))) })}
            />
          </label>
          <label className="field">
            <span>{t('settings.staleWeeks')}</span>
            <input {...selectOnFocus} type="number" min={1} max={52} value={settings.staleWeeks} onChange={(e) => void storage.settings.save({ staleWeeks: Math.min(52, Math.max(1, Math.round(Number(e.target.value) || 1))) })} />
          </label>
          <label className="field">
            <span>{t('settings.lightScheme')}</span>
            <select value={settings.lightScheme} onChange={(e) => void storage.settings.save({ lightScheme: e.target.value as LightScheme })}>
              {lightSchemes.map((s) => (
                <option key={s} value={s}>
                  {t(`settings.scheme.${s}`)}
                </option>
              ))}
            </select>
          </label>
        </section>
        <section className="menu-section" aria-labelledby="data-shared">
          <h3 id="data-shared">{t('data.sharedTitle')}</h3>
          <p className="note">{t('data.sharedNote')}</p>
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
          <p className="note">{t('data.sampleNote')}</p>
          <div className="menu-row">
            <button type="button" className="button" disabled={busy !== null} onClick={() => setPending('sample')}>
              {t('action.loadSample')}
            </button>
            {canClearLedger(user) && (
              <button type="button" className="button button--danger" disabled={busy !== null} onClick={() => setPending('clearShared')}>
                {t('action.clearShared')}
              </button>
            )}
          </div>
        </section>
        {demo && (
          <section className="menu-section" aria-labelledby="data-demo">
            <h3 id="data-demo">{t('data.demoTitle')}</h3>
            <label className="field">
              <span>{t('data.generateCount')}</span>
              <input {...selectOnFocus} type="number" min={1} max={1_000_000} step={1000} value={count} onChange={(e) => setCount(Math.max(1, Math.min(1_000_000, Number(e.target.value) || 1)))} />
            </label>
            <button type="button" className="button" disabled={busy !== null} onClick={() => setPending('generate')}>
              {t('action.generate')}
            </button>
          </section>
        )}
        {busy && (
          <p className="busy" role="status">
            {busy}
          </p>
        )}
      </Dialog>
      <DeviceResetDialog open={pending === 'reset'} onClose={close} />
      <SharedClearDialog open={pending === 'clearShared'} onClose={close} />
      <ConfirmDialog
        open={pending === 'sample' || pending === 'generate'}
        title={pending === 'generate' ? t('action.generate') : t('action.loadSample')}
        message={<p>{pending === 'generate' ? t('confirm.generate', { count }) : t('confirm.loadSample')}</p>}
        confirmLabel={t('action.confirm')}
        cancelLabel={t('action.cancel')}
        onCancel={close}
        onConfirm={() => {
          const action = pending;
          close();
          void (action === 'generate' ? generate() : load());
        }}
      />
    </>
  );
}
