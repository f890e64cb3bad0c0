// 问题 Problems: the inspection's findings with their texts and responsible units, editable in place.
import { canCreate, canDelete } from '#shared/auth/permissions.ts';
import type { ColDef, GridApi } from 'ag-grid-community';
import { useCallback, useMemo, useRef, useState } from 'react';
import type { Change } from '#shared/model/change.ts';
import type { EntityName } from '#shared/model/entities.ts';
import { newId } from '#shared/model/ids.ts';
import type { Problem } from '#shared/model/problem.ts';
import { useRecords, useSettings } from '#client/context/ledger-context.tsx';
import { fieldColumn } from './columns.ts';
import { GridHost, multiRowSelection } from './grid-host.tsx';
import { ExportMenu } from './export-view.tsx';
import { countText } from './count-text.ts';
import { BulkButtons, useBulkEdit } from './bulk-edit.tsx';
import { GridToolbar, HistoryButton, useSelectionCount } from './grid-toolbar.tsx';
import { saveWithFeedback } from './save-feedback.ts';
import { useDeleteRows } from './use-delete-rows.tsx';
import { useGridView } from './use-grid-view.ts';
import { useEntityFeed, useRefreshOn } from './use-entity-feed.ts';

export type ViewProps = { onShowHistory?: (target: { entity: EntityName; id: string }) => void };

export function ProblemsView(props: ViewProps) {
  const { locale } = useSettings();
  return <ProblemsGrid key={locale} {...props} />;
}

function ProblemsGrid({ onShowHistory }: ViewProps) {
  const { storage, cache, t, api, search, setSearch, codec, rowLabel, onReady, feedback, user } = useGridView<Problem>('problem');
  const measures = useRecords('measure');
  useEntityFeed(api, cache, 'problem');
  useRefreshOn(api, cache, ['department', 'area', 'measure'], null);

  const measureCount = useMemo(() => {
    const counts = new Map<string, number>();
    for (const m of measures) counts.set(m.problemId, (counts.get(m.problemId) ?? 0) + 1);
    return counts;
  }, [measures]);
  const countRef = useRef(measureCount);
  countRef.current = measureCount;

  const columnDefs = useMemo<ColDef<Problem>[]>(() => {
    const env = { t, codec, user };
    const departments = () => ['', ...cache.all('department').map((d) => d.id)];
    const areas = () => ['', ...cache.all('area').map((a) => a.id)];
    return [
      fieldColumn({ entity: 'problem', field: 'number', kind: 'int', width: 80, pinned: 'left', sort: 'asc' }, env),
      fieldColumn({ entity: 'problem', field: 'title', kind: 'text', width: 240, pinned: 'left' }, env),
      fieldColumn({ entity: 'problem', field: 'areaId', kind: 'area', width: 150, options: areas }, env),
      fieldColumn({ entity: 'problem', field: 'status', kind: 'status', width: 130 }, env),
      fieldColumn({ entity: 'problem', field: 'deadline', kind: 'date', width: 130 }, env),
      fieldColumn({ entity: 'problem', field: 'overallLeadDepartmentId', kind: 'department', width: 130, options: departments }, env),
      fieldColumn({ entity: 'problem', field: 'leadDepartmentId', kind: 'department', width: 170, options: departments }, env),
      fieldColumn({ entity: 'problem', field: 'cooperatingDepartmentIds', kind: 'departments', width: 240 }, env),
      fieldColumn({ entity: 'problem', field: 'involvedDepartmentIds', kind: 'departments', width: 200 }, env),
      {
        colId: 'measureCount',
        headerName: t('field.problem.measureCount'),
        width: 90,
        valueGetter: (p) => (p.data ? (countRef.current.get(p.data.id) ?? 0) : 0),
        filter: 'agNumberColumnFilter',
      },
      fieldColumn({ entity: 'problem', field: 'description', kind: 'multiline', width: 320 }, env),
      fieldColumn({ entity: 'problem', field: 'legalBasis', kind: 'lines', width: 280 }, env),
      fieldColumn({ entity: 'problem', field: 'recommendations', kind: 'multiline', width: 320 }, env),
      fieldColumn({ entity: 'problem', field: 'reviewOpinions', kind: 'multiline', width: 200 }, env),
      fieldColumn({ entity: 'problem', field: 'rectificationSummary', kind: 'multiline', width: 320 }, env),
      // 附件1 prints the text above as written when set; otherwise it composes it from the measures.
      fieldColumn({ entity: 'problem', field: 'summaryByHand', kind: 'yesNo', width: 110, options: () => ['true', 'false'] }, env),
      fieldColumn({ entity: 'problem', field: 'departmentsListed', kind: 'multiline', width: 260 }, env),
    ];
  }, [t, codec, user, cache]);

  const loadRows = useCallback(() => [...cache.all('problem')], [cache]);

  const addProblem = async () => {
    const number = cache.all('problem').reduce((max, p) => Math.max(max, p.number), 0) + 1;
    const values = { number, title: t('ledger.newProblem'), status: 'not_started' };
    await saveWithFeedback(storage, [{ op: 'create', entity: 'problem', id: newId(), values }], feedback);
  };

  const cascade = (ids: string[]) => {
    const doomed = cache.all('measure').filter((m) => ids.includes(m.problemId));
    return {
      changes: doomed.map((m): Change => ({ op: 'delete', entity: 'measure', id: m.id })),
      note: doomed.length > 0 ? t('confirm.deleteProblemWithMeasures', { count: doomed.length }) : null,
    };
  };
  const selected = useSelectionCount(api as GridApi | null);
  // Rows the filters let through (null before the grid has counted): 显示 5 / 共 10 个.
  const [shown, setShown] = useState<number | null>(null);
  const newRows = useCallback(
    (count: number) => {
      let number = cache.all('problem').reduce((max, p) => Math.max(max, p.number), 0);
      return Array.from({ length: count }, () => ({ op: 'create' as const, entity: 'problem' as const, id: newId(), values: { number: ++number, title: t('ledger.newProblem'), status: 'not_started' } }));
    },
    [cache, t],
  );
  const bulk = useBulkEdit({ api, feedback, newRows: canCreate(user, 'problem') ? newRows : undefined });
  const mayEdit = user !== null && user.role !== 'viewer';
  const { request: requestDelete, dialog } = useDeleteRows({ entity: 'problem', api: api as GridApi | null, rowLabel, cascade });

  return (
    <section className="view" aria-label={t('nav.problems')}>
      <GridToolbar
        onSearch={setSearch}
        count={countText(t, 'problem', shown ?? cache.all('problem').length, cache.all('problem').length)}
        add={canCreate(user, 'problem') ? { label: t('action.addProblem'), run: addProblem } : undefined}
        onDelete={canDelete(user) ? requestDelete : undefined}
        selection={{ api: api as GridApi | null, count: selected }}
        actions={
          <>
            {mayEdit && <BulkButtons bulk={bulk} t={t} />}
            <HistoryButton api={api as GridApi | null} entity="problem" onShowHistory={onShowHistory} />
          </>
        }
        exportMenu={<ExportMenu api={api as GridApi | null} name={t('entity.problem')} />}
      />
      {dialog}
      {bulk.element}
      <GridHost<Problem>
        entity="problem"
        testId="problems-grid"
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
