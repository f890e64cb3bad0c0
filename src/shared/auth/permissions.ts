// Who may change what: one rule, enforced by the server on every pushed change and used by the client to
// make read-only what the user may not edit.
import { z } from 'zod';
import type { EntityName } from '../model/entities.ts';
import { idSchema } from '../model/ids.ts';
import { type Extension, onlyRequests } from '../model/measure-history.ts';

export const roles = ['admin', 'coordinator', 'staff', 'viewer'] as const;
export type Role = (typeof roles)[number];

export const sessionUserSchema = z.object({
  id: idSchema,
  username: z.string(),
  displayName: z.string(),
  role: z.enum(roles),
  departmentIds: z.array(idSchema),
  /** The password was handed out (a new account, a reset): it must be changed before anything else. */
  mustChangePassword: z.boolean().optional(),
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

/** Fields only a coordinator sets: the deadline, where a measure belongs, and who leads it. */
const COORDINATOR_FIELDS = new Set(['deadline', 'problemId', 'leadDepartmentId']);

export type Decision = { ok: true } | { ok: false; field?: string };
type Loose = Record<string, unknown> | null | undefined;

const allow: Decision = { ok: true };
const deny = (field?: string): Decision => ({ ok: false, field });

/** Statuses a measure may not be created in by staff: being done is something a measure becomes. */
const DONE_STATUSES = new Set(['completed', 'closed']);

/**
 * 管理员 admin and 协调员 coordinator change anything; 部门填报员 staff change the measures their own
 * departments lead (not the deadline, the problem or the lead, never closing 销号 or reopening, never
 * deleting, never deciding an extension request), and add measures for them (with no deadline, not already
 * done, and not under an id another department's deleted measure had); 查看者 viewer changes nothing.
 * `before` is the record as it stood, `after` as it would be, `deleted` what a deleted record with that id held.
 */
export function checkChange(user: SessionUser, entity: EntityName, before: Loose, after: Loose, fields: readonly string[], deleted: Loose = null): Decision {
  if (user.role === 'admin' || user.role === 'coordinator') return allow;
  if (user.role === 'viewer' || entity !== 'measure') return deny();
  if (!after) return deny();
  const mine = (record: Loose) => typeof record?.leadDepartmentId === 'string' && user.departmentIds.includes(record.leadDepartmentId);
  if (before && !mine(before)) return deny('leadDepartmentId');
  if (!mine(after)) return deny('leadDepartmentId');
  if (before) {
    const locked = fields.find((f) => COORDINATOR_FIELDS.has(f));
    if (locked) return deny(locked);
  } else {
    // A deleted measure of another department is not brought back under one's own by creating its id again.
    if (deleted && !mine(deleted)) return deny('leadDepartmentId');
    if (after.deadline !== null && after.deadline !== undefined && after.deadline !== '') return deny('deadline');
    if (typeof after.status === 'string' && DONE_STATUSES.has(after.status)) return deny('status');
  }
  if (fields.includes('status') && (after.status === 'closed' || before?.status === 'closed')) return deny('status');
  // A department asks for more time (or withdraws the asking); deciding is a coordinator's part.
  if (fields.includes('extensions') && !onlyRequests(extensionsOf(before), extensionsOf(after))) return deny('extensions');
  return allow;
}

function extensionsOf(record: Loose): Extension[] {
  return Array.isArray(record?.extensions) ? (record.extensions as Extension[]) : [];
}

/** Whether the user may decide extension requests (approve or refuse). */
export function canDecideExtensions(user: SessionUser | null): boolean {
  return user?.role === 'admin' || user?.role === 'coordinator';
}

/** Whether the user may edit this field of this record (the grid's read-only cells). */
export function canEditField(user: SessionUser | null, entity: EntityName, record: Loose, field: string): boolean {
  if (!user) return false;
  return checkChange(user, entity, record, record, [field]).ok;
}

export function canResolveConflicts(user: SessionUser): boolean {
  return user.role === 'admin' || user.role === 'coordinator';
}

export function canManageUsers(user: SessionUser): boolean {
  return user.role === 'admin';
}

export function canCreate(user: SessionUser | null, entity: EntityName): boolean {
  if (!user) return false;
  return user.role === 'admin' || user.role === 'coordinator' || (user.role === 'staff' && entity === 'measure');
}

export function canDelete(user: SessionUser | null): boolean {
  return user?.role === 'admin' || user?.role === 'coordinator';
}

/** Whether the user may clear (and restore) the shared ledger's contents: an administrator's server action. */
export function canClearLedger(user: SessionUser | null): boolean {
  return user?.role === 'admin';
}

/** Whether the user may bring in another device's exported unsynced changes (each still checked as its author's). */
export function canCarryChanges(user: SessionUser | null): boolean {
  return user?.role === 'admin' || user?.role === 'coordinator';
}
