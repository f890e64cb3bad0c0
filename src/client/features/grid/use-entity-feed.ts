// Feeds a grid from the record cache by transactions: only the rows that changed are touched.
import type { GridApi } from 'ag-grid-community';
import { useEffect, useRef } from 'react';
import type { EntityName } from '#shared/model/entities.ts';
import type { RecordCache } from '#client/storage/record-cache.ts';

/**
 * Applies each change of `entity` to the grid as an add/update/remove transaction, never by replacing
 * the row data: at 100,000 rows a full refresh per edit would cost about a second.
 * Returns a map where a caller can ask for a new row to be inserted at a given index.
 */
export function useEntityFeed(api: GridApi | null, cache: RecordCache, entity: EntityName, onAdded?: (ids: string[]) => void) {
  const addAt = useRef(new Map<string, number>());
  const added = useRef(onAdded);
  added.current = onAdded;
  useEffect(() => {
    if (!api) return undefined;
    return cache.subscribe((event) => {
      if (event.entity !== entity || event.origin === 'load' || api.isDestroyed()) return;
      const add: { id: string }[] = [];
      const update: { id: string }[] = [];
      for (const record of event.upserted) (api.getRowNode(record.id) ? update : add).push(record);
      const remove = event.removed.filter((id) => api.getRowNode(id)).map((id) => ({ id }));
      const index = add.length === 1 ? addAt.current.get(add[0]!.id) : undefined;
      api.applyTransaction({ add, update, remove, addIndex: index });
      for (const record of add) addAt.current.delete(record.id);
      if (add.length > 0) added.current?.(add.map((r) => r.id));
    });
  }, [api, cache, entity]);
  return addAt.current;
}

/** Redraws the given columns when records they are derived from change (e.g. a problem's title in the ledger). */
export function useRefreshOn(api: GridApi | null, cache: RecordCache, entities: EntityName[], columns: string[] | null) {
  const key = entities.join(',');
  const cols = columns?.join(',');
  useEffect(() => {
    if (!api) return undefined;
    return cache.subscribe((event) => {
      if (!key.split(',').includes(event.entity) || api.isDestroyed()) return;
      api.refreshCells({ columns: cols ? cols.split(',') : undefined, force: true });
    });
  }, [api, cache, key, cols]);
}
