// 导出当前视图: the rows and columns a grid shows, in its order, filtered and sorted as shown, to CSV or XLSX.
import type { Column, GridApi, IRowNode } from 'ag-grid-community';
import { useState } from 'react';
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

export function ExportViewButton({ api, name }: { api: GridApi | null; name: string }) {
  const t = useT();
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const run = async (format: FileFormat) => {
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
  return (
    <span className="button-group" role="group" aria-label={t('export.view')}>
      <button type="button" className="button" disabled={busy || !api} onClick={() => void run('csv')} title={t('export.viewHint')}>
        {t('export.viewCsv')}
      </button>
      <button type="button" className="button" disabled={busy || !api} onClick={() => void run('xlsx')} title={t('export.viewHint')}>
        {t('export.viewXlsx')}
      </button>
    </span>
  );
}
