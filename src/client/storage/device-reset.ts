// 清空本设备数据: this device forgets its copy of the ledger (records, changes not sent, drafts, files) and keeps
// its settings and sign-in, so that it pulls the ledger again from the server. It sends nothing: the server and
// every other device are untouched. The caller has offered to export unsent changes first, and reloads after.
import { type LedgerDb, LedgerDb as Db } from './db.ts';
import type { LedgerStorage } from './ledger-storage.ts';
import type { Settings } from './settings.ts';
import { toStorageError } from './storage-error.ts';

/** Set by a reset: on the next start the app pulls the whole ledger before it shows anything. */
export const RELOAD_SETTING = 'reloadLedger' satisfies keyof Settings;

export async function resetDevice(storage: LedgerStorage): Promise<void> {
  const name = storage.db.name;
  try {
    const kept = await storage.db.settings.toArray();
    storage.close();
    // Deleting the database tells every other tab (versionchange): each saves what is being typed, lets go, reloads.
    await storage.db.delete();
    const fresh: LedgerDb = new Db(name);
    await fresh.open();
    await fresh.settings.bulkPut([...kept.filter((row) => row.key !== RELOAD_SETTING), { key: RELOAD_SETTING, value: true }]);
    fresh.close();
  } catch (error) {
    throw toStorageError(error);
  }
}
