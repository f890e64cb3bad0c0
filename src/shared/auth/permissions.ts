// Who may change what: one rule, enforced by the server on every pushed change and used by the client to
// make read-only what the user may not edit.
import { z } from 'zod';
import type { EntityName } from '../model/entities.ts';
import { idSchema } from '../model/ids.ts';
import { attachmentHashes } from '../model/attachment.ts';
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
/** What staff of a cooperating (配合) unit may change on a measure they support: notes and files, added. */
const COOPERATING_FIELDS = new Set(['progressLog', 'progressNote', 'progressNoteDate', 'attachments']);

/**
 * 管理员 admin and 协调员 coordinator change anything; 部门填报员 staff change the measures their own
 * departments lead (not the deadline, the problem or the lead, never closing 销号 or reopening, never
 * deleting, never deciding an extension request or a 核实销号 step beyond applying, never issuing 督办), and add
 * measures for them (with no deadline, not already done, and not under an id another department's deleted
 * measure had), and add notes and files to the measures their departments support (配合) without touching the
 * lead's fields; 查看者 viewer changes nothing. `before` is the record as it stood, `after` as it would be,
 * `deleted` what a deleted record with that id held.
 */
export function checkChange(user: SessionUser, entity: EntityName, before: Loose, after: Loose, fields: readonly string[], deleted: Loose = null): Decision {
  // An issued bulletin is a record of what was circulated: a coordinator issues it, nobody changes or deletes it.
  if (entity === 'bulletin') return !before && !deleted && after && (user.role === 'admin' || user.role === 'coordinator') ? allow : deny();
  if (user.role === 'admin' || user.role === 'coordinator') return allow;
  if (user.role === 'viewer' || entity !== 'measure') return deny();
  if (!after) return deny();
  const leads = (record: Loose) => typeof record?.leadDepartmentId === 'string' && user.departmentIds.includes(record.leadDepartmentId);
  // A unit speaks for itself only: a note naming a unit names one of the author's.
  if (fields.includes('progressLog') && !newEntries(before, after, 'progressLog').every((e) => e.departmentId === undefined || (typeof e.departmentId === 'string' && user.departmentIds.includes(e.departmentId)))) return deny('progressLog');
  if (before && !leads(before)) return supports(user, before) && supports(user, after) ? cooperating(before, after, fields) : deny('leadDepartmentId');
  if (!leads(after)) return deny('leadDepartmentId');
  if (before) {
    const locked = fields.find((f) => COORDINATOR_FIELDS.has(f));
    if (locked) return deny(locked);
  } else {
    // A deleted measure of another department is not brought back under one's own by creating its id again.
    if (deleted && !leads(deleted)) return deny('leadDepartmentId');
    if (after.deadline !== null && after.deadline !== undefined && after.deadline !== '') return deny('deadline');
    if (typeof after.status === 'string' && DONE_STATUSES.has(after.status)) return deny('status');
  }
  if (fields.includes('status') && (after.status === 'closed' || before?.status === 'closed')) return deny('status');
  // A department asks for more time (or withdraws the asking); deciding is a coordinator's part.
  if (fields.includes('extensions') && !onlyRequests(extensionsOf(before), extensionsOf(after))) return deny('extensions');
  // The unit applies for 销号; verifying, returning and 回头看 are a coordinator's, as is issuing 督办.
  if (fields.includes('reviews') && !newEntries(before, after, 'reviews').every((e) => e.step === 'apply')) return deny('reviews');
  if (fields.includes('notices')) return deny('notices');
  return allow;
}

function supports(user: SessionUser, record: Loose): boolean {
  const ids = Array.isArray(record?.cooperatingDepartmentIds) ? (record.cooperatingDepartmentIds as unknown[]) : [];
  return ids.some((id) => typeof id === 'string' && user.departmentIds.includes(id));
}

/** A cooperating unit's staff: notes and files only, and no file of another's taken away. */
function cooperating(before: Loose, after: Loose, fields: readonly string[]): Decision {
  const other = fields.find((f) => !COOPERATING_FIELDS.has(f));
  if (other) return deny(other);
  // 最新进展 follows the log: it may change only with a note.
  if ((fields.includes('progressNote') || fields.includes('progressNoteDate')) && !fields.includes('progressLog')) return deny('progressNote');
  const kept = new Set(attachmentHashes(after?.attachments));
  if (attachmentHashes(before?.attachments).some((h) => !kept.has(h))) return deny('attachments');
  return allow;
}

/** Entries of a list in `after` that `before` did not hold. */
function newEntries(before: Loose, after: Loose, field: string): Record<string, unknown>[] {
  const list = (r: Loose) => (Array.isArray(r?.[field]) ? (r[field] as Record<string, unknown>[]) : []);
  const known = new Set(list(before).map((e) => e.id));
  return list(after).filter((e) => !known.has(e.id));
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

/** Whether the user may add progress notes (and files) to the measure: its lead unit's staff, or a supporting unit's. */
export function canAddNotes(user: SessionUser | null, record: Loose): boolean {
  return canEditField(user, 'measure', record, 'progressLog');
}

/** Whether the user verifies (通过 / 退回), schedules 回头看 and issues 督办: a coordinator. */
export function canVerify(user: SessionUser | null): boolean {
  return user?.role === 'admin' || user?.role === 'coordinator';
}
