// A real client for the tests: the app's own storage (on fake-indexeddb) and sync engine, over real HTTP.
import type { Change } from '../../../src/shared/model/change.ts';
import { newId } from '../../../src/shared/model/ids.ts';
import { type LedgerStorage, openLedgerStorage } from '../../../src/client/storage/ledger-storage.ts';
import { createSyncEngine, type SyncEngine } from '../../../src/client/sync/sync-engine.ts';
import { createHttpTransport } from '../../../src/client/sync/transport.ts';

export type TestClient = {
  storage: LedgerStorage;
  sync: SyncEngine;
  /** Points the client at another server (the same data, another process). */
  useServer: (url: string) => void;
  save: (changes: Change[]) => Promise<void>;
  close: () => void;
};

export async function createClient(url: string, name: string): Promise<TestClient> {
  const storage = await openLedgerStorage({ name: `client-${newId()}` });
  await storage.cache.ready;
  await storage.settings.save({ userName: name });
  let base = url;
  const transport = createHttpTransport('', (input, init) => fetch(`${base}${input as string}`, init));
  const sync = createSyncEngine({ storage, transport, locks: null });
  return {
    storage,
    sync,
    useServer: (next) => {
      base = next;
    },
    save: async (changes) => {
      const result = await storage.save(changes);
      if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.errors)}`);
    },
    close: () => {
      sync.dispose();
      storage.close();
    },
  };
}

/** A department, a problem and a measure: the least a ledger needs to be edited. */
export function seedChanges(): { changes: Change[]; measureId: string; problemId: string; departmentId: string } {
  const departmentId = newId();
  const problemId = newId();
  const measureId = newId();
  return {
    departmentId,
    problemId,
    measureId,
    changes: [
      { op: 'create', entity: 'department', id: departmentId, values: { name: '市财政局' } },
      { op: 'create', entity: 'problem', id: problemId, values: { number: 1, title: '宣传不够', leadDepartmentId: departmentId } },
      { op: 'create', entity: 'measure', id: measureId, values: { problemId, seq: 1, title: '编印读本', status: 'in_progress', leadDepartmentId: departmentId } },
    ],
  };
}
