// The bar above a grid: quick search, add and delete, and how many rows show.
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
    <button type="button" className="button" onClick={show}>
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
  add?: { label: string; run: () => Promise<unknown> };
  onDelete?: () => void;
  deleteDisabled?: boolean;
  /** Tick or untick every row the filters show. */
  selection?: { api: GridApi | null; count: number };
  children?: ReactNode;
};

export function GridToolbar({ onSearch, count, add, onDelete, deleteDisabled, selection, children }: ToolbarProps) {
  const t = useT();
  return (
    <div className="toolbar" role="toolbar">
      <input type="search" className="toolbar__search" placeholder={t('action.search')} aria-label={t('action.search')} onChange={(e) => onSearch(e.target.value)} />
      {add && (
        <button type="button" className="button button--primary" onClick={() => void add.run()}>
          {add.label}
        </button>
      )}
      {selection && (
        <button
          type="button"
          className="button"
          onClick={() => (selection.count > 0 ? selection.api?.deselectAll() : selection.api?.selectAll('filtered'))}
        >
          {selection.count > 0 ? t('action.selectNone') : t('action.selectAll')}
        </button>
      )}
      {onDelete && (
        <button type="button" className="button" onClick={onDelete} disabled={deleteDisabled}>
          {t('action.delete')}
        </button>
      )}
      {children}
      <span className="toolbar__count" aria-live="polite">
        {count}
      </span>
    </div>
  );
}
