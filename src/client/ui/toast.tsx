// Short messages at the foot of the screen: confirmations that fade, errors that stay until closed.
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';

export type ToastKind = 'info' | 'error';
export type Toast = { id: number; text: string; kind: ToastKind; action?: { label: string; run: () => void } };
type ToastInput = Omit<Toast, 'id'>;

type ToastApi = { show(toast: ToastInput): void; dismiss(id: number): void };

const ToastContext = createContext<ToastApi | null>(null);
const INFO_MS = 6_000;
let nextId = 1;

export function ToastProvider({ closeLabel, children }: { closeLabel: string; children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const dismiss = useCallback((id: number) => setToasts((list) => list.filter((t) => t.id !== id)), []);
  const show = useCallback(
    (input: ToastInput) => {
      const toast = { ...input, id: nextId++ };
      setToasts((list) => [...list.slice(-4), toast]);
      if (toast.kind === 'info') setTimeout(() => dismiss(toast.id), INFO_MS);
    },
    [dismiss],
  );
  const api = useMemo(() => ({ show, dismiss }), [show, dismiss]);
  return (
    <ToastContext.Provider value={api}>
      {children}
      <div className="toasts" aria-live="polite">
        {toasts.map((toast) => (
          <div key={toast.id} className={`toast toast--${toast.kind}`} role={toast.kind === 'error' ? 'alert' : 'status'}>
            <span className="toast__text">{toast.text}</span>
            {toast.action && (
              <button
                type="button"
                className="button button--link"
                onClick={() => {
                  dismiss(toast.id);
                  toast.action?.run();
                }}
              >
                {toast.action.label}
              </button>
            )}
            <button type="button" className="toast__close" aria-label={closeLabel} onClick={() => dismiss(toast.id)}>
              ×
            </button>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

export function useToast(): ToastApi {
  const api = useContext(ToastContext);
  if (!api) throw new Error('useToast outside ToastProvider');
  return api;
}
