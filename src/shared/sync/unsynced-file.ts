// The file 导出未同步的修改 writes, and its reading: a device's changes not yet on the server (with the photos
// they name), to be carried to the server by a coordinator when the device has no network. Read by the browser
// and by the command line alike.
import { z } from 'zod';
import { hashSchema } from '../model/attachment.ts';
import { idSchema } from '../model/ids.ts';
import { timestampSchema } from '../model/record.ts';
import { type CarryRequest, MAX_PUSH, type MutationResult, mutationSchema } from './protocol.ts';

export const unsyncedFileSchema = z.object({
  exportedAt: timestampSchema,
  clientId: idSchema,
  /** Who made the changes: the account signed in on the device (signing out discards what was not sent). */
  account: z.object({ id: idSchema, username: z.string(), displayName: z.string() }).nullable().optional(),
  changes: z.array(z.object({ mutation: mutationSchema }).loose()),
  files: z.array(z.object({ hash: hashSchema, name: z.string(), type: z.string(), base64: z.string() })),
});
export type UnsyncedFile = z.infer<typeof unsyncedFileSchema>;

export type UnsyncedRefusal = 'notJson' | 'notUnsyncedFile' | 'noAccount' | 'foreignChange';

/** The file read and checked: which account made its changes, and the pushes that carry them (at most MAX_PUSH each). */
export function parseUnsyncedFile(text: string): { ok: true; file: UnsyncedFile; requests: CarryRequest[] } | { ok: false; code: UnsyncedRefusal } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, code: 'notJson' };
  }
  const parsed = unsyncedFileSchema.safeParse(json);
  if (!parsed.success) return { ok: false, code: 'notUnsyncedFile' };
  const file = parsed.data;
  // Files written before the account was recorded cannot say whose permissions apply: export them again.
  if (!file.account) return { ok: false, code: 'noAccount' };
  const mutations = file.changes.map((c) => c.mutation);
  if (mutations.some((m) => m.clientId !== file.clientId)) return { ok: false, code: 'foreignChange' };
  const requests: CarryRequest[] = [];
  for (let i = 0; i < mutations.length; i += MAX_PUSH) requests.push({ author: file.account.id, clientId: file.clientId, mutations: mutations.slice(i, i + MAX_PUSH) });
  return { ok: true, file, requests };
}

export type CarrySummary = { applied: number; already: number; conflicts: number; refused: MutationResult[] };

/** What an import of the file did: changes taken in now, already on the server before, conflicts, refusals. */
export function summarizeCarry(results: readonly MutationResult[]): CarrySummary {
  const summary: CarrySummary = { applied: 0, already: 0, conflicts: 0, refused: [] };
  for (const r of results) {
    const outcome = r.status === 'duplicate' ? r.first : r.status;
    if (outcome === 'rejected') summary.refused.push(r);
    else if (r.status === 'duplicate') summary.already++;
    else summary.applied++;
    if (outcome === 'conflict') summary.conflicts++;
  }
  return summary;
}
