// 清空本设备数据: forgets this device's copy of the ledger and pulls it again from the server. Changes not yet on
// the server are guarded as at sign-out (export first, or discard knowingly); nothing is ever sent to the server.
import { useState } from 'react';
import { useDevice, useObservable } from '#client/context/device-context.tsx';
import { useStorage, useT } from '#client/context/ledger-context.tsx';
import { downloadText } from '#client/lib/download.ts';
import { resetDevice } from '#client/storage/device-reset.ts';
import { describeStorageError } from '#client/storage/storage-error.ts';
import { Dialog } from '#client/ui/dialog.tsx';
import { useToast } from '#client/ui/toast.tsx';

export function DeviceResetDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const storage = useStorage();
  const { sync } = useDevice();
  const { pending, rejected, unsentFiles } = useObservable(sync.state);
  const t = useT();
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const unsynced = pending + rejected + unsentFiles;

  const reset = async (exportFirst: boolean) => {
    setBusy(true);
    try {
      // The ledger comes back from the server: without it this device would stay empty.
      if (!(await sync.reachable())) return toast.show({ kind: 'error', text: t('data.resetNeedsServer') });
      if (exportFirst) downloadText(`unsynced-changes-${new Date().toISOString().slice(0, 10)}.json`, await sync.exportUnsynced());
      await sync.stopFor(() => resetDevice(storage));
      location.reload();
    } catch (error) {
      toast.show({ kind: 'error', text: describeStorageError(t, error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      open={open}
      title={t('action.resetDevice')}
      onClose={onClose}
      actions={
        <>
          <button type="button" className="button" onClick={onClose}>
            {t('action.cancel')}
          </button>
          {unsynced > 0 && (
            <button type="button" className="button" disabled={busy} onClick={() => void reset(true)}>
              {t('data.exportAndReset')}
            </button>
          )}
          <button type="button" className="button button--danger" disabled={busy} onClick={() => void reset(false)}>
            {unsynced > 0 ? t('data.discardAndReset') : t('action.resetDevice')}
          </button>
        </>
      }
    >
      <p>{t('confirm.resetDevice')}</p>
      {unsynced > 0 && (
        <p className="warning" role="alert">
          {t('data.resetPending', { count: unsynced })}
        </p>
      )}
    </Dialog>
  );
}
