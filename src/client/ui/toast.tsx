// Short messages at the foot of the screen, one at a time (the newest replaces the one showing, so saves never
// stack up over the list): confirmations fade, errors stay until closed or replaced; one may carry an action.
import { createContext, type ReactNode, useCallback, useContext, useMemo, useRef, useState } from 'react';

export type ToastKind = 'info' | 'error';
export type ToastAction = { label: string; run: () => void; /** A tooltip, e.g. the action's keyboard shortcut. */ title?: string };
export type Toast = { id: number; text: string; kind: ToastKind; action?: ToastAction };
type ToastInput = Omit<Toast, 'id'>;

type ToastApi = {
  /** Shows the toast in place of any other. */
  show(toast: ToastInput): void;
  /** The same, returning its id, for a caller that closes it when its action no longer applies. */
  open(toast: ToastInput): number;
  /** Closes the toast if it is still the one showing. */
  dismiss(id: number): void;
};

const ToastContext = createContext<ToastApi | null>(null);
const INFO_MS = 6_000;
// Time enough to reach for the action (撤销).
const ACTION_MS = 10_000;
let nextId = 1;

export function ToastProvider({ closeLabel, children }: { closeLabel: string; children: ReactNode }) {
  const [toast, setToast] = useState<Toast | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const dismiss = useCallback((id: number) => setToast((current) => (current?.id === id ? null : current)), []);
  const open = useCallback(
    (input: ToastInput) => {
      const next = { ...input, id: nextId++ };
      clearTimeout(timer.current);
      setToast(next);
      if (next.kind === 'info') timer.current = setTimeout(() => dismiss(next.id), next.action ? ACTION_MS : INFO_MS);
      return next.id;
    },
    [dismiss],
  );
  const api = useMemo(() => ({ open, show: (input: ToastInput) => void open(input), dismiss }), [open, dismiss]);
  return (
    <ToastContext.Provider value={api}>
      {children}
      <div className="toasts" aria-live="polite">
        {toast && (
          <div key={toast.id} className={`toast toast--${toast.kind}`} role={toast.kind === 'error' ? 'alert' : 'status'} data-testid="toast">
            <span className="toast__text">{toast.text}</span>
            {toast.action && (
              <button
                type="button"
                className="button button--link"
                title={toast.action.title}
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
        )}
      </div>
    </ToastContext.Provider>
  );
}

export function useToast(): ToastApi {
  const api = useContext(ToastContext);
  if (!api) throw new Error('useToast outside ToastProvider');
  return api;
}
