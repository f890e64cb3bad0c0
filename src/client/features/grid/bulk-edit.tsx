// Spreadsheet moves on the Community grid: paste a block from Excel/WPS at the focused cell, copy cells or rows
// as TSV, fill down (Ctrl/Cmd+D) and bulk set (批量修改). Each is planned cell by cell (cell-plan.ts), shown for
// review when a cell is refused, and saved as one change: one transaction, one step of undo.
import type { Column, GridApi, IRowNode } from 'ag-grid-community';
import { type ReactNode, useState } from 'react';
import { parseClipboard, writeClipboard } from '#shared/csv/table.ts';
import type { Change } from '#shared/model/change.ts';
import type { AnyRecord } from '#shared/model/entities.ts';
import { describeFieldError } from '#shared/i18n/describe-error.ts';
import { useSettings, useStorage } from '#client/context/ledger-context.tsx';
import { createCodecContext } from '#client/storage/codec-context.ts';
import { BulkSetDialog, type BulkValue, PlanReview } from './bulk-dialogs.tsx';
import { type CellInput, type CellPlan, type NewRowInput, type PlanContext, planCells } from './cell-plan.ts';
import type { ColumnContext } from './columns.ts';
import type { ProxyHooks } from './keyboard-proxy.ts';
import { lockedCellMessage } from './locked-cell.ts';
import { type Feedback, saveWithFeedback } from './save-feedback.ts';

export type NewRows<T> = (count: number, after: T | undefined) => Extract<Change, { op: 'create' }>[];

export type BulkEdit = {
  keys: ProxyHooks;
  paste: (text: string) => void;
  fillDown: () => void;
  openBulkSet: () => void;
  element: ReactNode;
};

/** `done`: the confirmation once saved; `locked`: why nothing changed when every target cell was read-only. */
type Review = { title: string; plan: CellPlan; withNewRows?: { plan: CellPlan; count: number }; done: (plan: CellPlan) => string; locked?: string | null };

const isDataColumn = (c: Column) => !c.getColId().startsWith('ag-Grid-');
const byIndex = (a: IRowNode, b: IRowNode) => (a.rowIndex ?? 0) - (b.rowIndex ?? 0);

export function useBulkEdit<T extends AnyRecord>({ api, feedback, newRows }: { api: GridApi<T> | null; feedback: Feedback; newRows?: NewRows<T> }): BulkEdit {
  const storage = useStorage();
  const settings = useSettings();
  const { t, toast } = feedback;
  const [review, setReview] = useState<Review | null>(null);
  const [bulkSet, setBulkSet] = useState<{ columns: Column[]; rows: IRowNode[] } | null>(null);

  const planContext = (): PlanContext => ({
    t,
    codec: createCodecContext(storage.cache, t),
    get: (entity, id) => storage.cache.get(entity, id),
    rowLabel: feedback.rowLabel,
    actor: settings.userName,
    now: new Date().toISOString(),
  });

  // 撤销 in the confirmation is the session's undo (the same step as Ctrl+Z); once another step is saved or
  // undone it would undo something else, so the confirmation closes.
  const undoLast = async () => {
    const result = await storage.undo.undo();
    if (result && !result.ok) {
      const lines = result.errors.slice(0, 5).flatMap((r) => r.errors.map((e) => `${t('undo.refused')}${describeFieldError(t, r.entity, e, feedback.rowLabel(r.entity, r.id))}`));
      toast.show({ kind: 'error', text: lines.join('\n') });
    }
  };
  const confirmWithUndo = (text: string) => {
    const id = toast.open({ kind: 'info', text, action: { label: t('action.undo'), title: t('undo.hint'), run: () => void undoLast() } });
    const stop = storage.undo.state.subscribe(() => {
      toast.dismiss(id);
      stop();
    });
  };

  const apply = async (plan: CellPlan, done: (plan: CellPlan) => string, locked?: string | null) => {
    setReview(null);
    if (plan.changes.length === 0) {
      toast.show({ kind: 'info', text: locked ?? t('bulk.nothing') });
      return;
    }
    if (await saveWithFeedback(storage, plan.changes, feedback)) confirmWithUndo(done(plan));
  };

  /** The first target cell the user may not change, in words (其他单位牵头 / 需要协调员). */
  const lockedOf = (inputs: readonly { node: IRowNode; column: Column }[]) => {
    for (const { node, column } of inputs) {
      const text = lockedCellMessage(t, settings.account, storage.cache, node, column);
      if (text) return text;
    }
    return null;
  };

  // Nothing refused and nothing to ask: saved at once. Otherwise the user sees every refused cell first.
  const applyOrReview = (next: Review) => {
    if (next.plan.refused.length === 0 && !next.withNewRows) void apply(next.plan, next.done, next.locked);
    else setReview(next);
  };

  const editableColumns = (grid: GridApi<T>) => grid.getAllDisplayedColumns().filter((c) => isDataColumn(c) && c.getColDef().context !== undefined && c.getColDef().editable !== false);

  const paste = (text: string) => {
    const focused = api?.getFocusedCell();
    if (!api || !focused || api.getEditingCells().length > 0) return;
    const block = parseClipboard(text);
    const columns = api.getAllDisplayedColumns().filter(isDataColumn);
    const start = columns.findIndex((c) => c.getColId() === focused.column.getColId());
    if (start < 0) return;
    const inputs: CellInput[] = [];
    const overflow: string[][] = [];
    let last: IRowNode<T> | undefined;
    block.forEach((cells, r) => {
      const node = api.getDisplayedRowAtIndex(focused.rowIndex + r);
      if (!node) {
        overflow.push(cells);
        return;
      }
      last = node;
      cells.forEach((text, c) => {
        const column = columns[start + c];
        if (column) inputs.push({ node, column, text });
      });
    });
    const ctx = planContext();
    const done = (made: CellPlan) => t('bulk.pasted', { cells: made.cells });
    const plan = planCells(inputs, [], ctx);
    if (overflow.length === 0 || !newRows) {
      applyOrReview({ title: t('bulk.pasteTitle'), plan, done, locked: plan.changes.length === 0 ? lockedOf(inputs) : null });
      return;
    }
    const creates = newRows(overflow.length, last?.data);
    const rows: NewRowInput[] = creates.map((create, i) => ({ create, cells: (overflow[i] ?? []).flatMap((text, c) => (columns[start + c] ? [{ column: columns[start + c]!, text }] : [])) }));
    // The existing rows' cells are planned once; the new rows' plan is added to it.
    const added = planCells([], rows, ctx);
    const withNew: CellPlan = { changes: [...plan.changes, ...added.changes], cells: plan.cells + added.cells, refused: [...plan.refused, ...added.refused], skipped: plan.skipped + added.skipped };
    setReview({ title: t('bulk.pasteTitle'), plan, withNewRows: { plan: withNew, count: overflow.length }, done });
  };

  const fillDown = () => {
    const focused = api?.getFocusedCell();
    const source = focused ? api?.getDisplayedRowAtIndex(focused.rowIndex) : undefined;
    const context = focused?.column.getColDef().context as ColumnContext | undefined;
    if (!api || !focused || !source?.data || !context) {
      toast.show({ kind: 'info', text: t('bulk.pickCell') });
      return;
    }
    const rows = api.getSelectedNodes().filter((n) => n !== source && n.displayed);
    if (rows.length === 0) {
      toast.show({ kind: 'info', text: t('bulk.fillNeedsRows') });
      return;
    }
    const value = (source.data as unknown as Record<string, unknown>)[context.field];
    const inputs = rows.map((node) => ({ node, column: focused.column, value }));
    const plan = planCells(inputs, [], planContext());
    applyOrReview({ title: t('bulk.fillTitle'), plan, done: (made) => t('bulk.rowsChanged', { count: made.changes.length }), locked: plan.changes.length === 0 ? lockedOf(inputs) : null });
  };

  const openBulkSet = () => {
    if (!api) return;
    const rows = api.getSelectedNodes().filter((n) => n.displayed).sort(byIndex);
    if (rows.length === 0) {
      toast.show({ kind: 'info', text: t('bulk.setNeedsRows') });
      return;
    }
    setBulkSet({ columns: editableColumns(api), rows });
  };

  const runBulkSet = (column: Column, input: BulkValue) => {
    const rows = bulkSet?.rows ?? [];
    setBulkSet(null);
    const inputs = rows.map((node) => ({ node, column, ...input }));
    const plan = planCells(inputs, [], planContext());
    applyOrReview({ title: t('bulk.setTitle'), plan, done: (made) => t('bulk.rowsChanged', { count: made.changes.length }), locked: plan.changes.length === 0 ? lockedOf(inputs) : null });
  };

  const copy = (): string | null => {
    if (!api) return null;
    const columns = api.getAllDisplayedColumns().filter(isDataColumn);
    const text = (node: IRowNode<T>, column: Column) => {
      const value: unknown = api.getCellValue({ rowNode: node, colKey: column, useFormatter: true });
      return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
    };
    const selected = api.getSelectedNodes().filter((n) => n.displayed).sort(byIndex);
    if (selected.length > 0) return writeClipboard(selected.map((node) => columns.map((c) => text(node, c))));
    const focused = api.getFocusedCell();
    const node = focused ? api.getDisplayedRowAtIndex(focused.rowIndex) : undefined;
    return focused && node ? writeClipboard([[text(node, focused.column)]]) : null;
  };

  const keys: ProxyHooks = {
    onCopy: copy,
    onPaste: paste,
    onShortcut: (key, shift) => {
      if (key !== 'd' || shift) return false;
      fillDown();
      return true;
    },
  };

  const element = (
    <>
      {review && <PlanReview review={review} onApply={(plan) => void apply(plan, review.done)} onCancel={() => setReview(null)} />}
      {bulkSet && <BulkSetDialog columns={bulkSet.columns} count={bulkSet.rows.length} onApply={runBulkSet} onCancel={() => setBulkSet(null)} />}
    </>
  );
  return { keys, paste, fillDown, openBulkSet, element };
}

/** 向下填充 and 批量修改… for a view's toolbar. */
export function BulkButtons({ bulk, t }: { bulk: BulkEdit; t: Feedback['t'] }) {
  return (
    <>
      <button type="button" className="button" title={t('bulk.fillHint')} onClick={bulk.fillDown}>
        {t('action.fillDown')}
      </button>
      <button type="button" className="button" title={t('toolbar.bulkSetHint')} onClick={bulk.openBulkSet}>
        {t('action.bulkSet')}
      </button>
    </>
  );
}
