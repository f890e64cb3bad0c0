// The server's word on who wrote each entry inside a record and when: notes (by, at), extension requests
// (requestedBy, requestedAt) and their decisions (decidedBy, decidedAt), strikes (struckBy, struckAt) come from
// the session and the server's clock, whatever the device put there. Removing or rewriting an entry is refused;
// acting on another user's entry is a coordinator's part. The rules themselves are shared (shared/sync/entries.ts).
import { canDecideExtensions, type SessionUser } from '#shared/auth/permissions.ts';
import type { StoredRecord } from '#shared/sync/merge.ts';
import { receiveEntries, type ReceivedEntries } from '#shared/sync/entries.ts';
import type { Mutation } from '#shared/sync/protocol.ts';

export function stampEntries(current: StoredRecord | null, mutation: Mutation, user: SessionUser, receivedAt: string): ReceivedEntries {
  return receiveEntries(current, mutation, { actor: user.displayName, now: receivedAt, actsForOthers: canDecideExtensions(user) });
}
