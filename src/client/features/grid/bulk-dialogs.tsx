// The dialogs of bulk editing: the review of a paste, fill or bulk set with refused cells (apply the valid
// cells, or nothing), and 批量修改 — a column, a value in that column's own terms, for every ticked row.
import type { Column } from 'ag-grid-community';
import { useMemo, useState } from 'react';
import { formatFieldValue } from '#shared/model/field-codec.ts';
import { useStorage, useT } from '#client/context/ledger-context.tsx';
import { createCodecContext } from '#client/storage/codec-context.ts';
import { Dialog } from '#client/ui/dialog.tsx';
import type { CellPlan } from './cell-plan.ts';
import type { ColumnContext } from './columns.ts';

const SHOWN = 100;
const TEXTAREA_KINDS = new Set(['multiline', 'lines', 'departments']);

type ReviewProps = {
  review: { title: string; plan: CellPlan; withNewRows?: { plan: CellPlan; count: number } };
  onApply: (plan: CellPlan) => void;
  onCancel: () => void;
};

export function PlanReview({ review, onApply, onCancel }: ReviewProps) {
  const t = useT();
  const [addRows, setAddRows] = useState(true);
  const plan = review.withNewRows && addRows ? review.withNewRows.plan : review.plan;
  return (
    <Dialog
      open
      wide
      title={review.title}
      onClose={onCancel}
      actions={
        <>
          <button type="button" className="button" onClick={onCancel}>
            {t('action.cancel')}
          </button>
          <button type="button" className="button button--primary" disabled={plan.changes.length === 0} onClick={() => onApply(plan)}>
            {plan.refused.length > 0 ? t('bulk.applyValid', { cells: plan.cells }) : t('bulk.apply', { cells: plan.cells })}
          </button>
        </>
      }
    >
      <p data-testid="bulk-summary">{t('bulk.summary', { cells: plan.cells, refused: plan.refused.length, skipped: plan.skipped })}</p>
      {review.withNewRows && (
        <label className="check">
          <input type="checkbox" checked={addRows} onChange={(e) => setAddRows(e.target.checked)} />
          {t('bulk.addRows', { count: review.withNewRows.count })}
        </label>
      )}
      {plan.refused.length > 0 && (
        <table className="transfer-table" data-testid="bulk-refused">
          <thead>
            <tr>
              <th>{t('import.report.row')}</th>
              <th>{t('import.report.column')}</th>
              <th>{t('import.report.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {plan.refused.slice(0, SHOWN).map((r, i) => (
              <tr key={i}>
                <td>{r.row}</td>
                <td>{r.column}</td>
                <td>{r.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {plan.refused.length > SHOWN && <p className="note">{t('bulk.moreRefused', { count: plan.refused.length - SHOWN })}</p>}
    </Dialog>
  );
}

export type BulkValue = { text: string } | { value: unknown };

type BulkSetProps = { columns: Column[]; count: number; onApply: (column: Column, value: BulkValue) => void; onCancel: () => void };

export function BulkSetDialog({ columns, count, onApply, onCancel }: BulkSetProps) {
  const t = useT();
  const storage = useStorage();
  const codec = useMemo(() => createCodecContext(storage.cache, t), [storage, t]);
  const [colId, setColId] = useState(columns[0]?.getColId() ?? '');
  const [text, setText] = useState('');
  const [choice, setChoice] = useState<string>('');
  const column = columns.find((c) => c.getColId() === colId);
  const context = column?.getColDef().context as ColumnContext | undefined;
  const options = context?.options?.() ?? null;
  // Until something is chosen, the first option is (as the select shows it).
  const chosen = choice !== '' || !options ? choice : (options[0] ?? '');

  const apply = () => {
    if (!column) return;
    onApply(column, options ? { value: chosen === '' ? null : chosen } : { text });
  };

  return (
    <Dialog
      open
      title={t('bulk.setTitle')}
      onClose={onCancel}
      actions={
        <>
          <button type="button" className="button" onClick={onCancel}>
            {t('action.cancel')}
          </button>
          <button type="button" className="button button--primary" disabled={!column} onClick={apply}>
            {t('bulk.setApply', { count })}
          </button>
        </>
      }
    >
      <p className="note">{t('bulk.setNote', { count })}</p>
      <label className="field">
        <span>{t('bulk.column')}</span>
        <select
          value={colId}
          onChange={(e) => {
            setColId(e.target.value);
            setText('');
            setChoice('');
          }}
        >
          {columns.map((c) => (
            <option key={c.getColId()} value={c.getColId()}>
              {c.getColDef().headerName}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('bulk.value')}</span>
        {options && context ? (
          <select value={chosen} onChange={(e) => setChoice(e.target.value)}>
            {options.map((o) => (
              <option key={o ?? ''} value={o ?? ''}>
                {o === null || o === '' ? t('common.none') : formatFieldValue(context.kind, o, codec)}
              </option>
            ))}
          </select>
        ) : context && TEXTAREA_KINDS.has(context.kind) ? (
          <textarea rows={4} value={text} onChange={(e) => setText(e.target.value)} />
        ) : (
          <input type="text" value={text} placeholder={context?.kind === 'date' ? 'YYYY-MM-DD' : undefined} onChange={(e) => setText(e.target.value)} />
        )}
      </label>
    </Dialog>
  );
}
