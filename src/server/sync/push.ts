// Takes in a push: each mutation once, in order, checked against the permission rule, merged field by field
// (shared/sync/merge.ts), references and files checked, losing values kept as conflicts. A large push is applied in
// chunks of PUSH_CHUNK mutations, one transaction each (commit order = sequence order), the event loop yielding
// between them, so that another user's request waits at most one chunk; the answer names every mutation of the
// chunks that committed. Who and when are the session's and the server clock's.
import { checkChange, type SessionUser } from '#shared/auth/permissions.ts';
import { attachmentHashes } from '#shared/model/attachment.ts';
import { entityReferences } from '#shared/model/entities.ts';
import { newId } from '#shared/model/ids.ts';
import { overlay } from '#shared/model/overlay.ts';
import { mergeMutation } from '#shared/sync/merge.ts';
import type { Mutation, MutationResult, PushRequest, Reason } from '#shared/sync/protocol.ts';
import { isUnavailable } from '#server/store/availability.ts';
import type { SyncStore, SyncTx } from '#server/store/sync-store.ts';
import { auditRows, type ImportSource, importAuditRow } from './audit.ts';
import { stampEntries } from './stamp.ts';

/** Mutations per transaction: a chunk of new measures is some 2,800 rows, a few tens of milliseconds to write. */
export const PUSH_CHUNK = 100;

/** `incomplete`: the database went away after some chunks committed; `results` names those, the rest are to resend. */
export type PushOutcome = { ok: true; results: MutationResult[]; incomplete?: 'unavailable' } | { ok: false; error: 'foreignClient' };

// Twice: a chunk that ends in the poll phase would otherwise run the next one before polling for new requests.
const nextTurn = () => new Promise<void>((resolve) => setImmediate(() => setImmediate(resolve)));

export async function applyPush(store: SyncStore, request: PushRequest, receivedAt: string, user: SessionUser, chunk = PUSH_CHUNK): Promise<PushOutcome> {
  const results: MutationResult[] = [];
  for (let start = 0; start < request.mutations.length; start += chunk) {
    const part = request.mutations.slice(start, start + chunk);
    let applied: MutationResult[] | null;
    try {
      applied = await store.write(async (tx) => {
        // A device id is the account's that first pushed with it: speaking as someone else's device would make
        // one's changes look like theirs to the merge (never concurrent with their own).
        if (start === 0 && (await tx.bindClient(request.clientId, user.id, receivedAt)) !== user.id) return null;
        return applyMutations(tx, part, receivedAt, user);
      });
    } catch (error) {
      // What committed stands and is said; the device keeps the rest and sends it again (mutation ids: once).
      if (start > 0 && isUnavailable(error)) return { ok: true, results, incomplete: 'unavailable' };
      throw error;
    }
    if (applied === null) return { ok: false, error: 'foreignClient' };
    results.push(...applied);
    // Between chunks the event loop turns: reads and other users' small pushes are served, and queue their writes
    // before this push's next chunk (better-sqlite3 is synchronous: a chunk holds the process while it runs).
    if (start + chunk < request.mutations.length) await nextTurn();
  }
  return { ok: true, results };
}

export type ApplyOptions = {
  /** The file an import came from: each record it creates is audited once, by the file's name and hash. */
  source?: ImportSource;
  /** Who brought the mutations when it is not their author: a coordinator importing a device's exported changes. */
  carriedBy?: SessionUser;
};

/** Applies mutations inside a write the caller holds, so that a caller may still roll the whole of it back. */
export async function applyMutations(tx: SyncTx, mutations: readonly Mutation[], receivedAt: string, user: SessionUser, options: ApplyOptions = {}): Promise<MutationResult[]> {
  let seq = tx.startSeq;
  const results: MutationResult[] = [];
  // Everything the batch reads, read in a few queries rather than a few per mutation (a 100,000-row import).
  await tx.prefetch?.(mutations);
  for (const mutation of mutations) {
    // A change is the signed-in user's, whatever name the device put on it.
    const result = await applyMutation(tx, { ...mutation, actor: user.displayName }, seq + 1, receivedAt, user, options);
    if (result.seq !== undefined && result.seq > seq) seq = result.seq;
    results.push(result);
  }
  if (seq !== tx.startSeq) await tx.setSeq(seq);
  if (options.source) await tx.appendAudit([importAuditRow(options.source, user, seq, receivedAt, results.filter((r) => r.seq !== undefined).length)]);
  await tx.flush?.();
  return results;
}

/** One mutation through the whole gate (entries stamped, permission, merge, lifecycle, references, files, audit), once. */
export async function applyMutation(tx: SyncTx, m: Mutation, seq: number, receivedAt: string, user: SessionUser, options: ApplyOptions = {}): Promise<MutationResult> {
  const seen = await tx.getMutation(m.mutationId);
  if (seen) {
    const first = JSON.parse(seen.result) as MutationResult;
    return { ...first, status: 'duplicate', first: first.status === 'duplicate' ? undefined : (first.status) };
  }
  const result = await decide(tx, m, seq, receivedAt, user, options);
  // An import's mutations are made on the server and never sent again: nothing to recognise a retry by.
  if (!options.source) await tx.saveMutation({ mutation_id: m.mutationId, client_id: m.clientId, status: result.status, seq: result.seq ?? null, result: JSON.stringify(result), received_at: receivedAt });
  return result;
}

async function decide(tx: SyncTx, given: Mutation, seq: number, receivedAt: string, user: SessionUser, options: ApplyOptions): Promise<MutationResult> {
  const reject = (reason: Reason): MutationResult => ({ mutationId: given.mutationId, status: 'rejected', reason });
  const current = await tx.getRecord(given.entity, given.id);
  // Entries inside the record (notes, requests) are stamped with the session's user and the server's clock.
  const stamped = stampEntries(current, given, user, receivedAt);
  if (!stamped.ok) return reject(stamped.reason);
  const m = stamped.mutation;
  // Checked on what the user asked for, before any merge: a refused change changes nothing.
  const before = current && !current.deleted ? current.data : null;
  const wanted = m.op === 'delete' ? null : overlay(before, m.fields);
  const permission = checkChange(user, m.entity, before, wanted, Object.keys(m.fields), current?.deleted ? current.data : null);
  if (!permission.ok) return reject({ code: 'forbidden', field: permission.field });
  // Times on the record (created, updated, closed 销号) are the server's: a device's clock is only its word.
  const outcome = mergeMutation(current, { ...m, at: receivedAt }, seq);
  if (outcome.kind === 'rejected') return reject(outcome.reason);
  const { next } = outcome;
  const lost = [...stamped.lost, ...outcome.lost];

  if (next && !next.deleted) {
    const targets = entityReferences[m.entity].flatMap((ref) => {
      const value = next.data[ref.field];
      const ids = ref.many ? ((value as string[] | undefined) ?? []) : typeof value === 'string' ? [value] : [];
      return ids.map((id) => ({ entity: ref.target, id, field: ref.field }));
    });
    const live = await tx.liveRecords(targets);
    const missing = targets.find((t) => !live.has(`${t.entity}:${t.id}`));
    if (missing) return reject({ code: 'unknownReference', field: missing.field });
    // A record may only point at files the server has: a device uploads them before the change that refers.
    if ('attachments' in m.fields) {
      const hashes = attachmentHashes(next.data.attachments);
      const stored = await tx.storedAttachments(hashes);
      if (hashes.some((h) => !stored.has(h))) return reject({ code: 'attachmentMissing', field: 'attachments' });
    }
  }
  if (next?.deleted) {
    const count = await tx.countReferrers(m.entity, m.id);
    if (count > 0) return reject({ code: 'inUse', params: { count } });
  }

  const conflicts = lost.map((l) => ({ field: l.field, conflictId: newId() }));
  for (const [i, l] of lost.entries()) {
    await tx.insertConflict(
      {
        id: conflicts[i]!.conflictId,
        entity: m.entity,
        recordId: m.id,
        field: l.field,
        serverValue: l.serverValue,
        // Who set the value that stands: the field's own last author, not the record's last editor.
        serverActor: (await tx.fieldAuthor(m.entity, m.id, l.field)) ?? (typeof current?.data.updatedBy === 'string' ? current.data.updatedBy : ''),
        clientValue: l.clientValue,
        clientActor: m.actor,
        clientId: m.clientId,
        clientAt: m.at,
        createdAt: receivedAt,
        status: 'open',
        resolution: null,
        resolvedBy: null,
        resolvedAt: null,
      },
      next ? seq : seq - 1,
    );
  }
  if (next) {
    await tx.putRecord(m.entity, m.id, next);
    await tx.appendAudit(auditRows(m, user, current, next, seq, receivedAt, options));
    const fields = m.op === 'delete' ? {} : Object.fromEntries(Object.entries(m.fields).filter(([f]) => !lost.some((l) => l.field === f)));
    await tx.appendChange({ seq, entity: m.entity, record_id: m.id, op: m.op, fields: JSON.stringify(fields), mutation_id: m.mutationId, client_id: m.clientId, actor: m.actor, at: m.at, received_at: receivedAt });
  }
  return {
    mutationId: m.mutationId,
    status: conflicts.length > 0 ? 'conflict' : 'applied',
    seq: next ? seq : undefined,
    conflicts: conflicts.length > 0 ? conflicts : undefined,
  };
}
