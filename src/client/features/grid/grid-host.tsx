// The frame every grid view shares: theme, language, transaction feeding, store-driven edits, IME-safe keys.
import type { CellDoubleClickedEvent, CellEditRequestEvent, ColDef, Column, GetRowIdParams, GridApi, GridOptions, GridReadyEvent, IRowNode } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Change } from '#shared/model/change.ts';
import { sameValue } from '#shared/model/change.ts';
import { describeFieldError } from '#shared/i18n/describe-error.ts';
import type { AnyRecord, EntityName } from '#shared/model/entities.ts';
import { useSettings, useStorage, useT } from '#client/context/ledger-context.tsx';
import { registerFlush } from '#client/lib/edit-flush.ts';
import { useToast } from '#client/ui/toast.tsx';
import { createCodecContext } from '#client/storage/codec-context.ts';
import type { ColumnContext } from './columns.ts';
import { parseCellInput } from './columns.ts';
import { gridLocaleText, gridTheme } from './grid-setup.ts';
import { attachKeyboardProxy, type ProxyHooks, wantsKeyboardProxy } from './keyboard-proxy.ts';
import { fitHeader } from './header-width.ts';
import { lockedCellMessage } from './locked-cell.ts';
import './grid-look.css';
import { type Feedback, saveWithFeedback } from './save-feedback.ts';

type GridHostProps<T extends AnyRecord> = {
  /** The entity whose records are the rows. */
  entity: EntityName;
  /** Read once, when the grid mounts; afterwards the view feeds changes by transactions. */
  loadRows: () => readonly T[];
  columnDefs: ColDef<T>[];
  rowLabel: Feedback['rowLabel'];
  onReady: (api: GridApi<T>) => void;
  /** Turns a cell edit into changes; by default it updates the column's own field. */
  toChanges?: (row: T, context: ColumnContext, value: unknown) => Change[];
  gridOptions?: GridOptions<T>;
  /** Copy, paste and shortcuts (fill down) of the view's bulk editing. */
  keyHooks?: ProxyHooks;
  testId: string;
};

/**
 * Tick boxes choose rows (for delete, fill and bulk edits); a click only focuses a cell. No header box:
 * AG Grid recomputes its state over every row on each column event (≈ 0.3 s at 100,000 rows); the
 * toolbar's 全选 does the same job once, when asked.
 */
export const multiRowSelection = { mode: 'multiRow', checkboxes: true, headerCheckbox: false, enableClickSelection: false } as const;

// Props AG Grid compares by identity: a new object on each render would rebuild every column and close an
// open editor (any toast or counter re-renders the host), so they are made once.
const defaultColDef = { resizable: true, sortable: true, filter: true, cellDataType: false } as const;
const selectionColumnDef = { pinned: 'left', width: 48 } as const;

function getRowId<T extends AnyRecord>(p: GetRowIdParams<T>): string {
  return p.data.id;
}

export function GridHost<T extends AnyRecord>({ entity, loadRows, columnDefs, rowLabel, onReady, toChanges, gridOptions, keyHooks, testId }: GridHostProps<T>) {
  const storage = useStorage();
  const { locale, account } = useSettings();
  const t = useT();
  const toast = useToast();
  const host = useRef<HTMLDivElement>(null);
  const localeText = useMemo(() => gridLocaleText(locale), [locale]);
  const fittedColumns = useMemo(() => columnDefs.map(fitHeader), [columnDefs]);
  const [api, setApi] = useState<GridApi<T> | null>(null);
  // Before the cache has read IndexedDB the grid shows its loading overlay; the rows come in one go after.
  const [initialRows] = useState(() => (storage.cache.isReady() ? [...loadRows()] : undefined));
  useEffect(() => {
    if (!api || initialRows) return undefined;
    const load = () => {
      if (!api.isDestroyed()) api.setGridOption('rowData', [...loadRows()]);
    };
    if (storage.cache.isReady()) {
      load();
      return undefined;
    }
    return storage.cache.subscribe((event) => event.origin === 'load' && event.entity === entity && load());
  }, [api, initialRows, loadRows, storage, entity]);

  // Saves started from this grid, so that a reload can wait for them.
  const pending = useRef(new Set<Promise<unknown>>());
  useEffect(() => {
    if (!api) return undefined;
    return registerFlush(async () => {
      if (!api.isDestroyed()) api.stopEditing();
      // The edit request may be raised after stopEditing returns: let it through, then wait for its save.
      await new Promise((resolve) => setTimeout(resolve, 0));
      await Promise.allSettled([...pending.current]);
    });
  }, [api]);

  // The hooks change with every render of the view; the proxy stays attached and calls the latest ones.
  const hooks = useRef(keyHooks);
  hooks.current = keyHooks;
  // An attempt on a read-only cell is answered with why (其他单位牵头 / 需要协调员), never with silence.
  const tellLocked = useRef((_node: IRowNode, _column: Column) => {});
  tellLocked.current = (node, column) => {
    const text = lockedCellMessage(t, account, storage.cache, node, column);
    if (text) toast.show({ kind: 'info', text });
  };
  const onCellDoubleClicked = useCallback((e: CellDoubleClickedEvent<T>) => {
    if (!e.node.rowPinned) tellLocked.current(e.node, e.column);
  }, []);
  useEffect(() => {
    const element = host.current;
    if (!api || !element) return undefined;
    const onPaste = (text: string) => hooks.current?.onPaste?.(text);
    if (wantsKeyboardProxy()) {
      const detach = attachKeyboardProxy(element, api as GridApi, {
        onCopy: () => hooks.current?.onCopy?.() ?? null,
        onPaste,
        onShortcut: (key, shift) => hooks.current?.onShortcut?.(key, shift) ?? false,
        onReadOnly: (node, column) => tellLocked.current(node, column),
      });
      // A name for the keyboard's textarea before a cell lends it one (the proxy keeps it while an empty cell lends none).
      const proxy = element.querySelector<HTMLTextAreaElement>('textarea.keyboard-proxy');
      if (proxy) {
        proxy.dataset.label = t('grid.keyboardInput');
        proxy.setAttribute('aria-label', proxy.dataset.label);
      }
      return detach;
    }
    // Without the proxy (touch screens) a paste reaches the focused cell itself.
    const onCellPaste = (e: ClipboardEvent) => {
      if (!(e.target instanceof HTMLElement) || !e.target.closest('.ag-cell') || api.getEditingCells().length > 0) return;
      e.preventDefault();
      onPaste(e.clipboardData?.getData('text/plain') ?? '');
    };
    element.addEventListener('paste', onCellPaste);
    return () => element.removeEventListener('paste', onCellPaste);
  }, [api, t]);

  const onGridReady = useCallback(
    (e: GridReadyEvent<T>) => {
      setApi(e.api);
      onReady(e.api);
    },
    [onReady],
  );

  const onCellEditRequest = useCallback(
    (e: CellEditRequestEvent<T>) => {
      const context = e.colDef.context as ColumnContext | undefined;
      if (!context || !e.data) return;
      const codec = createCodecContext(storage.cache, t);
      const parsed = parseCellInput(context.kind, e.newValue, codec);
      const label = rowLabel(context.entity, e.data.id);
      if (!parsed.ok) {
        toast.show({ kind: 'error', text: describeFieldError(t, context.entity, { field: context.field, code: parsed.code, params: parsed.params }, label) });
        return;
      }
      const current = (e.data as unknown as Record<string, unknown>)[context.field];
      if (!toChanges && sameValue(current, parsed.value)) return;
      const changes = toChanges
        ? toChanges(e.data, context, parsed.value)
        : [{ op: 'update' as const, entity: context.entity, id: e.data.id, fields: { [context.field]: parsed.value } }];
      const saving = saveWithFeedback(storage, changes, { t, toast, rowLabel });
      pending.current.add(saving);
      void saving.finally(() => pending.current.delete(saving));
    },
    [storage, t, toast, rowLabel, toChanges],
  );

  return (
    <div className="grid-host" ref={host} data-testid={testId}>
      <AgGridReact<T>
        theme={gridTheme}
        localeText={localeText}
        rowData={initialRows}
        columnDefs={fittedColumns}
        getRowId={getRowId<T>}
        readOnlyEdit
        onCellEditRequest={onCellEditRequest}
        stopEditingWhenCellsLoseFocus
        enableCellSpan
        // Rows stay virtual; the few dozen columns are all rendered, so each stays reachable by screen readers.
        suppressColumnVirtualisation
        // Rows do not jump away while being edited; sorting and filtering apply again on the next change of either.
        suppressModelUpdateAfterUpdateTransaction
        tooltipShowDelay={600}
        defaultColDef={defaultColDef}
        selectionColumnDef={selectionColumnDef}
        onGridReady={onGridReady}
        onCellDoubleClicked={onCellDoubleClicked}
        {...gridOptions}
      />
    </div>
  );
}
