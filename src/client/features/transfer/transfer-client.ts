// The page's side of the import/export worker: one request at a time, answered by a promise, with progress.
import type { PlanSummary, ReadSummary, CommitResult, TransferRequest, TransferResponse } from './transfer-protocol.ts';

export type Progress = { phase: Extract<TransferResponse, { type: 'progress' }>['phase']; done: number; total: number };

type ResultOf<R extends TransferRequest['type']> = R extends 'read' ? ReadSummary : R extends 'plan' ? PlanSummary : R extends 'commit' ? CommitResult : { blob: Blob };

export type TransferClient = {
  run<R extends TransferRequest>(request: R, onProgress?: (p: Progress) => void): Promise<ResultOf<R['type']>>;
  close(): void;
};

export function createTransferClient(): TransferClient {
  const worker = new Worker(new URL('./transfer-worker.ts', import.meta.url), { type: 'module', name: 'ledger-transfer' });
  let next = 0;
  const waiting = new Map<number, { resolve: (r: unknown) => void; reject: (e: Error) => void; onProgress?: (p: Progress) => void }>();
  worker.onmessage = (event: MessageEvent<TransferResponse>) => {
    const message = event.data;
    const entry = waiting.get(message.id);
    if (!entry) return;
    if (message.type === 'progress') entry.onProgress?.({ phase: message.phase, done: message.done, total: message.total });
    else {
      waiting.delete(message.id);
      if (message.type === 'done') entry.resolve(message.result);
      else entry.reject(new Error(message.message));
    }
  };
  worker.onerror = (event) => {
    for (const entry of waiting.values()) entry.reject(new Error(event.message || 'worker failed'));
    waiting.clear();
  };
  return {
    run(request, onProgress) {
      const id = ++next;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve: resolve as (r: unknown) => void, reject, onProgress });
        // The file's bytes move to the worker rather than being copied.
        worker.postMessage({ id, request }, request.type === 'read' ? [request.bytes] : []);
      });
    },
    close() {
      worker.terminate();
      for (const entry of waiting.values()) entry.reject(new Error('closed'));
      waiting.clear();
    },
  };
}
