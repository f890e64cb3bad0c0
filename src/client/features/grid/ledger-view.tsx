// 台账 Ledger: one row per measure, under its problem (spanned), editable in place, fed by transactions.
import { canCreate, canDelete } from '#shared/auth/permissions.ts';
import type { ColDef, GridApi, IRowNode, RowClassRules, SpanRowsParams } from 'ag-grid-community';
import { useCallback, useMemo, useRef, useState } from 'react';
import { todayIso } from '#shared/model/dates.ts';
import type { EntityName } from '#shared/model/entities.ts';
import { newId } from '#shared/model/ids.ts';
import type { Measure } from '#shared/model/measure.ts';
import { measureTypes } from '#shared/model/measure.ts';
import { computeLight, explainLight, lightLabelKey, lightRank, type WarningLight } from '#shared/model/warning.ts';
import { describeLight } from '#shared/i18n/describe-light.ts';
import { useLightSettings, useSettings } from '#client/context/ledger-context.tsx';
import { fieldColumn } from './columns.ts';
import { BulkButtons, useBulkEdit } from './bulk-edit.tsx';
import { GridHost, multiRowSelection } from './grid-host.tsx';
import { LightLegend } from './light-legend.tsx';
import { ledgerViews } from './ledger-views.ts';
import { ViewPicker } from './saved-views.tsx';
import { ExportMenu } from './export-view.tsx';
import { countText } from './count-text.ts';
import { GridToolbar, HistoryButton, useSelectionCount } from './grid-toolbar.tsx';
import { saveWithFeedback } from './save-feedback.ts';
import { useDeleteRows } from './use-delete-rows.tsx';
import { useEntityFeed, useRefreshOn } from './use-entity-feed.ts';
import { useGridView } from './use-grid-view.ts';
import { useReportLink } from './use-report-link.ts';

export type ViewProps = { onShowHistory?: (target: { entity: EntityName; id: string }) => void };

export function LedgerView(props: ViewProps) {
  const { locale } = useSettings();
  return <LedgerGrid key={locale} {...props} />;
}

function LedgerGrid({ onShowHistory }: ViewProps) {
  const lightSettings = useLightSettings();
  const { storage, cache, t, toast, api, apiRef, search, setSearch, codec, rowLabel, onReady: setReady, feedback, user } = useGridView<Measure>('measure');
  const [count, setCount] = useState(0);
  const [total, setTotal] = useState(0);
  const selected = useSelectionCount(api as GridApi | null);

  const pendingEdit = useRef(new Set<string>());
  const startEditingTitle = useCallback((ids: string[]) => {
    const node = ids.length === 1 ? apiRef.current?.getRowNode(ids[0]!) : undefined;
    if (node?.rowIndex == null || !pendingEdit.current.has(node.id ?? '')) return;
    pendingEdit.current.delete(node.id ?? '');
    apiRef.current?.ensureIndexVisible(node.rowIndex);
    apiRef.current?.setFocusedCell(node.rowIndex, 'title');
    apiRef.current?.startEditingCell({ rowIndex: node.rowIndex, colKey: 'title' });
  }, [apiRef]);
  const addAt = useEntityFeed(api, cache, 'measure', startEditingTitle);
  useRefreshOn(api, cache, ['problem', 'department', 'area'], ['problemNumber', 'problemTitle', 'area', 'leadDepartmentId', 'cooperatingDepartmentIds']);

  const columnDefs = useMemo<ColDef<Measure>[]>(() => {
    const env = { t, codec, user };
    const problemOf = (m: Measure | undefined) => (m ? cache.get('problem', m.problemId) : undefined);
    const sameProblem = ({ nodeA, nodeB }: SpanRowsParams<Measure>) => nodeA?.data?.problemId === nodeB?.data?.problemId;
    const departments = () => ['', ...cache.all('department').map((d) => d.id)];
    return [
      {
        colId: 'problemNumber',
        headerName: t('field.measure.problemNumber'),
        width: 80,
        pinned: 'left',
        valueGetter: (p) => problemOf(p.data)?.number ?? null,
        spanRows: sameProblem,
        filter: 'agNumberColumnFilter',
        cellClass: 'cell--spanned',
      },
      {
        colId: 'problemTitle',
        headerName: t('field.measure.problemTitle'),
        width: 200,
        pinned: 'left',
        valueGetter: (p) => problemOf(p.data)?.title ?? '',
        tooltipValueGetter: (p) => (p.value as string) || null,
        spanRows: sameProblem,
        cellClass: 'cell--spanned cell--wrap',
      },
      // The light where the eye goes: pinned beside the problem, colour and words (never colour alone).
      {
        colId: 'warning',
        headerName: t('field.measure.warning'),
        width: 150,
        pinned: 'left',
        valueGetter: (p) => (p.data ? computeLight(p.data, todayIso(), lightSettings) : null),
        valueFormatter: (p) => (p.data ? describeLight(t, explainLight(p.data, todayIso(), lightSettings), lightSettings.scheme).text : ''),
        tooltipValueGetter: (p) => (p.data ? describeLight(t, explainLight(p.data, todayIso(), lightSettings), lightSettings.scheme).text : null),
        comparator: (a: WarningLight, b: WarningLight) => lightRank(b) - lightRank(a),
        filterValueGetter: (p) => (p.data ? t(lightLabelKey(computeLight(p.data, todayIso(), lightSettings), lightSettings.scheme)) : ''),
        cellClass: (p) => `light-cell light-cell--${String(p.value)}`,
      },
      {
        colId: 'area',
        headerName: t('field.measure.area'),
        width: 130,
        valueGetter: (p) => {
          const areaId = problemOf(p.data)?.areaId;
          return areaId ? (cache.get('area', areaId)?.name ?? '') : '';
        },
      },
      fieldColumn({ entity: 'measure', field: 'label', kind: 'text', width: 80 }, env),
      fieldColumn({ entity: 'measure', field: 'title', kind: 'text', width: 260 }, env),
      fieldColumn({ entity: 'measure', field: 'leadDepartmentId', kind: 'department', width: 170, options: departments }, env),
      fieldColumn({ entity: 'measure', field: 'type', kind: 'measureType', width: 110, options: () => measureTypes }, env),
      fieldColumn({ entity: 'measure', field: 'owner', kind: 'text', width: 100 }, env),
      fieldColumn({ entity: 'measure', field: 'deadline', kind: 'date', width: 130 }, env),
      fieldColumn({ entity: 'measure', field: 'deadlineNote', kind: 'text', width: 110 }, env),
      fieldColumn({ entity: 'measure', field: 'status', kind: 'status', width: 130 }, env),
      fieldColumn({ entity: 'measure', field: 'progress', kind: 'percent', width: 100 }, env),
      fieldColumn({ entity: 'measure', field: 'progressNote', kind: 'multiline', width: 240 }, env),
      fieldColumn({ entity: 'measure', field: 'progressNoteDate', kind: 'date', width: 130 }, env),
      fieldColumn({ entity: 'measure', field: 'cooperatingDepartmentIds', kind: 'departments', width: 220 }, env),
      fieldColumn({ entity: 'measure', field: 'details', kind: 'multiline', width: 300 }, env),
      fieldColumn({ entity: 'measure', field: 'evidence', kind: 'lines', width: 260 }, env),
      fieldColumn({ entity: 'measure', field: 'source', kind: 'text', width: 260 }, env),
      fieldColumn({ entity: 'measure', field: 'updatedBy', kind: 'text', width: 100, editable: false }, env),
    ];
  }, [t, codec, user, cache, lightSettings]);

  const loadRows = useCallback(() => {
    const numbers = new Map(cache.all('problem').map((p) => [p.id, p.number]));
    const number = (m: Measure) => numbers.get(m.problemId) ?? Number.MAX_SAFE_INTEGER;
    return [...cache.all('measure')].sort((a, b) => number(a) - number(b) || a.seq - b.seq);
  }, [cache]);

  const onReady = useCallback(
    (ready: GridApi<Measure>) => {
      setReady(ready);
      // The benchmark (scripts/bench.ts) selects rows and focuses cells through the grid's API.
      if (new URLSearchParams(location.search).has('bench')) (window as unknown as { __ledgerGrid: unknown }).__ledgerGrid = ready;
      setCount(ready.getDisplayedRowCount());
      setTotal(cache.all('measure').length);
    },
    [setReady, cache],
  );

  const addMeasure = async () => {
    const grid = apiRef.current;
    const focused = grid?.getFocusedCell();
    const anchor = focused ? grid?.getDisplayedRowAtIndex(focused.rowIndex)?.data : undefined;
    const problem = anchor ? cache.get('problem', anchor.problemId) : [...cache.all('problem')].sort((a, b) => a.number - b.number)[0];
    if (!problem) {
      toast.show({ kind: 'info', text: t('toast.needProblem') });
      return;
    }
    const siblings = cache.all('measure').filter((m) => m.problemId === problem.id);
    const id = newId();
    const seq = siblings.reduce((max, m) => Math.max(max, m.seq), 0) + 1;
    if (focused) addAt.set(id, focused.rowIndex + 1);
    pendingEdit.current.add(id);
    const values = { problemId: problem.id, seq, title: t('ledger.newMeasure'), leadDepartmentId: problem.leadDepartmentId, status: 'not_started' };
    await saveWithFeedback(storage, [{ op: 'create', entity: 'measure', id, values }], feedback);
  };

  const { request: requestDelete, dialog } = useDeleteRows({ entity: 'measure', api: api as GridApi | null, rowLabel });

  // A paste longer than the rows below adds measures under the last row's problem.
  const newRows = useCallback(
    (count: number, after: Measure | undefined) => {
      const problem = (after && cache.get('problem', after.problemId)) ?? [...cache.all('problem')].sort((a, b) => a.number - b.number)[0];
      if (!problem) return [];
      let seq = cache.all('measure').filter((m) => m.problemId === problem.id).reduce((max, m) => Math.max(max, m.seq), 0);
      return Array.from({ length: count }, () => ({
        op: 'create' as const,
        entity: 'measure' as const,
        id: newId(),
        values: { problemId: problem.id, seq: ++seq, title: t('ledger.newMeasure'), leadDepartmentId: problem.leadDepartmentId, status: 'not_started' },
      }));
    },
    [cache, t],
  );
  // 我的部门: the measures the signed-in user's departments lead or cooperate on.
  const mineOn = useRef(false);
  const userRef = useRef(user);
  userRef.current = user;
  const mineNoUnits = useRef(false);
  // An account without units sees an empty 我的部门: the grid's overlay says why, not just that nothing matches.
  const mine = useMemo(
    () => ({
      get: () => mineOn.current,
      set: (on: boolean) => {
        mineOn.current = on;
        const noUnits = on && (userRef.current?.departmentIds.length ?? 0) === 0;
        // Only when it changes: the grid is told nothing new while a view is being applied.
        if (noUnits === mineNoUnits.current) return;
        mineNoUnits.current = noUnits;
        apiRef.current?.setGridOption('overlayComponentParams', { noMatchingRows: { overlayText: noUnits ? t('ledger.mineNoUnits') : undefined } });
      },
    }),
    [apiRef, t],
  );
  const builtIns = useMemo(() => ledgerViews(t), [t]);
  // A dashboard figure's rows (总览 → 台账), from the address or a saved view.
  const figure = useReportLink(api as GridApi | null, cache, lightSettings);
  const { active: figureActive, passes: figurePasses } = figure;
  // Stable: a new function would make the grid filter again, which ends an edit in progress.
  const isExternalFilterPresent = useCallback(() => mineOn.current || figureActive(), [figureActive]);
  const doesExternalFilterPass = useCallback(
    (node: IRowNode<Measure>) => {
      const mineIds = userRef.current?.departmentIds ?? [];
      const m = node.data;
      if (m === undefined || !figurePasses(m.id)) return false;
      return !mineOn.current || mineIds.includes(m.leadDepartmentId ?? '') || m.cooperatingDepartmentIds.some((id) => mineIds.includes(id));
    },
    [figurePasses],
  );
  // Red and yellow rows are tinted, so that they show at a glance down the whole row. Made once per light
  // settings: a new rules object on each render would restyle every row.
  const rowClassRules = useMemo<RowClassRules<Measure>>(
    () => ({
      'row--red': (p) => p.data !== undefined && computeLight(p.data, todayIso(), lightSettings) === 'red',
      'row--yellow': (p) => p.data !== undefined && computeLight(p.data, todayIso(), lightSettings) === 'yellow',
    }),
    [lightSettings],
  );
  const bulk = useBulkEdit({ api, feedback, newRows: canCreate(user, 'measure') ? newRows : undefined });
  const mayEdit = user !== null && user.role !== 'viewer';

  return (
    <section className="view" aria-label={t('nav.ledger')}>
      <GridToolbar
        onSearch={setSearch}
        count={`${countText(t, 'measure', count, total)}${selected > 0 ? ` · ${t('ledger.selected', { count: selected })}` : ''}`}
        add={canCreate(user, 'measure') ? { label: t('action.addMeasure'), run: addMeasure, title: t('toolbar.addHint') } : undefined}
        onDelete={canDelete(user) ? requestDelete : undefined}
        deleteDisabled={selected === 0}
        selection={{ api: api as GridApi | null, count: selected }}
        actions={
          <>
            {mayEdit && <BulkButtons bulk={bulk} t={t} />}
            <HistoryButton api={api as GridApi | null} entity="measure" onShowHistory={onShowHistory} />
          </>
        }
        view={<ViewPicker api={api as GridApi | null} gridKey="ledger" builtIns={builtIns} mine={mine} report={figure.report} />}
        exportMenu={<ExportMenu api={api as GridApi | null} name={t('entity.measure')} />}
      />
      <LightLegend scheme={lightSettings.scheme} />
      {figure.link && (
        <p className="figure-banner" role="status" data-testid="figure-banner">
          {t('selection.banner', { label: figure.link.label, asOf: figure.link.asOf, count: figure.count })}{' '}
          <button type="button" className="button" onClick={figure.clear}>
            {t('selection.clear')}
          </button>
        </p>
      )}
      {dialog}
      {bulk.element}
      <GridHost<Measure>
        entity="measure"
        testId="ledger-grid"
        loadRows={loadRows}
        columnDefs={columnDefs}
        rowLabel={rowLabel}
        onReady={onReady}
        keyHooks={bulk.keys}
        gridOptions={{
          quickFilterText: search,
          rowSelection: { ...multiRowSelection, selectAll: 'filtered' },
          onModelUpdated: (e) => {
            setCount(e.api.getDisplayedRowCount());
            setTotal(cache.all('measure').length);
          },
          isExternalFilterPresent,
          doesExternalFilterPass,
          // The benchmark's "cold open → first grid render" ends here.
          onFirstDataRendered: () => performance.mark('ledger:first-render'),
          overlayNoRowsTemplate: `<span>${t('ledger.empty')}</span>`,
          rowClassRules,
        }}
      />
    </section>
  );
}
