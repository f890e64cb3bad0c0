// The storage facade the features use: the database, its change feed, the record cache and settings.
import type { Change } from '#shared/model/change.ts';
import { newId } from '#shared/model/ids.ts';
import { type ChangeFeed, createChangeFeed } from './change-feed.ts';
import { LedgerDb } from './db.ts';
import { type RecordCache, createRecordCache } from './record-cache.ts';
import { type SaveResult, saveChanges } from './save-changes.ts';
import { type SettingsStore, loadSettings } from './settings.ts';
import { toStorageError } from './storage-error.ts';
import { connectTabs } from './tab-channel.ts';
import { createUndoStack, type UndoStack } from './undo-stack.ts';

export const DEFAULT_DB_NAME = 'rectification-ledger';

export type LedgerStorage = {
  db: LedgerDb;
  feed: ChangeFeed;
  cache: RecordCache;
  settings: SettingsStore;
  /**
   * The one way to change the ledger: all of `changes` or none, validated, as the device's user. Each save is
   * a step of the undo stack, unless `undoable` is false (the sample put in place on a first start). `draft`: the
   * key of the form draft the save contains, deleted with it in one transaction.
   */
  save(changes: readonly Change[], options?: { undoable?: boolean; draft?: string }): Promise<SaveResult>;
  undo: UndoStack;
  close(): void;
};

export type OpenOptions = {
  name?: string;
  /** Another tab wants a newer schema: save what is in progress, before this tab lets go of the database. */
  beforeVersionChange?: () => Promise<void>;
  /** The database is closed for the newer schema: this tab must reload. */
  onVersionChange?: () => void;
  /** Another tab forgot this device's copy of the ledger (清空本设备数据): this tab must reload. */
  onReset?: () => void;
};

export async function openLedgerStorage(options: OpenOptions = {}): Promise<LedgerStorage> {
  const name = options.name ?? DEFAULT_DB_NAME;
  const db = new LedgerDb(name);
  db.on('versionchange', () => {
    // The upgrading tab waits (blocked) until this connection closes: finish saving first, then let go.
    void (options.beforeVersionChange?.() ?? Promise.resolve()).finally(() => {
      db.close();
      options.onVersionChange?.();
    });
    // Returning false tells Dexie not to close on its own; we close once the pending saves are done.
    return false;
  });
  try {
    await db.open();
  } catch (error) {
    throw toStorageError(error);
  }
  const feed = createChangeFeed();
  const cache = createRecordCache(db, feed);
  const settings = await loadSettings(db);
  if (settings.get().clientId === '') await settings.save({ clientId: newId() });
  const disconnect = connectTabs(db, feed, `ledger:${name}`, options.onReset);
  // Until the cache has read its tables it knows nothing: saves then read what they change from IndexedDB.
  const saveNow = (changes: readonly Change[], draftKey?: string) =>
    saveChanges(db, feed, changes, {
      actor: settings.get().userName,
      clientId: settings.get().clientId,
      cache: cache.isReady() ? { version: cache.version(), get: cache.get } : undefined,
      draftKey,
    });
  const undo = createUndoStack((changes) => saveNow(changes));
  return {
    db,
    feed,
    cache,
    settings,
    undo,
    async save(changes, options) {
      const result = await saveNow(changes, options?.draft);
      if (result.ok && options?.undoable !== false) undo.record(result.inverse);
      return result;
    },
    close() {
      disconnect();
      db.close();
    },
  };
}
