// The header's device corner: online or offline, install to the home screen, and storage at risk.
import { useState } from 'react';
import { useDevice, useObservable } from '#client/context/device-context.tsx';
import { useT } from '#client/context/ledger-context.tsx';
import { Dialog } from '#client/ui/dialog.tsx';

function formatBytes(bytes: number | null): string {
  if (bytes === null) return '—';
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(value >= 10 || unit === 0 ? 0 : 1)} ${units[unit]}`;
}

export function DeviceStatus() {
  const { connectivity, install, persistence } = useDevice();
  const net = useObservable(connectivity.state);
  const installState = useObservable(install.state);
  const storage = useObservable(persistence.state);
  const t = useT();
  const [open, setOpen] = useState<'guide' | 'storage' | null>(null);
  const atRisk = storage.persisted === false && !installState.installed;

  return (
    <div className="device-status">
      <span className={`net net--${net}`} role="status" title={net === 'offline' ? t('net.offlineHint') : undefined} data-testid="connectivity">
        {t(`net.${net}`)}
      </span>
      {installState.canPrompt && (
        <button type="button" className="button" onClick={() => void install.prompt()}>
          {t('install.button')}
        </button>
      )}
      {installState.needsGuide && (
        <button type="button" className="button" onClick={() => setOpen('guide')}>
          {t('install.guideTitle')}
        </button>
      )}
      <button type="button" className={atRisk ? 'button button--danger' : 'button'} onClick={() => setOpen('storage')}>
        {atRisk ? t('device.atRisk') : t('device.storage')}
      </button>
      <Dialog open={open === 'guide'} title={t('install.guideTitle')} onClose={() => setOpen(null)} actions={<CloseButton onClose={() => setOpen(null)} />}>
        <p>{t('install.guideSteps')}</p>
      </Dialog>
      <Dialog open={open === 'storage'} title={t('device.storage')} onClose={() => setOpen(null)} actions={<CloseButton onClose={() => setOpen(null)} />}>
        <p data-testid="storage-usage">
          {storage.usage === null ? t('device.unknown') : t('device.usage', { usage: formatBytes(storage.usage), quota: formatBytes(storage.quota) })}
        </p>
        <p className={atRisk ? 'warning' : 'note'} data-testid="storage-persistence">
          {storage.persisted === true ? t('device.persisted') : storage.persisted === false ? t('device.notPersisted') : t('device.notAsked')}
        </p>
        {atRisk && installState.needsGuide && <p>{t('install.guideSteps')}</p>}
        <p className="note">{t('device.version', { build: __BUILD_ID__ })}</p>
      </Dialog>
    </div>
  );
}

function CloseButton({ onClose }: { onClose: () => void }) {
  const t = useT();
  return (
    <button type="button" className="button" onClick={onClose}>
      {t('action.close')}
    </button>
  );
}
