// The header's device corner: online or offline, the one install affordance this platform has, and storage at risk.
import { useState } from 'react';
import { useDevice, useObservable } from '#client/context/device-context.tsx';
import { useSettings, useT } from '#client/context/ledger-context.tsx';
import { formatBytes } from '#client/lib/format.ts';
import { Dialog } from '#client/ui/dialog.tsx';
import { formatLocalDateTime, isTimestamp } from '#shared/model/local-time.ts';

export function NetStatus() {
  const { connectivity } = useDevice();
  const net = useObservable(connectivity.state);
  const t = useT();
  return (
    <span className={`net net--${net}`} role="status" title={net === 'offline' ? t('net.offlineHint') : undefined} data-testid="connectivity">
      {t(`net.${net}`)}
    </span>
  );
}

/** Whether the device may clear the ledger's storage (not persisted, not installed): then it is said up front. */
export function useStorageAtRisk(): boolean {
  const { install, persistence } = useDevice();
  const installState = useObservable(install.state);
  const storage = useObservable(persistence.state);
  return storage.persisted === false && !installState.installed;
}

/** 安装到主屏幕 where the browser offers it, 添加到主屏幕 (a guide) on iPadOS/iOS, nothing once installed. */
export function InstallAffordance() {
  const { install } = useDevice();
  const installState = useObservable(install.state);
  const t = useT();
  const [open, setOpen] = useState(false);
  if (installState.needsGuide) {
    return (
      <>
        <button type="button" className="button" onClick={() => setOpen(true)}>
          {t('install.guideTitle')}
        </button>
        <Dialog open={open} title={t('install.guideTitle')} onClose={() => setOpen(false)} actions={<CloseButton onClose={() => setOpen(false)} />}>
          <p>{t('install.guideSteps')}</p>
        </Dialog>
      </>
    );
  }
  if (!installState.canPrompt) return null;
  return (
    <button type="button" className="button" onClick={() => void install.prompt()}>
      {t('install.button')}
    </button>
  );
}

export function StorageButton() {
  const { install, persistence } = useDevice();
  const installState = useObservable(install.state);
  const storage = useObservable(persistence.state);
  const { locale } = useSettings();
  const atRisk = useStorageAtRisk();
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className={atRisk ? 'button button--danger' : 'button'} onClick={() => setOpen(true)}>
        {atRisk ? t('device.atRisk') : t('device.storage')}
      </button>
      <Dialog open={open} title={t('device.storage')} onClose={() => setOpen(false)} actions={<CloseButton onClose={() => setOpen(false)} />}>
        <p data-testid="storage-usage">
          {storage.usage === null ? t('device.unknown') : t('device.usage', { usage: formatBytes(locale, storage.usage), quota: formatBytes(locale, storage.quota) })}
        </p>
        <p className={atRisk ? 'warning' : 'note'} data-testid="storage-persistence">
          {storage.persisted === true ? t('device.persisted') : storage.persisted === false ? t('device.notPersisted') : t('device.notAsked')}
        </p>
        {atRisk && installState.needsGuide && <p>{t('install.guideSteps')}</p>}
        <p className="note">{t('device.version', { build: isTimestamp(__BUILD_ID__) ? formatLocalDateTime(__BUILD_ID__) : __BUILD_ID__ })}</p>
      </Dialog>
    </>
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
