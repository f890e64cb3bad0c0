// A coordinator's decision on a conflict: keep the value that stands, take the other one, or write a new one.
// Taking or editing is an ordinary change with its own sequence number, pulled by every device.
import { newId } from '#shared/model/ids.ts';
import { mergeMutation } from '#shared/sync/merge.ts';
import type { Reason, ResolveRequest } from '#shared/sync/protocol.ts';
import type { SessionUser } from '#shared/auth/permissions.ts';
import type { SyncStore } from '#server/store/sync-store.ts';
import { auditRows } from './audit.ts';

export type ResolveOutcome = { ok: true; seq?: number } | { ok: false; status: 404 | 409 | 422; reason: Reason };

export async function resolveConflict(store: SyncStore, conflictId: string, request: ResolveRequest, now: string, user: SessionUser): Promise<ResolveOutcome> {
  return store.write(async (tx) => {
    const conflict = await tx.getConflict(conflictId);
    if (!conflict) return { ok: false, status: 404, reason: { code: 'missing' } };
    if (conflict.status !== 'open') return { ok: false, status: 409, reason: { code: 'exists' } };
    let seq: number | undefined;
    if (request.action !== 'keep') {
      const current = await tx.getRecord(conflict.entity, conflict.recordId);
      if (!current) return { ok: false, status: 404, reason: { code: 'missing' } };
      const value = request.action === 'take' ? conflict.clientValue : request.value;
      const mutation = {
        mutationId: newId(),
        clientId: conflict.clientId,
        entity: conflict.entity,
        id: conflict.recordId,
        op: 'update' as const,
        fields: { [conflict.field]: value },
        // Decided on the record as it stands now: not a concurrent change.
        baseVersion: current.version,
        actor: user.displayName,
        at: now,
      };
      seq = tx.startSeq + 1;
      const outcome = mergeMutation(current, mutation, seq);
      if (outcome.kind === 'rejected') return { ok: false, status: 422, reason: outcome.reason };
      if (outcome.next) {
        await tx.putRecord(conflict.entity, conflict.recordId, outcome.next);
        await tx.appendAudit(auditRows(mutation, user, current, outcome.next, seq, now));
        await tx.appendChange({ seq, entity: conflict.entity, record_id: conflict.recordId, op: 'update', fields: JSON.stringify(mutation.fields), mutation_id: mutation.mutationId, client_id: null, actor: user.displayName, at: now, received_at: now });
        await tx.setSeq(seq);
      } else seq = undefined;
    }
    await tx.resolveConflict(conflictId, request.action, user.displayName, now);
    return { ok: true, seq };
  });
}
