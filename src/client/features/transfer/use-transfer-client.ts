// A worker for as long as a dialog is open: started on opening, ended (and the dialog reset) on closing.
import { type RefObject, useEffect, useRef } from 'react';
import { createTransferClient, type TransferClient } from './transfer-client.ts';

export function useTransferClient(open: boolean, onClosed: () => void = () => undefined): RefObject<TransferClient | null> {
  const client = useRef<TransferClient | null>(null);
  const reset = useRef(onClosed);
  reset.current = onClosed;
  useEffect(() => {
    if (!open) return;
    client.current = createTransferClient();
    return () => {
      client.current?.close();
      client.current = null;
      reset.current();
    };
  }, [open]);
  return client;
}
