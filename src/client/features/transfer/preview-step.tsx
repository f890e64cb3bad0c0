// The preview before an import commits: what each row will do, the problem and units it was matched to (marked when
// the import creates them), and every problem named by row, column and reason.
import { describeReason } from '#shared/i18n/describe-error.ts';
import { useT } from '#client/context/ledger-context.tsx';
import type { PlanSummary } from './transfer-protocol.ts';

type Props = { plan: PlanSummary; header: string[]; mappedColumns: number[] };

const SHOWN_CELLS = 4;

export function PreviewStep({ plan, header, mappedColumns }: Props) {
  const t = useT();
  const { counts } = plan;
  const cells = mappedColumns.slice(0, SHOWN_CELLS);
  const matched = plan.preview.some((row) => row.match?.problem || (row.match?.departments.length ?? 0) > 0);
  const named = (item: { name?: string; label?: string; created: boolean }) => `${item.label ?? item.name ?? ''}${item.created ? t('import.preview.new') : ''}`;
  return (
    <>
      <p className="transfer-counts" data-testid="import-counts">
        {t('import.counts', counts)}
      </p>
      <table className="transfer-table" aria-label={t('import.preview.title')}>
        <thead>
          <tr>
            <th>{t('import.report.row')}</th>
            <th>{t('import.preview.op')}</th>
            {cells.map((i) => (
              <th key={i}>{header[i]}</th>
            ))}
            {matched && <th>{t('import.preview.problem')}</th>}
            {matched && <th>{t('import.preview.departments')}</th>}
            <th>{t('import.preview.issues')}</th>
          </tr>
        </thead>
        <tbody>
          {plan.preview.map((row) => (
            <tr key={row.row} className={`transfer-row transfer-row--${row.op}`} data-row={row.row}>
              <th scope="row">{row.row}</th>
              <td>{t(`import.op.${row.op}`)}</td>
              {cells.map((i) => (
                <td key={i} className="transfer-table__cell">
                  {row.cells[i] ?? ''}
                </td>
              ))}
              {matched && (
                <td className="transfer-table__cell" data-col="problem">
                  {row.match?.problem ? named(row.match.problem) : ''}
                </td>
              )}
              {matched && (
                <td className="transfer-table__cell" data-col="departments">
                  {(row.match?.departments ?? []).map(named).join('、')}
                </td>
              )}
              <td>
                {row.issues.map((issue, n) => (
                  <div key={n} className={`transfer-issue transfer-issue--${issue.severity}`}>
                    {t('import.issueText', { column: issue.column, reason: describeReason(t, issue) })}
                  </div>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {plan.preview.length < counts.rows && <p className="note">{t('import.preview.more', { shown: plan.preview.length, rows: counts.rows })}</p>}
    </>
  );
}
