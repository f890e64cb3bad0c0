// 矩阵 Matrix: problems (grouped by area) × units (市政府 first, then by kind and number of problems, by short name);
// each cell holds the unit's role and its measures' progress; totals per unit (bottom row) and per problem (right).
import { type ColDef, type GridApi, type IRowNode, ModuleRegistry, PinnedRowModule, type PostSortRowsParams } from 'ag-grid-community';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { canEditField } from '#shared/auth/permissions.ts';
import { todayIso } from '#shared/model/dates.ts';
import { assignmentCounts, orderMatrixUnits, unitLabel, unitsOnProblem } from '#shared/model/matrix-units.ts';
import type { Measure } from '#shared/model/measure.ts';
import { getRole, type Role, roles, setRole } from '#shared/model/problem.ts';
import { isDone } from '#shared/model/status.ts';
import { computeLight, type LightSettings, worstLight } from '#shared/model/warning.ts';
import { useLightSettings, useRecords, useSettings } from '#client/context/ledger-context.tsx';
import { type ColumnContext, fieldColumn } from './columns.ts';
import { GridHost } from './grid-host.tsx';
import { ExportMenu } from './export-view.tsx';
import { GridToolbar } from './grid-toolbar.tsx';
import { AreaGroupRow, type CellStats, isAreaRow, isProblemRow, isTotalsRow, MatrixCell, type MatrixContext, type MatrixRow, type Stats, totalsRow } from './matrix-cells.tsx';
import { SelectCellEditor } from './select-editor.ts';
import { useGridView } from './use-grid-view.ts';
import { useEntityFeed } from './use-entity-feed.ts';
import './matrix.css';

// The totals row is pinned at the bottom; only this view pins rows, so it brings the module itself.
ModuleRegistry.registerModules([PinnedRowModule]);

/** Per problem and department: the department's measures (as lead or cooperating), how many are done, the worst light. */
export function getMatrixStats(measures: readonly Measure[], today: string, settings: LightSettings): Stats {
  const stats: Stats = new Map();
  for (const m of measures) {
    const light = computeLight(m, today, settings);
    const row = stats.get(m.problemId) ?? new Map<string, CellStats>();
    stats.set(m.problemId, row);
    for (const dept of m.leadDepartmentId ? [m.leadDepartmentId, ...m.cooperatingDepartmentIds] : m.cooperatingDepartmentIds) {
      const cell = row.get(dept) ?? { done: 0, total: 0, light: 'closed' };
      cell.total++;
      if (isDone(m.status)) cell.done++;
      cell.light = worstLight([cell.light, light]);
      row.set(dept, cell);
    }
  }
  return stats;
}

/** After any sort: each area's row, then its problems in the sorted order; problems without an area last. */
function groupByArea({ nodes }: PostSortRowsParams<MatrixRow>): void {
  const areas: IRowNode<MatrixRow>[] = [];
  const members = new Map<string, IRowNode<MatrixRow>[]>();
  const loose: IRowNode<MatrixRow>[] = [];
  for (const node of nodes) {
    if (isAreaRow(node.data)) areas.push(node);
    else if (isProblemRow(node.data) && node.data.areaId) members.set(node.data.areaId, [...(members.get(node.data.areaId) ?? []), node]);
    else loose.push(node);
  }
  const seq = (n: IRowNode<MatrixRow>) => (isAreaRow(n.data) ? n.data.seq : 0);
  areas.sort((a, b) => seq(a) - seq(b));
  const ordered = areas.flatMap((a) => {
    const list = members.get(a.data!.id) ?? [];
    members.delete(a.data!.id);
    return [a, ...list];
  });
  nodes.splice(0, nodes.length, ...ordered, ...[...members.values()].flat(), ...loose);
}

export function MatrixView() {
  const { locale } = useSettings();
  return <MatrixGrid key={locale} />;
}

function MatrixGrid() {
  const lightSettings = useLightSettings();
  const { cache, t, api, search, setSearch, codec, rowLabel, onReady, user } = useGridView<MatrixRow>('problem');
  const measures = useRecords('measure');
  const problems = useRecords('problem');
  const departments = useRecords('department');
  const [hideIdle, setHideIdle] = useState(false);
  useEntityFeed(api, cache, 'problem');
  useEntityFeed(api, cache, 'area');

  const stats = useMemo(() => getMatrixStats(measures, todayIso(), lightSettings), [measures, lightSettings]);
  const counts = useMemo(() => assignmentCounts(problems, departments), [problems, departments]);
  const areaSizes = useMemo(() => {
    const sizes = new Map<string, number>();
    for (const p of problems) if (p.areaId) sizes.set(p.areaId, (sizes.get(p.areaId) ?? 0) + 1);
    return sizes;
  }, [problems]);
  const statsRef = useRef(stats);
  statsRef.current = stats;
  const countsRef = useRef<ReadonlyMap<string, number>>(counts);
  countsRef.current = counts;
  const areaSizesRef = useRef<ReadonlyMap<string, number>>(areaSizes);
  areaSizesRef.current = areaSizes;
  useEffect(() => {
    if (api && !api.isDestroyed()) api.refreshCells({ force: true });
  }, [api, stats, counts, areaSizes]);

  const columnDefs = useMemo<ColDef<MatrixRow>[]>(() => {
    const env = { t, codec, user };
    const roleOptions = ['', ...roles];
    // The order is taken when the units or the toggle change, not on every role edit: columns do not jump under a click.
    const current = assignmentCounts(cache.all('problem'), departments);
    const shown = orderMatrixUnits(departments, current).filter((d) => !hideIdle || (current.get(d.id) ?? 0) > 0);
    const title = fieldColumn<MatrixRow>({ entity: 'problem', field: 'title', kind: 'text', width: 220, pinned: 'left', editable: false }, env);
    return [
      fieldColumn<MatrixRow>({ entity: 'problem', field: 'number', kind: 'int', width: 70, pinned: 'left', sort: 'asc', editable: false }, env),
      { ...title, valueGetter: (p) => (isTotalsRow(p.data) ? t('matrix.total') : isProblemRow(p.data) ? p.data.title : '') },
      ...shown.map((d): ColDef<MatrixRow> => {
        const context: ColumnContext = { entity: 'problem', field: d.id, kind: 'role' };
        return {
          colId: d.id,
          headerName: unitLabel(d),
          headerTooltip: d.fullName || d.name,
          width: 130,
          editable: (p) => isProblemRow(p.data) && p.node.rowPinned == null && canEditField(user, 'problem', p.data, 'leadDepartmentId'),
          context,
          valueGetter: (p) => (isTotalsRow(p.data) ? (countsRef.current.get(d.id) ?? 0) : isProblemRow(p.data) ? getRole(p.data, d.id) : null),
          valueFormatter: (p) => (typeof p.value === 'number' ? String(p.value) : p.value ? t(`role.${p.value as Role}`) : t('role.none')),
          cellEditor: SelectCellEditor,
          cellEditorPopup: true,
          cellEditorParams: { values: roleOptions },
          cellRenderer: MatrixCell,
          cellClass: (p) => {
            if (isTotalsRow(p.data)) return 'matrix-cell matrix-cell--total';
            const cell = p.data ? statsRef.current.get(p.data.id)?.get(d.id) : undefined;
            return cell ? `matrix-cell matrix-cell--${cell.light}` : 'matrix-cell';
          },
          filter: 'agTextColumnFilter',
          filterValueGetter: (p) => {
            const role = isProblemRow(p.data) ? getRole(p.data, d.id) : null;
            return role ? t(`role.${role}`) : '';
          },
          sortable: true,
        };
      }),
      {
        colId: 'matrix-units',
        headerName: t('matrix.total'),
        pinned: 'right',
        width: 100,
        editable: false,
        cellClass: 'matrix-cell matrix-cell--total',
        valueGetter: (p) => (isTotalsRow(p.data) ? null : isProblemRow(p.data) ? unitsOnProblem(p.data, departments) : null),
        valueFormatter: (p) => (typeof p.value === 'number' ? t('matrix.totalRow', { count: p.value }) : ''),
        filter: 'agNumberColumnFilter',
      },
    ];
  }, [t, codec, user, departments, hideIdle, cache]);

  const loadRows = useCallback((): MatrixRow[] => [...cache.all('area'), ...cache.all('problem')], [cache]);
  const toChanges = useCallback(
    (row: MatrixRow, context: ColumnContext, value: unknown) =>
      !isProblemRow(row) || getRole(row, context.field) === value ? [] : [{ op: 'update' as const, entity: 'problem' as const, id: row.id, fields: setRole(row, context.field, value as Role | null) }],
    [],
  );
  const context = useMemo<MatrixContext>(() => ({ stats: statsRef, counts: countsRef, areaSizes: areaSizesRef, t }), [t]);

  return (
    <section className="view" aria-label={t('nav.matrix')}>
      <GridToolbar
        onSearch={setSearch}
        count={t('matrix.hint')}
        view={
          <label className="matrix-toggle">
            <input type="checkbox" checked={hideIdle} onChange={(e) => setHideIdle(e.target.checked)} />
            {t('matrix.hideIdle')}
          </label>
        }
        exportMenu={<ExportMenu api={api as GridApi | null} name={t('nav.matrix')} />}
      />
      <GridHost<MatrixRow>
        entity="problem"
        testId="matrix-grid"
        loadRows={loadRows}
        columnDefs={columnDefs}
        rowLabel={rowLabel}
        onReady={onReady}
        toChanges={toChanges}
        gridOptions={{
          quickFilterText: search,
          rowHeight: 56,
          context,
          isFullWidthRow: (p) => isAreaRow(p.rowNode.data),
          fullWidthCellRenderer: AreaGroupRow,
          getRowHeight: (p) => (isAreaRow(p.data) ? 36 : undefined),
          postSortRows: groupByArea,
          pinnedBottomRowData: [totalsRow],
        }}
      />
    </section>
  );
}
