// 新版本可用 · 刷新: shown when a new build is waiting; accepting saves edits in progress, then reloads.
import { useState } from 'react';
import { useDevice, useObservable } from '#client/context/device-context.tsx';
import { useT } from '#client/context/ledger-context.tsx';
import { flushEdits } from '#client/lib/edit-flush.ts';

export function UpdateBanner() {
  const { serviceWorker } = useDevice();
  const { needRefresh } = useObservable(serviceWorker.state);
  const t = useT();
  const [updating, setUpdating] = useState(false);
  if (!needRefresh) return null;
  const update = async () => {
    setUpdating(true);
    await flushEdits();
    await serviceWorker.applyUpdate();
  };
  return (
    <div className="banner" role="status">
      <span>{updating ? t('pwa.updating') : t('pwa.updateAvailable')}</span>
      <button type="button" className="button button--primary" disabled={updating} onClick={() => void update()}>
        {t('pwa.reload')}
      </button>
    </div>
  );
}
