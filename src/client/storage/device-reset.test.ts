import { afterEach, describe, expect, it } from 'vitest';
import { newId } from '#shared/model/ids.ts';
import { resetDevice } from './device-reset.ts';
import { type LedgerStorage, openLedgerStorage } from './ledger-storage.ts';

let storage: LedgerStorage | undefined;
afterEach(() => storage?.close());

describe('清空本设备数据', () => {
  it('forgets the records, the outbox and the drafts, keeps the settings, and asks for the ledger again', async () => {
    const name = `reset-${newId()}`;
    storage = await openLedgerStorage({ name });
    await storage.cache.ready;
    await storage.settings.save({ userName: '赵敏', warningDays: 5 });
    const clientId = storage.settings.get().clientId;
    await storage.save([{ op: 'create', entity: 'department', id: newId(), values: { name: '市财政局' } }]);
    await storage.db.drafts.put({ key: 'measure:x', values: {}, savedAt: new Date().toISOString() });
    expect(await storage.db.outbox.count()).toBe(1);

    await resetDevice(storage);
    storage = await openLedgerStorage({ name });
    await storage.cache.ready;
    expect(await storage.db.departments.count()).toBe(0);
    expect(await storage.db.outbox.count()).toBe(0);
    expect(await storage.db.drafts.count()).toBe(0);
    expect(storage.settings.get()).toMatchObject({ userName: '赵敏', warningDays: 5, clientId, reloadLedger: true });
  });
});
