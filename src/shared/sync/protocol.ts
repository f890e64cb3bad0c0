// The sync protocol's messages (docs/sync-protocol.md): what a client pushes, what the server answers,
// what a pull returns. The same schemas validate on both sides.
import { z } from 'zod';
import { entityNames } from '../model/entities.ts';
import { errorCodes } from '../model/field-error.ts';
import { idSchema } from '../model/ids.ts';
import { timestampSchema } from '../model/record.ts';

/**
 * Sent with every API request. A cross-site form or image cannot set a custom header, and the server answers
 * no CORS preflight, so a request carrying it comes from the app itself (see docs/security.md).
 */
export const CSRF_HEADER = 'x-ledger-request';

/** One change made on a device, as it travels: the device's own words for what it did. */
export const mutationSchema = z
  .object({
    /** Unique per mutation, made on the device: a push retried or sent twice is applied once. */
    mutationId: idSchema,
    clientId: idSchema,
    entity: z.enum(entityNames),
    id: idSchema,
    op: z.enum(['create', 'update', 'delete']),
    /** create: every value; update: the fields that changed, with their new values; delete: nothing. */
    fields: z.record(z.string().max(64), z.unknown()),
    /** The server version of the record the device had when the change was made (0: none). */
    baseVersion: z.number().int().min(0),
    actor: z.string().max(100),
    at: timestampSchema,
  })
  .strict();
export type Mutation = z.infer<typeof mutationSchema>;

export const MAX_PUSH = 1_000;

export const pushRequestSchema = z
  .object({ clientId: idSchema, mutations: z.array(mutationSchema).min(1).max(MAX_PUSH) })
  .strict();
export type PushRequest = z.infer<typeof pushRequestSchema>;

export const reasonSchema = z.object({
  code: z.enum([...errorCodes, 'deleted', 'forbidden']),
  field: z.string().optional(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type Reason = z.infer<typeof reasonSchema>;

export const mutationResultSchema = z.object({
  mutationId: idSchema,
  /** applied: all of it stands; conflict: applied except the fields another change got to first;
   *  duplicate: seen before (its first outcome is repeated); rejected: nothing applied, see reason. */
  status: z.enum(['applied', 'conflict', 'duplicate', 'rejected']),
  seq: z.number().int().optional(),
  reason: reasonSchema.optional(),
  conflicts: z.array(z.object({ field: z.string(), conflictId: idSchema })).optional(),
  /** For a duplicate: what the first delivery's outcome was. */
  first: z.enum(['applied', 'conflict', 'rejected']).optional(),
});
export type MutationResult = z.infer<typeof mutationResultSchema>;

/**
 * `results` names the mutations of every chunk the server committed, in order. `incomplete`: the server's database
 * went away after some chunks; the mutations not named were not applied and are to be sent again.
 */
export const pushResponseSchema = z.object({ results: z.array(mutationResultSchema), incomplete: z.literal('unavailable').optional() });
export type PushResponse = z.infer<typeof pushResponseSchema>;

/** A record as the server holds it now; a deleted record comes as a tombstone (deleted, data kept for restore). */
export const pulledRecordSchema = z.object({
  entity: z.enum(entityNames),
  id: idSchema,
  version: z.number().int().min(1),
  deleted: z.boolean(),
  data: z.record(z.string(), z.unknown()),
});
export type PulledRecord = z.infer<typeof pulledRecordSchema>;

export const MAX_PULL = 5_000;

export const fetchRequestSchema = z
  .object({ refs: z.array(z.object({ entity: z.enum(entityNames), id: idSchema }).strict()).min(1).max(MAX_PUSH) })
  .strict();
export type FetchRequest = z.infer<typeof fetchRequestSchema>;

export const pullResponseSchema = z.object({
  records: z.array(pulledRecordSchema),
  /** Pass back as `after` for the next page; everything up to it has been sent. */
  cursor: z.number().int().min(0),
  more: z.boolean(),
});
export type PullResponse = z.infer<typeof pullResponseSchema>;

/** A value that lost to a concurrent change of the same field, kept until a coordinator decides. */
export const conflictSchema = z.object({
  id: idSchema,
  entity: z.enum(entityNames),
  recordId: idSchema,
  field: z.string(),
  /** The value that stands on the server (it arrived first). */
  serverValue: z.unknown(),
  serverActor: z.string(),
  /** The value that arrived later for the same field, from a change that had not seen the first. */
  clientValue: z.unknown(),
  clientActor: z.string(),
  clientId: idSchema,
  clientAt: timestampSchema,
  createdAt: timestampSchema,
  status: z.enum(['open', 'resolved']),
  resolution: z.enum(['keep', 'take', 'edit']).nullable(),
  resolvedBy: z.string().nullable(),
  resolvedAt: timestampSchema.nullable(),
});
export type Conflict = z.infer<typeof conflictSchema>;

/** One field one accepted change altered, with who changed it and when (the audit trail). */
export const auditEntrySchema = z.object({
  seq: z.number(),
  at: z.string(),
  receivedAt: z.string(),
  user: z.string(),
  username: z.string(),
  clientId: z.string().nullable(),
  entity: z.enum(entityNames),
  recordId: z.string(),
  /** restore: brought back by an administrator after a clearing of the shared ledger. */
  op: z.enum(['create', 'update', 'delete', 'restore']),
  field: z.string(),
  oldValue: z.unknown(),
  newValue: z.unknown(),
  mutationId: z.string().nullable(),
  /** The coordinator who imported the change from the author's exported file, if the author's device did not send it. */
  carriedBy: z.string().nullable().optional(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** The resolver is the signed-in user: no name travels in the request. */
export const resolveRequestSchema = z.object({ action: z.enum(['keep', 'take', 'edit']), value: z.unknown().optional() }).strict();
export type ResolveRequest = z.infer<typeof resolveRequestSchema>;

/** What a device learns of the server's ledger: its name, and whether the server runs as a demonstration (LEDGER_DEMO=1). */
export const ledgerInfoSchema = z.object({ name: z.string(), demo: z.boolean() });
export type LedgerInfo = z.infer<typeof ledgerInfoSchema>;

/** An administrator clears the shared ledger by typing its name. */
export const clearRequestSchema = z.object({ confirm: z.string().max(100) }).strict();

/** One clearing of the shared ledger: what it removed is kept, and 恢复 brings it back. */
export const ledgerClearSchema = z.object({
  id: idSchema,
  clearedAt: timestampSchema,
  clearedBy: z.string(),
  count: z.number().int(),
  restoredAt: timestampSchema.nullable(),
  restoredBy: z.string().nullable(),
});
export type LedgerClear = z.infer<typeof ledgerClearSchema>;

/**
 * A coordinator brings in changes a device could not send (its exported file): each is checked with the
 * permissions of `author`, the account that made it, and recorded as carried by the coordinator.
 */
export const carryRequestSchema = z.object({ author: idSchema, clientId: idSchema, mutations: z.array(mutationSchema).min(1).max(MAX_PUSH) }).strict();
export type CarryRequest = z.infer<typeof carryRequestSchema>;
