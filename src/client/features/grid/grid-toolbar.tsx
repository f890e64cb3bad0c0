// The bar above a grid: quick search, add and delete, and how many rows show.
import type { ReactNode } from 'react';
import { useT } from '#client/context/ledger-context.tsx';

type ToolbarProps = {
  onSearch: (text: string) => void;
  count: string;
  add?: { label: string; run: () => Promise<unknown> };
  onDelete?: () => void;
  deleteDisabled?: boolean;
  children?: ReactNode;
};

export function GridToolbar({ onSearch, count, add, onDelete, deleteDisabled, children }: ToolbarProps) {
  const t = useT();
  return (
    <div className="toolbar" role="toolbar">
      <input type="search" className="toolbar__search" placeholder={t('action.search')} aria-label={t('action.search')} onChange={(e) => onSearch(e.target.value)} />
      {add && (
        <button type="button" className="button button--primary" onClick={() => void add.run()}>
          {add.label}
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
