// Changes carried to the server by someone other than their author: a device without a network exports its
// unsynced changes (导出未同步的修改), and a coordinator imports the file (in the app or on the command line). Each
// change goes through the ordinary push path with the permissions of the account that made it, recorded as
// carried by the coordinator; mutation ids make it idempotent, whether the file comes twice or the device later
// syncs by itself.
import type { SessionUser } from '#shared/auth/permissions.ts';
import type { CarryRequest, MutationResult } from '#shared/sync/protocol.ts';
import { type AccountStore, toSessionUser } from '#server/store/account-store.ts';
import type { SyncStore } from '#server/store/sync-store.ts';
import { applyMutations } from './push.ts';

export type CarryOutcome = { ok: true; results: MutationResult[] } | { ok: false; status: 400 | 403 | 404; code: string; message: string };

export async function carryChanges(store: SyncStore, accounts: AccountStore, request: CarryRequest, carrier: SessionUser, receivedAt: string): Promise<CarryOutcome> {
  const foreign = request.mutations.findIndex((m) => m.clientId !== request.clientId);
  if (foreign >= 0) return { ok: false, status: 400, code: 'invalid', message: `mutations.${foreign}.clientId: differs from the file's clientId` };
  const row = await accounts.findById(request.author);
  if (!row) return { ok: false, status: 404, code: 'unknownAuthor', message: `no account ${request.author}: the changes' author is unknown to this server` };
  // A disabled account has no permissions left: its changes are checked as nobody's.
  if (row.disabled) return { ok: false, status: 403, code: 'authorDisabled', message: `the account ${row.username} that made these changes is disabled` };
  const author = toSessionUser(row);
  const results = await store.write((tx) => applyMutations(tx, request.mutations, receivedAt, author, { carriedBy: carrier }));
  return { ok: true, results };
}
