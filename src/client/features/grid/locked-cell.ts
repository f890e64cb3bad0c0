// The toast for an attempt to change a read-only cell (typing, Delete, paste, fill, a double-click): which field,
// and why — another unit leads the measure (named), or it is a coordinator's to change.
import type { Column, IRowNode } from 'ag-grid-community';
import type { SessionUser } from '#shared/auth/permissions.ts';
import type { Translate } from '#shared/i18n/translate.ts';
import type { RecordCache } from '#client/storage/record-cache.ts';
import type { ColumnContext } from './columns.ts';
import { describeReadOnly, readOnlyReason } from './read-only-reason.ts';

/** Null when the cell is editable by the user, or is not a field of a record (computed columns say nothing). */
export function lockedCellMessage(t: Translate, user: SessionUser | null, cache: RecordCache, node: IRowNode, column: Column): string | null {
  const context = column.getColDef().context as ColumnContext | undefined;
  const data = node.data as Record<string, unknown> | undefined;
  if (!context || !data || column.getColDef().editable === false) return null;
  const reason = readOnlyReason(user, context.entity, data, context.field);
  if (!reason) return null;
  const lead = typeof data.leadDepartmentId === 'string' ? cache.get('department', data.leadDepartmentId) : undefined;
  // The matrix's columns are units, named by their header.
  const fieldName = context.kind === 'role' ? column.getColDef().headerName : undefined;
  return describeReadOnly(t, reason, { entity: context.entity, field: context.field, fieldName, unit: lead?.name });
}
