// The client sync engine (no React): push the outbox in batches, then pull pages after the cursor — a stuck
// upload never blocks the download. One tab syncs at a time (Web Locks); failures back off.
import type { SessionUser } from '#shared/auth/permissions.ts';
import type { EntityName } from '#shared/model/entities.ts';
import type { AuditEntry, Conflict, LedgerClear, ResolveRequest } from '#shared/sync/protocol.ts';
import { createObservable, type Observable } from '#client/lib/observable.ts';
import type { LedgerStorage } from '#client/storage/ledger-storage.ts';
import { countOutbox, discardRejected, listRejected, listUnsynced, readPending, settlePush } from '#client/storage/outbox.ts';
import { applyPulled, loadCursor } from '#client/storage/remote.ts';
import { countUnsent, listUnsent } from '#client/storage/file-store.ts';
import { fetchFile, prefetchFiles } from './file-download.ts';
import { startLiveEvents } from './live-events.ts';
import { uploadFiles } from './file-upload.ts';
import { type CarryReport, importUnsyncedChanges } from './carry.ts';
import type { OutboxRow } from '#client/storage/db.ts';
import { SyncHttpError, type SyncTransport } from './transport.ts';

/**
 * network: the server did not answer (offline); unavailable: it answered 503 (its database is away — nothing was
 * refused, the outbox waits and the sync is tried again later); server: it answered with a failure, by status and
 * its code.
 */
export type SyncError = { kind: 'network' | 'unavailable' | 'server'; status?: number; code?: string };

export type SyncState = {
  pending: number;
  rejected: number;
  syncing: boolean;
  lastSyncAt: string | null;
  error: SyncError | null;
  /** Open conflicts on the server, as last counted (null: not known yet). */
  openConflicts: number | null;
  /** Evidence files not yet uploaded. */
  unsentFiles: number;
};

export type SyncEngine = {
  state: Observable<SyncState>;
  /** Runs one sync now (or joins the one running). */
  syncNow: () => Promise<void>;
  /** Only the upload, or only the download, outside the lock (for the benchmark and tests). */
  push: () => Promise<void>;
  pull: () => Promise<void>;
  /** Starts the triggers: local writes, coming online, the tab coming into view, the server's live updates, every minute. */
  start: () => () => void;
  /** Stops every timer, e.g. before the storage closes. */
  dispose: () => void;
  /** Stops syncing for good and runs `work` once no sync runs in any tab (the sync lock held): a device reset. */
  stopFor: <T>(work: () => Promise<T>) => Promise<T>;
  listRejected: () => Promise<OutboxRow[]>;
  discardRejected: (seq: number) => Promise<void>;
  /** Everything not yet on the server, as a JSON document to save. */
  exportUnsynced: () => Promise<string>;
  conflicts: () => Promise<Conflict[]>;
  resolve: (id: string, request: ResolveRequest) => Promise<void>;
  /** A record's audit trail from the server, newest first. */
  history: (entity: EntityName, id: string) => Promise<AuditEntry[]>;
  /** An evidence file this device lacks, fetched from the server and kept for offline use. */
  fetchFile: (hash: string, name: string) => Promise<Blob>;
  /** A coordinator imports another device's exported unsynced changes; then syncs, to show them here. */
  importChanges: (text: string) => Promise<CarryReport>;
  /** Whether the server answers now (a device reset needs it, to give the ledger back). */
  reachable: () => Promise<boolean>;
  /** An administrator clears the shared ledger (typing its name) or restores a clearing; then syncs. */
  clearShared: (confirm: string) => Promise<number>;
  sharedClears: () => Promise<LedgerClear[]>;
  restoreShared: (id: string) => Promise<number>;
};

export type SyncOptions = {
  storage: LedgerStorage;
  transport: SyncTransport;
  /** Told whether the server answered: the online indicator's truth. */
  report?: (reached: boolean) => void;
  /** The server no longer knows the session (401): the user must sign in again. */
  onUnauthorized?: () => void;
  locks?: LockManager | null;
  pushBatch?: number;
  pullPage?: number;
  /** How many of the user's departments' files one sync downloads at most (default 20, ≈ 5 MB of photos). */
  prefetchPerSync?: number;
  /** Quiet time after a local write before syncing it. */
  debounceMs?: number;
  /** Whether to hear the server's live updates (default: yes, where the browser has EventSource). */
  liveUpdates?: boolean;
};

const MINUTE = 60_000;
const MAX_BACKOFF_MS = 5 * MINUTE;

export function createSyncEngine(options: SyncOptions): SyncEngine {
  const { storage, transport } = options;
  const db = storage.db;
  const pushBatch = options.pushBatch ?? 500;
  const pullPage = options.pullPage ?? 2_000;
  const locks = options.locks === undefined ? (typeof navigator !== 'undefined' ? navigator.locks : undefined) : options.locks;
  const state = createObservable<SyncState>({ pending: 0, rejected: 0, syncing: false, lastSyncAt: null, error: null, openConflicts: null, unsentFiles: 0 });
  const patch = (p: Partial<SyncState>) => state.set({ ...state.get(), ...p });
  let running: Promise<void> | null = null;
  let failures = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const refreshCounts = async () => patch({ ...(await countOutbox(db)), unsentFiles: await countUnsent(db) });

  async function pushAll(): Promise<void> {
    const clientId = storage.settings.get().clientId;
    // Files first: the server refuses a change that names a file it does not hold.
    await uploadFiles(db, transport);
    patch({ unsentFiles: await countUnsent(db) });
    for (;;) {
      const rows = await readPending(db, pushBatch);
      if (rows.length === 0) return;
      const { results, incomplete } = await transport.push({ clientId, mutations: rows.map((r) => ({ ...r.mutation, clientId })) });
      const refused = await settlePush(db, rows, results);
      if (refused.length > 0) {
        // Where the server holds the record, the device shows the server's state; the refused change stays in
        // the outbox with its reason. A record the server does not know is left as it is on the device:
        // the server lacking something is never a reason to delete it here.
        await applyPulled(db, storage.feed, await transport.fetchRecords(refused));
      }
      // The server applied the first chunks only (its database went away): those are settled, the rest stays in
      // the outbox and goes again after the backoff, as after any 503.
      if (incomplete) throw new SyncHttpError(503, 'push applied in part: the database is unavailable', incomplete);
      if (rows.length < pushBatch) return;
    }
  }

  async function pullAll(): Promise<void> {
    let cursor = await loadCursor(db);
    for (;;) {
      const page = await transport.pull(cursor, pullPage);
      await applyPulled(db, storage.feed, page.records, page.cursor);
      cursor = page.cursor;
      if (!page.more) return;
    }
  }

  function describe(error: unknown): SyncError {
    if (error instanceof SyncHttpError) return { kind: error.status === 503 ? 'unavailable' : 'server', status: error.status, code: error.code };
    // A failed fetch (no network, server away): the words for it are the catalogue's, not the browser's.
    return { kind: 'network' };
  }

  async function cycle(): Promise<void> {
    patch({ syncing: true });
    let failure: unknown = null;
    try {
      await pushAll();
    } catch (error) {
      failure = error;
    }
    try {
      await pullAll();
    } catch (error) {
      failure ??= error;
    }
    if (failure === null) {
      try {
        await prefetchFiles(storage, transport, options.prefetchPerSync ?? 20);
      } catch {
        // photos not fetched now are fetched on the next sync, or when shown
      }
    }
    try {
      patch({ openConflicts: (await transport.conflicts('open')).length });
    } catch {
      // the count is a courtesy; the sync itself is what matters
    }
    try {
      await refreshCounts();
    } catch (error) {
      failure ??= error;
    }
    if (failure === null) {
      failures = 0;
      patch({ syncing: false, error: null, lastSyncAt: new Date().toISOString() });
      options.report?.(true);
    } else {
      failures++;
      const error = describe(failure);
      patch({ syncing: false, error });
      if (error.status === 401) options.onUnauthorized?.();
      // A server whose database is away cannot take changes: for the indicator it is as good as unreachable.
      options.report?.(error.kind === 'server');
      schedule(Math.min(MAX_BACKOFF_MS, 5_000 * 2 ** (failures - 1)));
    }
  }

  function syncNow(): Promise<void> {
    if (running) return running;
    const run = locks
      ? locks.request('ledger-sync', { ifAvailable: true }, async (lock) => {
          // Another tab holds the lock and is syncing the same database: nothing to do here.
          if (lock) await cycle();
        })
      : cycle();
    running = Promise.resolve(run).finally(() => {
      running = null;
    });
    return running;
  }

  function schedule(delay: number): void {
    clearTimeout(timer);
    timer = setTimeout(() => void syncNow().catch(() => undefined), delay);
  }

  let stopTriggers: (() => void) | null = null;
  return {
    state,
    syncNow,
    push: pushAll,
    pull: pullAll,
    dispose() {
      clearTimeout(timer);
      stopTriggers?.();
    },
    async stopFor(work) {
      clearTimeout(timer);
      stopTriggers?.();
      await running?.catch(() => undefined);
      // A sync still writing pulled pages after the work would leave records and cursor out of step.
      return locks ? locks.request('ledger-sync', () => work()) : work();
    },
    start() {
      void refreshCounts();
      // One second: a burst of edits still travels as one push, and with live updates another user's open grid shows
      // an edit within about two seconds of its saving (tests/e2e/live-updates.spec.ts).
      const debounce = options.debounceMs ?? 1_000;
      let counting: ReturnType<typeof setTimeout> | undefined;
      const unsubscribe = storage.feed.subscribe((event) => {
        if (event.origin !== 'local' && event.origin !== 'other-tab') return;
        clearTimeout(counting);
        counting = setTimeout(() => void refreshCounts(), 200);
        if (failures === 0) schedule(debounce);
      });
      const onOnline = () => void syncNow().catch(() => undefined);
      const onVisible = () => document.visibilityState === 'visible' && void syncNow().catch(() => undefined);
      addEventListener('online', onOnline);
      document.addEventListener('visibilitychange', onVisible);
      const interval = setInterval(() => void syncNow().catch(() => undefined), MINUTE);
      void syncNow().catch(() => undefined);
      // The server says its log has grown: pull, once any sync running now is done (it may have read past it).
      const onSeq = (seq: number) => {
        void (running ?? Promise.resolve())
          .catch(() => undefined)
          .then(() => loadCursor(db))
          .then((cursor) => (seq > cursor ? syncNow() : undefined))
          .catch(() => undefined);
      };
      const stopLive = options.liveUpdates === false ? () => undefined : startLiveEvents({ onSeq });
      stopTriggers = () => {
        stopLive();
        unsubscribe();
        clearTimeout(timer);
        clearTimeout(counting);
        clearInterval(interval);
        removeEventListener('online', onOnline);
        document.removeEventListener('visibilitychange', onVisible);
      };
      return stopTriggers;
    },
    listRejected: () => listRejected(db),
    discardRejected: async (seq) => {
      await discardRejected(db, seq);
      await refreshCounts();
    },
    reachable: () => transport.ledgerInfo().then(
      () => true,
      () => false,
    ),
    clearShared: async (confirm) => {
      const { count } = await transport.clearLedger(confirm);
      await syncNow();
      return count;
    },
    sharedClears: () => transport.ledgerClears(),
    restoreShared: async (id) => {
      const { count } = await transport.restoreClear(id);
      await syncNow();
      return count;
    },
    importChanges: async (text) => {
      const report = await importUnsyncedChanges(transport, text);
      if (report.ok) await syncNow();
      return report;
    },
    exportUnsynced: async () =>
      JSON.stringify(
        {
          exportedAt: new Date().toISOString(),
          clientId: storage.settings.get().clientId,
          // Whose changes they are: a coordinator who imports the file carries them as this account's.
          account: accountOf(storage.settings.get().account),
          changes: await listUnsynced(db),
          // Photos not yet uploaded travel inside the file, so that an export loses none of the evidence.
          files: await Promise.all((await listUnsent(db, true)).map(async (f) => ({ hash: f.hash, name: f.name, type: f.type, base64: toBase64(new Uint8Array(await f.blob.arrayBuffer())) }))),
        },
        null,
        2,
      ),
    conflicts: () => transport.conflicts('open'),
    history: (entity, id) => transport.history(entity, id),
    fetchFile: (hash, name) => fetchFile(db, transport, hash, name),
    resolve: async (id, request) => {
      await transport.resolve(id, request);
      await syncNow();
    },
  };
}

function accountOf(user: SessionUser | null): { id: string; username: string; displayName: string } | null {
  return user ? { id: user.id, username: user.username, displayName: user.displayName } : null;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
