// 清空本设备数据: this device forgets its copy of the ledger (records, changes not sent, drafts, files) and keeps
// its settings and sign-in, so that it pulls the ledger again from the server. It sends nothing: the server and
// every other device are untouched. The caller has offered to export unsent changes first, and reloads after;
// the other tabs are told to reload too.
import { entityNames } from '#shared/model/entities.ts';
import { tableOf, WRITES_KEY } from './db.ts';
import type { LedgerStorage } from './ledger-storage.ts';
import { CURSOR_KEY } from './remote.ts';
import type { Settings } from './settings.ts';
import { toStorageError } from './storage-error.ts';
import { announceReset } from './tab-channel.ts';

/** Set by a reset: on the next start the app pulls the whole ledger before it shows anything. */
export const RELOAD_SETTING = 'reloadLedger' satisfies keyof Settings;

export async function resetDevice(storage: LedgerStorage): Promise<void> {
  const { db } = storage;
  const tables = [...entityNames.map((e) => db.table(tableOf[e])), db.outbox, db.drafts, db.files, db.meta, db.settings];
  try {
    // One transaction: a reset is never half done. The write count goes on (a cache that saw the old rows must not
    // pass for current); the pull cursor goes back to the start.
    await db.transaction('rw', tables, async () => {
      const writes = (await db.meta.get(WRITES_KEY))?.value ?? 0;
      await Promise.all([...entityNames.map((e) => db.table(tableOf[e]).clear()), db.outbox.clear(), db.drafts.clear(), db.files.clear()]);
      await db.meta.delete(CURSOR_KEY);
      await db.meta.put({ key: WRITES_KEY, value: writes + 1 });
    });
    await storage.settings.save({ [RELOAD_SETTING]: true });
  } catch (error) {
    throw toStorageError(error);
  }
  announceReset(`ledger:${db.name}`);
}
