// Why a cell is read-only for the signed-in user, from the shared permission rule (shared/auth/permissions.ts):
// the words a locked cell carries and the toast when someone types, pastes, fills or deletes into it.
import { canEditField, checkChange, type SessionUser } from '#shared/auth/permissions.ts';
import { fieldLabel } from '#shared/i18n/describe-error.ts';
import type { Translate } from '#shared/i18n/translate.ts';
import type { EntityName } from '#shared/model/entities.ts';
import { canTransition, type Status } from '#shared/model/status.ts';
import { checkSteps } from '#shared/model/supervision-steps.ts';

/** otherUnit: another unit leads the measure (其他单位牵头); coordinator: only a coordinator changes it (需要协调员). */
export type ReadOnlyReason = 'otherUnit' | 'coordinator' | 'viewer' | 'signedOut';
type Loose = Record<string, unknown> | null | undefined;

/** Null when the user may edit this field of this record; otherwise why not. */
export function readOnlyReason(user: SessionUser | null, entity: EntityName, record: Loose, field: string): ReadOnlyReason | null {
  if (canEditField(user, entity, record, field)) return null;
  if (!user) return 'signedOut';
  if (user.role === 'viewer') return 'viewer';
  const lead = record?.leadDepartmentId;
  // A staff member's own unit leads it: what is left is a coordinator's part (deadline, lead, 销号 …).
  if (entity === 'measure' && typeof lead === 'string' && !user.departmentIds.includes(lead)) return 'otherUnit';
  return 'coordinator';
}

/** The short words a locked cell carries (its title and what a screen reader hears): 只读 · 其他单位牵头. */
export function readOnlyLabel(t: Translate, reason: ReadOnlyReason): string {
  return t(`readonly.short.${reason}`);
}

/** The toast: which row and field, and why, e.g. 不能修改“责任人”：此措施由其他单位（市发展改革委）牵头. */
export function describeReadOnly(t: Translate, reason: ReadOnlyReason, at: { entity: EntityName; field: string; unit?: string; fieldName?: string }): string {
  const field = at.fieldName ?? fieldLabel(t, at.entity, at.field);
  if (reason === 'otherUnit') return t(at.unit ? 'readonly.otherUnitNamed' : 'readonly.otherUnit', { field, unit: at.unit ?? '' });
  return t(`readonly.${reason}`, { field });
}

/** Why the status editor does not offer `to` from the record's status, or null when it may. */
export function refusedStatus(user: SessionUser | null, entity: EntityName, record: Record<string, unknown>, to: Status): 'lifecycle' | 'review' | 'coordinator' | null {
  const from = record.status as Status;
  if (to === from) return null;
  if (!canTransition(from, to)) return 'lifecycle';
  const after = { ...record, status: to };
  // 已销号 is reached only through 核实销号 (申请销号 → 通过), never picked from a list.
  if (entity === 'measure' && checkSteps(record, after) !== null) return 'review';
  if (!user || !checkChange(user, entity, record, after, ['status']).ok) return 'coordinator';
  return null;
}
