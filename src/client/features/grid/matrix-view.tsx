// 矩阵 Matrix: problems × departments; each cell holds the department's role and its measures' progress.
import type { ColDef, GridApi, ICellRendererParams } from 'ag-grid-community';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { canEditField } from '#shared/auth/permissions.ts';
import type { Translate } from '#shared/i18n/translate.ts';
import { todayIso } from '#shared/model/dates.ts';
import type { Measure } from '#shared/model/measure.ts';
import { departmentKinds, departmentLevels } from '#shared/model/department.ts';
import { type Problem, type Role, getRole, isReportedRole, roles, setRole } from '#shared/model/problem.ts';
import { isDone } from '#shared/model/status.ts';
import { computeLight, type LightSettings, type WarningLight, worstLight } from '#shared/model/warning.ts';
import { useLightSettings, useRecords, useSettings } from '#client/context/ledger-context.tsx';
import { type ColumnContext, fieldColumn } from './columns.ts';
import { GridHost } from './grid-host.tsx';
import { ExportViewButton } from './export-view.tsx';
import { GridToolbar } from './grid-toolbar.tsx';
import { SelectCellEditor } from './select-editor.ts';
import { useGridView } from './use-grid-view.ts';
import { useEntityFeed } from './use-entity-feed.ts';

type CellStats = { done: number; total: number; light: WarningLight };
type Stats = Map<string, Map<string, CellStats>>;
type MatrixContext = { stats: { current: Stats }; t: Translate };

function MatrixCell(p: ICellRendererParams<Problem, Role | null, MatrixContext>) {
  const { stats, t } = p.context;
  const departmentId = p.colDef?.colId ?? '';
  const cell = p.data ? stats.current.get(p.data.id)?.get(departmentId) : undefined;
  // A role read from a report rather than listed in 附件1 says so, until someone sets the cell.
  const reported = p.data !== undefined && isReportedRole(p.data, departmentId);
  return (
    <span className="matrix-cell__content">
      {p.value && (
        <span className="matrix-cell__role">
          {t(`role.${p.value}`)}
          {reported && (
            <span className="matrix-cell__mark" title={t('matrix.reportedHint')}>
              {t('matrix.reportedMark')}
            </span>
          )}
        </span>
      )}
      {cell && <span className="matrix-cell__progress">{t('matrix.progress', { done: cell.done, total: cell.total })}</span>}
    </span>
  );
}

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

export function MatrixView() {
  const { locale } = useSettings();
  return <MatrixGrid key={locale} />;
}

function MatrixGrid() {
  const lightSettings = useLightSettings();
  const { cache, t, api, search, setSearch, codec, rowLabel, onReady, user } = useGridView<Problem>('problem');
  const measures = useRecords('measure');
  const departments = useRecords('department');
  useEntityFeed(api, cache, 'problem');

  const stats = useMemo(() => getMatrixStats(measures, todayIso(), lightSettings), [measures, lightSettings]);
  const statsRef = useRef(stats);
  statsRef.current = stats;
  useEffect(() => {
    if (api && !api.isDestroyed()) api.refreshCells({ force: true });
  }, [api, stats]);

  const columnDefs = useMemo<ColDef<Problem>[]>(() => {
    const env = { t, codec, user };
    const roleOptions = ['', ...roles];
    // By tier (the government, city departments, … counties, the bodies above), responsible units before the
    // coordinating office and the supervisors of the same tier, then by name.
    const rank = (d: (typeof departments)[number]) => departmentLevels.indexOf(d.level) * 10 + departmentKinds.indexOf(d.kind);
    const sorted = [...departments].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name, 'zh-CN'));
    return [
      fieldColumn({ entity: 'problem', field: 'number', kind: 'int', width: 70, pinned: 'left', sort: 'asc', editable: false }, env),
      fieldColumn({ entity: 'problem', field: 'title', kind: 'text', width: 220, pinned: 'left', editable: false }, env),
      ...sorted.map((d): ColDef<Problem> => {
        const context: ColumnContext = { entity: 'problem', field: d.id, kind: 'role' };
        return {
          colId: d.id,
          headerName: d.shortName || d.name,
          headerTooltip: d.name,
          width: 130,
          editable: (p) => canEditField(user, 'problem', p.data, 'leadDepartmentId'),
          context,
          valueGetter: (p) => (p.data ? getRole(p.data, d.id) : null),
          valueFormatter: (p) => (p.value ? t(`role.${p.value as Role}`) : t('role.none')),
          cellEditor: SelectCellEditor,
          cellEditorPopup: true,
          cellEditorParams: { values: roleOptions },
          cellRenderer: MatrixCell,
          cellClass: (p) => {
            const cell = p.data ? statsRef.current.get((p.data).id)?.get(d.id) : undefined;
            return cell ? `matrix-cell matrix-cell--${cell.light}` : 'matrix-cell';
          },
          filter: 'agTextColumnFilter',
          filterValueGetter: (p) => {
            const role = p.data ? getRole(p.data, d.id) : null;
            return role ? t(`role.${role}`) : '';
          },
          sortable: true,
        };
      }),
    ];
  }, [t, codec, user, departments]);

  const loadRows = useCallback(() => [...cache.all('problem')], [cache]);
  const toChanges = useCallback(
    (problem: Problem, context: ColumnContext, value: unknown) =>
      getRole(problem, context.field) === value ? [] : [{ op: 'update' as const, entity: 'problem' as const, id: problem.id, fields: setRole(problem, context.field, value as Role | null) }],
    [],
  );

  return (
    <section className="view" aria-label={t('nav.matrix')}>
      <GridToolbar onSearch={setSearch} count={t('matrix.hint')}>
        <ExportViewButton api={api as GridApi | null} name={t('nav.matrix')} />
      </GridToolbar>
      <GridHost<Problem>
        entity="problem"
        testId="matrix-grid"
        loadRows={loadRows}
        columnDefs={columnDefs}
        rowLabel={rowLabel}
        onReady={onReady}
        toChanges={toChanges}
        gridOptions={{ quickFilterText: search, rowHeight: 56, context: { stats: statsRef, t } satisfies MatrixContext }}
      />
    </section>
  );
}
