// A coordinator's decision on a conflict: keep the value that stands, take the other one, or write a new one.
// Taking or editing is a change like any pushed one, through the same gate (permission, lifecycle, references,
// files, audit) in one transaction with marking the conflict resolved; refused whole, with the reason, if the
// value no longer fits the record as it stands.
import type { SessionUser } from '#shared/auth/permissions.ts';
import { newId } from '#shared/model/ids.ts';
import type { Mutation, Reason, ResolveRequest } from '#shared/sync/protocol.ts';
import type { SyncStore } from '#server/store/sync-store.ts';
import { applyMutation } from './push.ts';

export type ResolveOutcome = { ok: true; seq?: number } | { ok: false; status: 404 | 409 | 422; reason: Reason };

/** Thrown inside the write to roll it back: nothing of a refused resolution is kept. */
class Refused extends Error {
  readonly outcome: ResolveOutcome & { ok: false };
  constructor(outcome: ResolveOutcome & { ok: false }) {
    super(outcome.reason.code);
    this.outcome = outcome;
  }
}

export async function resolveConflict(store: SyncStore, conflictId: string, request: ResolveRequest, now: string, user: SessionUser): Promise<ResolveOutcome> {
  try {
    return await store.write(async (tx): Promise<ResolveOutcome> => {
      const conflict = await tx.getConflict(conflictId);
      if (!conflict) return { ok: false, status: 404, reason: { code: 'missing' } };
      if (conflict.status !== 'open') return { ok: false, status: 409, reason: { code: 'exists' } };
      let seq: number | undefined;
      if (request.action !== 'keep') {
        const current = await tx.getRecord(conflict.entity, conflict.recordId);
        if (!current) return { ok: false, status: 404, reason: { code: 'missing' } };
        const mutation: Mutation = {
          mutationId: newId(),
          // The resolution is no device's: a device that had not seen it and changes the field conflicts with it.
          clientId: newId(),
          entity: conflict.entity,
          id: conflict.recordId,
          op: 'update',
          fields: { [conflict.field]: request.action === 'take' ? conflict.clientValue : request.value },
          // Decided on the record as it stands now: not a concurrent change.
          baseVersion: current.version,
          actor: user.displayName,
          at: now,
        };
        const result = await applyMutation(tx, mutation, tx.startSeq + 1, now, user);
        if (result.status === 'rejected') throw new Refused({ ok: false, status: 422, reason: result.reason ?? { code: 'invalid' } });
        seq = result.seq;
        if (seq !== undefined) await tx.setSeq(seq);
      }
      await tx.resolveConflict(conflictId, request.action, user.displayName, now);
      return { ok: true, seq };
    });
  } catch (error) {
    if (error instanceof Refused) return error.outcome;
    throw error;
  }
}
