// The storage a Web Worker uses for imports and exports: the same database and mutation path as the page,
// without a record cache; what it commits reaches the page's views (and the sync engine) over the tab channel.
import type { LedgerRecords } from '#shared/csv/lookups.ts';
import type { Change } from '#shared/model/change.ts';
import { createChangeFeed } from './change-feed.ts';
import { LedgerDb } from './db.ts';
import { saveChanges, type SaveResult } from './save-changes.ts';
import { loadSettings } from './settings.ts';
import { toStorageError } from './storage-error.ts';
import { connectTabs } from './tab-channel.ts';

export type WorkerStorage = {
  loadRecords(): Promise<LedgerRecords>;
  /** All of `changes` or none, as the device's user, through the one mutation path. */
  save(changes: readonly Change[]): Promise<SaveResult>;
  close(): void;
};

export async function openWorkerStorage(name: string): Promise<WorkerStorage> {
  const db = new LedgerDb(name);
  // A newer schema elsewhere: let go at once; the page reloads, and this worker with it.
  db.on('versionchange', () => {
    db.close();
  });
  try {
    await db.open();
  } catch (error) {
    throw toStorageError(error);
  }
  const feed = createChangeFeed();
  const disconnect = connectTabs(db, feed, `ledger:${name}`);
  return {
    async loadRecords() {
      return db.transaction('r', [db.areas, db.departments, db.problems, db.measures], async () => ({
        areas: await db.areas.toArray(),
        departments: await db.departments.toArray(),
        problems: await db.problems.toArray(),
        measures: await db.measures.toArray(),
      }));
    },
    async save(changes) {
      // Settings are read at the moment of saving: the user may have renamed themselves since the worker opened.
      const settings = (await loadSettings(db)).get();
      return saveChanges(db, feed, changes, { actor: settings.userName, clientId: settings.clientId });
    },
    close() {
      disconnect();
      db.close();
    },
  };
}
