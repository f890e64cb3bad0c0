// 责任单位 Departments: the units, their level, and how many problems and measures each answers for.
import { canCreate, canDelete } from '#shared/auth/permissions.ts';
import type { ColDef, GridApi } from 'ag-grid-community';
import { useCallback, useMemo, useRef, useState } from 'react';
import { departmentKinds, departmentLevels, type Department } from '#shared/model/department.ts';
import { newId } from '#shared/model/ids.ts';
import { getRole } from '#shared/model/problem.ts';
import { useRecords, useSettings } from '#client/context/ledger-context.tsx';
import { fieldColumn } from './columns.ts';
import { GridHost, multiRowSelection } from './grid-host.tsx';
import { ExportMenu } from './export-view.tsx';
import { countText } from './count-text.ts';
import { BulkButtons, useBulkEdit } from './bulk-edit.tsx';
import { GridToolbar, useSelectionCount } from './grid-toolbar.tsx';
import { saveWithFeedback } from './save-feedback.ts';
import { useDeleteRows } from './use-delete-rows.tsx';
import { useGridView } from './use-grid-view.ts';
import { useEntityFeed, useRefreshOn } from './use-entity-feed.ts';

export function DepartmentsView() {
  const { locale } = useSettings();
  return <DepartmentsGrid key={locale} />;
}

function DepartmentsGrid() {
  const { storage, cache, t, api, search, setSearch, codec, rowLabel, onReady, feedback, user } = useGridView<Department>('department');
  const measures = useRecords('measure');
  const problems = useRecords('problem');
  useEntityFeed(api, cache, 'department');
  useRefreshOn(api, cache, ['measure', 'problem'], ['measureCount', 'problemCount']);

  const counts = useMemo(() => {
    const led = new Map<string, number>();
    for (const m of measures) if (m.leadDepartmentId) led.set(m.leadDepartmentId, (led.get(m.leadDepartmentId) ?? 0) + 1);
    return { led, problems };
  }, [measures, problems]);
  const countsRef = useRef(counts);
  countsRef.current = counts;

  const columnDefs = useMemo<ColDef<Department>[]>(() => {
    const env = { t, codec, user };
    return [
      fieldColumn({ entity: 'department', field: 'name', kind: 'text', width: 220, pinned: 'left' }, env),
      fieldColumn({ entity: 'department', field: 'shortName', kind: 'text', width: 120 }, env),
      fieldColumn({ entity: 'department', field: 'level', kind: 'level', width: 120, options: () => departmentLevels }, env),
      fieldColumn({ entity: 'department', field: 'kind', kind: 'departmentKind', width: 110, options: () => departmentKinds }, env),
      fieldColumn({ entity: 'department', field: 'fullName', kind: 'text', width: 260 }, env),
      {
        colId: 'problemCount',
        headerName: t('field.department.problemCount'),
        width: 110,
        filter: 'agNumberColumnFilter',
        valueGetter: (p) => (p.data ? countsRef.current.problems.filter((x) => getRole(x, p.data!.id) !== null).length : 0),
      },
      {
        colId: 'measureCount',
        headerName: t('field.department.measureCount'),
        width: 110,
        filter: 'agNumberColumnFilter',
        valueGetter: (p) => (p.data ? (countsRef.current.led.get(p.data.id) ?? 0) : 0),
      },
      fieldColumn({ entity: 'department', field: 'note', kind: 'multiline', width: 320, flex: 1 }, env),
    ];
  }, [t, codec, user]);

  const loadRows = useCallback(() => [...cache.all('department')], [cache]);

  const addDepartment = async () => {
    const names = new Set(cache.all('department').map((d) => d.name));
    let n = 1;
    while (names.has(`${t('ledger.newDepartment')} ${n}`)) n++;
    await saveWithFeedback(storage, [{ op: 'create', entity: 'department', id: newId(), values: { name: `${t('ledger.newDepartment')} ${n}` } }], feedback);
  };
  const selected = useSelectionCount(api as GridApi | null);
  // Rows the filters let through (null before the grid has counted): 显示 5 / 共 10 个.
  const [shown, setShown] = useState<number | null>(null);
  const newRows = useCallback(
    (count: number) => {
      const names = new Set(cache.all('department').map((d) => d.name));
      let n = 0;
      return Array.from({ length: count }, () => {
        do n++;
        while (names.has(`${t('ledger.newDepartment')} ${n}`));
        return { op: 'create' as const, entity: 'department' as const, id: newId(), values: { name: `${t('ledger.newDepartment')} ${n}` } };
      });
    },
    [cache, t],
  );
  const bulk = useBulkEdit({ api, feedback, newRows: canCreate(user, 'department') ? newRows : undefined });
  const mayEdit = user !== null && user.role !== 'viewer';
  const { request: requestDelete, dialog } = useDeleteRows({ entity: 'department', api: api as GridApi | null, rowLabel });

  return (
    <section className="view" aria-label={t('nav.departments')}>
      <GridToolbar
        onSearch={setSearch}
        count={countText(t, 'department', shown ?? cache.all('department').length, cache.all('department').length)}
        add={canCreate(user, 'department') ? { label: t('action.addDepartment'), run: addDepartment } : undefined}
        onDelete={canDelete(user) ? requestDelete : undefined}
        selection={{ api: api as GridApi | null, count: selected }}
        actions={
          <>
            {mayEdit && <BulkButtons bulk={bulk} t={t} />}
          </>
        }
        exportMenu={<ExportMenu api={api as GridApi | null} name={t('entity.department')} />}
      />
      {dialog}
      {bulk.element}
      <GridHost<Department>
        entity="department"
        testId="departments-grid"
        loadRows={loadRows}
        columnDefs={columnDefs}
        rowLabel={rowLabel}
        onReady={onReady}
        keyHooks={bulk.keys}
        gridOptions={{ quickFilterText: search, rowSelection: multiRowSelection, onModelUpdated: (e) => setShown(e.api.getDisplayedRowCount()) }}
      />
    </section>
  );
}
