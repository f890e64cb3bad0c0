// The storage facade the features use: the database, its change feed, the record cache and settings.
import type { Change } from '#shared/model/change.ts';
import { type ChangeFeed, createChangeFeed } from './change-feed.ts';
import { LedgerDb } from './db.ts';
import { type RecordCache, loadRecordCache } from './record-cache.ts';
import { type SaveResult, saveChanges } from './save-changes.ts';
import { type SettingsStore, loadSettings } from './settings.ts';
import { toStorageError } from './storage-error.ts';
import { connectTabs } from './tab-channel.ts';

export const DEFAULT_DB_NAME = 'rectification-ledger';

export type LedgerStorage = {
  db: LedgerDb;
  feed: ChangeFeed;
  cache: RecordCache;
  settings: SettingsStore;
  /** The one way to change the ledger: all of `changes` or none, validated, as the device's user. */
  save(changes: readonly Change[]): Promise<SaveResult>;
  close(): void;
};

export type OpenOptions = {
  name?: string;
  /** Another tab opened a newer schema: this tab must let go of the database (and reload). */
  onVersionChange?: () => void;
};

export async function openLedgerStorage(options: OpenOptions = {}): Promise<LedgerStorage> {
  const name = options.name ?? DEFAULT_DB_NAME;
  const db = new LedgerDb(name);
  db.on('versionchange', () => {
    db.close();
    options.onVersionChange?.();
    // Returning false tells Dexie not to reopen this outdated connection.
    return false;
  });
  try {
    await db.open();
  } catch (error) {
    throw toStorageError(error);
  }
  const feed = createChangeFeed();
  const cache = await loadRecordCache(db, feed);
  const settings = await loadSettings(db);
  const disconnect = connectTabs(db, feed, `ledger:${name}`);
  return {
    db,
    feed,
    cache,
    settings,
    save: (changes) => saveChanges(db, feed, changes, { actor: settings.get().userName }),
    close() {
      disconnect();
      db.close();
    },
  };
}
