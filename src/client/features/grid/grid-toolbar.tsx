// The bar above a grid: quick search, then add · selection actions · view · 导出 ▾, and how many rows show.
import type { GridApi } from 'ag-grid-community';
import { type ReactNode, useEffect, useState } from 'react';
import type { EntityName } from '#shared/model/entities.ts';
import { useT } from '#client/context/ledger-context.tsx';
import { useToast } from '#client/ui/toast.tsx';

/** 修改记录 for the row of the focused cell. */
export function HistoryButton({ api, entity, onShowHistory }: { api: GridApi | null; entity: EntityName; onShowHistory?: (target: { entity: EntityName; id: string }) => void }) {
  const t = useT();
  const toast = useToast();
  if (!onShowHistory) return null;
  const show = () => {
    const focused = api?.getFocusedCell();
    const id = focused ? (api?.getDisplayedRowAtIndex(focused.rowIndex)?.data as { id?: string } | undefined)?.id : undefined;
    if (id) onShowHistory({ entity, id });
    else toast.show({ kind: 'info', text: t('history.pickRow') });
  };
  return (
    <button type="button" className="button" title={t('toolbar.historyHint')} onClick={show}>
      {t('history.button')}
    </button>
  );
}

/** How many rows are ticked, kept current from the grid's selection events. */
export function useSelectionCount(api: GridApi | null): number {
  const [count, setCount] = useState(0);
  useEffect(() => {
    if (!api) return undefined;
    const update = () => setCount(api.getSelectedNodes().length);
    api.addEventListener('selectionChanged', update);
    return () => {
      if (!api.isDestroyed()) api.removeEventListener('selectionChanged', update);
    };
  }, [api]);
  return count;
}

type ToolbarProps = {
  onSearch: (text: string) => void;
  count: string;
  add?: { label: string; run: () => Promise<unknown>; title?: string };
  onDelete?: () => void;
  deleteDisabled?: boolean;
  /** Tick or untick every row the filters show. */
  selection?: { api: GridApi | null; count: number };
  /** More selection actions, after 全选 and 删除: 向下填充, 批量修改, 修改记录. */
  actions?: ReactNode;
  /** The view group: the views and 保存视图, or a view's own switches. */
  view?: ReactNode;
  /** The 导出 ▾ menu. */
  exportMenu?: ReactNode;
};

/**
 * Grouped by purpose — add · selection actions · view · 导出 ▾ — each group kept on one line (grid-look.css): at
 * narrow widths the bar wraps between groups, never inside a button's words.
 */
export function GridToolbar({ onSearch, count, add, onDelete, deleteDisabled, selection, actions, view, exportMenu }: ToolbarProps) {
  const t = useT();
  const hasSelection = selection !== undefined || onDelete !== undefined || actions !== undefined;
  return (
    <div className="toolbar" role="toolbar" aria-label={t('toolbar.label')}>
      <input type="search" className="toolbar__search" placeholder={t('action.search')} aria-label={t('action.search')} onChange={(e) => onSearch(e.target.value)} />
      {add && (
        <div className="toolbar__group" role="group" aria-label={t('toolbar.add')}>
          <button type="button" className="button button--primary" title={add.title} onClick={() => void add.run()}>
            {add.label}
          </button>
        </div>
      )}
      {hasSelection && (
        <div className="toolbar__group" role="group" aria-label={t('toolbar.selection')}>
          {selection && (
            <button
              type="button"
              className="button"
              title={t('toolbar.selectAllHint')}
              onClick={() => (selection.count > 0 ? selection.api?.deselectAll() : selection.api?.selectAll('filtered'))}
            >
              {selection.count > 0 ? t('action.selectNone') : t('action.selectAll')}
            </button>
          )}
          {onDelete && (
            <button type="button" className="button" title={t('toolbar.deleteHint')} onClick={onDelete} disabled={deleteDisabled}>
              {t('action.delete')}
            </button>
          )}
          {actions}
        </div>
      )}
      {view && (
        <div className="toolbar__group" role="group" aria-label={t('toolbar.view')}>
          {view}
        </div>
      )}
      {exportMenu && <div className="toolbar__group">{exportMenu}</div>}
      <span className="toolbar__count" aria-live="polite" data-testid="grid-count">
        {count}
      </span>
    </div>
  );
}
