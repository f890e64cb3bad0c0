// The ledger showing a dashboard figure's rows: the link comes in the address (#ledger/report/…) or from a
// saved view; the shared report computation picks the ids, the grid's external filter keeps only those.
import type { LightSettings } from '#shared/model/warning.ts';
import type { GridApi } from 'ag-grid-community';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { LedgerRecords } from '#shared/csv/lookups.ts';
import { parseLink, type ReportLink, readLink, selectIds } from '#shared/report/index.ts';
import type { RecordCache } from '#client/storage/record-cache.ts';
import type { ReportFilter } from './saved-views.tsx';

const hashLink = () => parseLink(decodeURIComponent(location.hash.replace(/^#\/?ledger\/?/, '')));

export function useReportLink(api: GridApi | null, cache: RecordCache, lightSettings: LightSettings) {
  const [link, setLink] = useState<ReportLink | null>(hashLink);
  const ids = useMemo(() => {
    if (!link) return null;
    const records: LedgerRecords = { areas: [...cache.all('area')], departments: [...cache.all('department')], problems: [...cache.all('problem')], measures: [...cache.all('measure')] };
    return new Set(selectIds(records, { asOf: link.asOf, areaId: link.areaId, departmentId: link.departmentId, settings: lightSettings }, link.selection));
  }, [link, cache, lightSettings]);
  const idsRef = useRef(ids);
  idsRef.current = ids;
  const linkRef = useRef(link);
  linkRef.current = link;

  // A link shows exactly its rows: no column filter of an earlier view narrows them further.
  useEffect(() => {
    if (!api) return;
    if (link && hashLink()) api.setFilterModel(null);
    api.onFilterChanged();
  }, [api, link, ids]);

  const report = useMemo<ReportFilter>(
    () => ({
      get: () => linkRef.current,
      set: (value) => {
        const next = readLink(value);
        linkRef.current = next;
        setLink(next);
      },
    }),
    [],
  );
  const clear = useCallback(() => {
    history.replaceState(null, '', '#ledger');
    report.set(null);
  }, [report]);
  const passes = useCallback((id: string) => idsRef.current === null || idsRef.current.has(id), []);
  // Stable, like passes: the grid's external filter is built from them, and a new function re-filters the grid.
  const active = useCallback(() => idsRef.current !== null, []);
  return { link, count: ids?.size ?? 0, report, clear, active, passes };
}
