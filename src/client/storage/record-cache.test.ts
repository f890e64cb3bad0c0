import { describe, expect, it } from 'vitest';
import { newId } from '#shared/model/ids.ts';
import type { AnyRecord } from '#shared/model/entities.ts';
import { createChangeFeed } from './change-feed.ts';
import { LedgerDb, WRITES_KEY } from './db.ts';
import { createRecordCache } from './record-cache.ts';

const stamp = { createdAt: '2022-11-02T00:00:00.000Z', createdBy: 'x', updatedAt: '2022-11-02T00:00:00.000Z', updatedBy: 'x' };
const dept = (id: string, name: string) => ({ id, name, shortName: '', fullName: '', level: 'municipal', note: '', ...stamp }) as unknown as AnyRecord;

describe('record cache', () => {
  it('is empty until read, then holds the tables and tells its listeners once per entity', async () => {
    const db = new LedgerDb(`cache-${newId()}`);
    const id = newId();
    await db.departments.put(dept(id, '市财政局') as never);
    const cache = createRecordCache(db, createChangeFeed());
    const loads: string[] = [];
    cache.subscribe((e) => e.origin === 'load' && loads.push(e.entity));
    expect(cache.isReady()).toBe(false);
    expect(cache.all('department')).toEqual([]);
    await cache.ready;
    expect(cache.all('department').map((d) => d.name)).toEqual(['市财政局']);
    expect(loads).toEqual(['area', 'department', 'problem', 'measure', 'ledgerInfo', 'bulletin']);
    db.close();
  });

  it('takes in changes announced while it read, unless the read already saw them', async () => {
    const db = new LedgerDb(`cache-${newId()}`);
    const [seen, later] = [newId(), newId()];
    await db.departments.bulkPut([dept(seen, '读到的新名字'), dept(later, '旧名字')] as never);
    await db.meta.put({ key: WRITES_KEY, value: 5 });
    const feed = createChangeFeed();
    const cache = createRecordCache(db, feed);
    // Announced before the read finished: version 5 is already in the tables, version 6 is not.
    feed.emit({ entity: 'department', upserted: [dept(seen, '过时的名字')], removed: [], origin: 'other-tab', version: 5 });
    feed.emit({ entity: 'department', upserted: [dept(later, '之后的新名字')], removed: [], origin: 'other-tab', version: 6 });
    await cache.ready;
    expect((cache.get('department', seen) as { name: string }).name).toBe('读到的新名字');
    expect((cache.get('department', later) as { name: string }).name).toBe('之后的新名字');
    expect(cache.version()).toBe(6);
    db.close();
  });
});
