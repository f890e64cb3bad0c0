// 导出 ▾ 导出当前视图: the rows and columns a grid shows, in its order, filtered and sorted as shown, to CSV or XLSX.
import type { Column, GridApi, IRowNode } from 'ag-grid-community';
import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import type { Table } from '#shared/csv/export.ts';
import type { Cell } from '#shared/csv/table.ts';
import { useT } from '#client/context/ledger-context.tsx';
import { downloadBlob } from '#client/lib/download.ts';
import { type FileFormat, fileName, tableBlob } from '#client/lib/spreadsheet-file.ts';
import { useToast } from '#client/ui/toast.tsx';

/** The table a grid shows: displayed data columns (not the tick box), rows after its filters and sort. */
export function viewTable(api: GridApi): Table {
  const columns = api.getAllDisplayedColumns().filter((c) => !c.getColId().startsWith('ag-Grid-') && (c.getColDef().headerName ?? '') !== '');
  const rows: Cell[][] = [];
  api.forEachNodeAfterFilterAndSort((node) => {
    if (node.data !== undefined && !node.group) rows.push(columns.map((column) => cellOf(api, node, column)));
  });
  return { header: columns.map((c) => api.getDisplayNameForColumn(c, 'csv')), rows };
}

function cellOf(api: GridApi, node: IRowNode, column: Column): Cell {
  const raw: unknown = api.getCellValue({ rowNode: node, colKey: column });
  if (raw === null || raw === undefined || raw === '' || (Array.isArray(raw) && raw.length === 0)) return '';
  if (typeof raw === 'number') return raw;
  const shown: unknown = api.getCellValue({ rowNode: node, colKey: column, useFormatter: true });
  return typeof shown === 'string' || typeof shown === 'number' ? shown : '';
}

/** 导出 ▾: the view as CSV or Excel, in one menu button (a menu by keyboard too: arrows, Home/End, Escape). */
export function ExportMenu({ api, name }: { api: GridApi | null; name: string }) {
  const t = useT();
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const items = () => [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];

  useEffect(() => {
    if (!open) return undefined;
    items()[0]?.focus();
    // A click anywhere else closes it.
    const onDown = (e: MouseEvent) => {
      if (!(e.target instanceof Node) || !menu.current?.parentElement?.contains(e.target)) setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [open]);

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  const run = async (format: FileFormat) => {
    close();
    if (!api) return;
    setBusy(true);
    try {
      const file = fileName(name, format);
      downloadBlob(file, await tableBlob(viewTable(api), format, name));
      toast.show({ kind: 'info', text: t('export.done', { name: file }) });
    } catch (error) {
      toast.show({ kind: 'error', text: t('export.failed', { message: error instanceof Error ? error.message : String(error) }) });
    } finally {
      setBusy(false);
    }
  };
  const onMenuKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const list = items();
    const at = list.indexOf(document.activeElement as HTMLElement);
    const go = (i: number) => list[(i + list.length) % list.length]?.focus();
    if (e.key === 'ArrowDown') go(at + 1);
    else if (e.key === 'ArrowUp') go(at - 1);
    else if (e.key === 'Home') go(0);
    else if (e.key === 'End') go(list.length - 1);
    else if (e.key === 'Escape') close();
    else if (e.key === 'Tab') setOpen(false);
    else return;
    if (e.key !== 'Tab') e.preventDefault();
  };
  const onButtonKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    if (e.key !== 'ArrowDown') return;
    e.preventDefault();
    setOpen(true);
  };

  return (
    <span className="menu-button">
      <button
        ref={button}
        type="button"
        className="button"
        aria-haspopup="menu"
        aria-expanded={open}
        disabled={busy || !api}
        title={t('export.viewHint')}
        onClick={() => setOpen((was) => !was)}
        onKeyDown={onButtonKey}
      >
        {t('toolbar.exportMenu')}
        <span aria-hidden="true"> ▾</span>
      </button>
      {open && (
        <div ref={menu} className="menu-button__menu" role="menu" aria-label={t('export.view')} onKeyDown={onMenuKey}>
          <button type="button" role="menuitem" tabIndex={-1} className="menu-button__item" onClick={() => void run('csv')}>
            {t('export.viewCsv')}
          </button>
          <button type="button" role="menuitem" tabIndex={-1} className="menu-button__item" onClick={() => void run('xlsx')}>
            {t('export.viewXlsx')}
          </button>
        </div>
      )}
    </span>
  );
}
