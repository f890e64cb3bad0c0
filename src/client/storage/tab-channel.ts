// Tells the other open tabs what changed, so that an edit in one tab shows in the others at once.
import type { EntityName } from '#shared/model/entities.ts';
import type { ChangeFeed } from './change-feed.ts';
import type { LedgerDb } from './db.ts';

type TabMessage = { entity: EntityName; ids: string[]; removed: string[]; version?: number } | { reset: true };

/** This device's copy was forgotten (清空本设备数据): every other tab reloads, to pull the ledger again. */
export function announceReset(channelName: string): void {
  if (typeof BroadcastChannel === 'undefined') return;
  const channel = new BroadcastChannel(channelName);
  channel.postMessage({ reset: true } satisfies TabMessage);
  channel.close();
}

/**
 * Posts the ids of what this tab committed; a receiving tab reads those records from IndexedDB (the
 * transaction has committed by then) and announces them on its own feed. Returns a disconnect function.
 */
export function connectTabs(db: LedgerDb, feed: ChangeFeed, channelName: string, onReset: () => void = () => undefined): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => undefined;
  const channel = new BroadcastChannel(channelName);
  const unsubscribe = feed.subscribe((event) => {
    if (event.origin === 'other-tab' || event.origin === 'load') return;
    const message: TabMessage = { entity: event.entity, ids: event.upserted.map((r) => r.id), removed: event.removed, version: event.version };
    channel.postMessage(message);
  });
  channel.onmessage = (e: MessageEvent<TabMessage>) => {
    if ('reset' in e.data) return onReset();
    const { entity, ids, removed, version } = e.data;
    void db
      .tableFor(entity)
      .bulkGet(ids)
      .then((records) => {
        const upserted = records.filter((r) => r !== undefined);
        // A record deleted in the meantime by a later change is missing; the later message removes it.
        feed.emit({ entity, upserted, removed, origin: 'other-tab', version });
      })
      .catch(() => undefined);
  };
  return () => {
    unsubscribe();
    channel.close();
  };
}
