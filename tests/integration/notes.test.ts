// Progress notes written offline on two tablets, synced in either order, over real HTTP on SQLite and PostgreSQL:
// every note stays, once, on the server and on both tablets, with its author as the server knows them.
import { describe, expect, it } from 'vitest';
import type { Measure } from '../../src/shared/model/measure.ts';
import { appendProgress } from '../../src/shared/model/measure-history.ts';
import type { TestClient } from './support/clients.ts';
import { seedChanges, signedInFetch } from './support/clients.ts';
import type { StoreKind } from './support/databases.ts';
import { useServerSuite } from './support/suite.ts';

const kinds: StoreKind[] = ['sqlite', 'postgres'];

/** What the measure form saves for a note: the log with it, and 最新进展 with its date. */
async function saveNote(device: TestClient, measureId: string, text: string): Promise<void> {
  const m = device.storage.cache.get('measure', measureId) as Measure;
  const who = { actor: device.storage.settings.get().userName, now: new Date().toISOString() };
  const progressLog = appendProgress(m.progressLog, { date: '2022-11-09', text, progress: m.progress, status: m.status }, who);
  await device.save([{ op: 'update', entity: 'measure', id: measureId, fields: { progressLog, progressNote: text, progressNoteDate: '2022-11-09' } }]);
}

const notesOf = (device: TestClient, measureId: string) => (device.storage.cache.get('measure', measureId) as Measure).progressLog.map((e) => `${e.by}:${e.text}`).sort();

describe.each(kinds)('three notes from two offline tablets (%s)', (kind) => {
  const suite = useServerSuite(kind);

  it.each([['B first', true], ['A first', false]])('are all kept, once, when %s syncs', async (_order, bFirst) => {
    const coordinator = await suite.coordinator('协调员');
    const seed = seedChanges();
    await coordinator.save(seed.changes);
    await coordinator.sync.syncNow();
    const a = await suite.staff('赵敏', [seed.departmentId]);
    const b = await suite.staff('钱进', [seed.departmentId]);
    for (const tablet of [a, b]) await tablet.sync.syncNow();

    // Both offline: B saves one note, A two notes in two saves.
    await saveNote(b, seed.measureId, '乙：召开推进会');
    await saveNote(a, seed.measureId, '甲：完成窗口公示');
    await saveNote(a, seed.measureId, '甲：发放读本 200 册');
    const [first, second] = bFirst ? [b, a] : [a, b];
    await first.sync.syncNow();
    await second.sync.syncNow();
    await first.sync.syncNow();

    const expected = ['赵敏:甲：发放读本 200 册', '赵敏:甲：完成窗口公示', '钱进:乙：召开推进会'];
    for (const tablet of [a, b, coordinator]) {
      await tablet.sync.syncNow();
      expect(notesOf(tablet, seed.measureId)).toEqual(expected);
    }
    const api = await signedInFetch(suite.server.url);
    const fetched = (await (await api('/api/sync/records', { method: 'POST', body: JSON.stringify({ refs: [{ entity: 'measure', id: seed.measureId }] }) })).json()) as { records: { data: Measure }[] };
    const log = fetched.records[0]!.data.progressLog;
    expect(log.map((e) => `${e.by}:${e.text}`).sort()).toEqual(expected);
    expect(new Set(log.map((e) => e.id)).size).toBe(3);
    // 最新进展 is the newest note; adding notes made no conflict on it, nor on the log.
    expect(fetched.records[0]!.data.progressNote).toBe(log.at(-1)!.text);
    expect(await coordinator.sync.conflicts()).toEqual([]);
    for (const tablet of [a, b]) expect(tablet.sync.state.get()).toMatchObject({ pending: 0, rejected: 0, error: null });
  });
});
