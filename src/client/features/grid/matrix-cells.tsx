// The matrix's cells: a unit's role and its measures' progress, the totals row's counts, an area's group row.
import type { ICellRendererParams } from 'ag-grid-community';
import type { Translate } from '#shared/i18n/translate.ts';
import type { Area } from '#shared/model/area.ts';
import { isReportedRole, type Problem, type Role } from '#shared/model/problem.ts';
import type { WarningLight } from '#shared/model/warning.ts';

export type MatrixRow = Problem | Area;
export type CellStats = { done: number; total: number; light: WarningLight };
export type Stats = Map<string, Map<string, CellStats>>;
/** Read through refs: the numbers change with every save, the columns do not. */
export type MatrixContext = {
  stats: { current: Stats };
  counts: { current: ReadonlyMap<string, number> };
  areaSizes: { current: ReadonlyMap<string, number> };
  t: Translate;
};

/** The pinned row at the bottom: per unit, how many problems it holds a role on. */
export const TOTALS_ID = 'matrix-totals';
export const totalsRow: Area = { id: TOTALS_ID, seq: 999, name: '', createdAt: '', createdBy: '', updatedAt: '', updatedBy: '', rev: 0 };

export const isProblemRow = (row: MatrixRow | undefined): row is Problem => row !== undefined && 'areaId' in row;
export const isAreaRow = (row: MatrixRow | undefined): row is Area => row !== undefined && !('areaId' in row) && row.id !== TOTALS_ID;
export const isTotalsRow = (row: MatrixRow | undefined): boolean => row?.id === TOTALS_ID;

export function MatrixCell(p: ICellRendererParams<MatrixRow, Role | number | null, MatrixContext>) {
  const { stats, t } = p.context;
  const departmentId = p.colDef?.colId ?? '';
  if (isTotalsRow(p.data)) return <span className="matrix-cell__total">{t('matrix.totalCell', { count: Number(p.value ?? 0) })}</span>;
  if (!isProblemRow(p.data)) return null;
  const cell = stats.current.get(p.data.id)?.get(departmentId);
  // A role read from a report rather than listed in 附件1 says so, until someone sets the cell.
  const reported = isReportedRole(p.data, departmentId);
  const role = typeof p.value === 'string' ? p.value : null;
  return (
    <span className="matrix-cell__content">
      {role && (
        <span className="matrix-cell__role">
          {t(`role.${role}`)}
          {reported && (
            <span className="matrix-cell__mark" title={t('matrix.reportedHint')}>
              {t('matrix.reportedMark')}
            </span>
          )}
        </span>
      )}
      {cell && <span className="matrix-cell__progress">{t('matrix.progress', { done: cell.done, total: cell.total })}</span>}
    </span>
  );
}

/** An area's group row, across the whole width: its name and how many problems it has. */
export function AreaGroupRow(p: ICellRendererParams<MatrixRow, unknown, MatrixContext>) {
  if (!isAreaRow(p.data)) return null;
  const count = p.context.areaSizes.current.get(p.data.id) ?? 0;
  return (
    <div className="matrix-area" role="gridcell" data-testid="matrix-area">
      {p.context.t('matrix.areaRow', { name: p.data.name, count })}
    </div>
  );
}
