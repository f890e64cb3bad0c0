// A coordinator imports a file another device exported (导出未同步的修改): its photos are uploaded like any
// device's, then its changes are sent to the server, which checks each as its author's and records who carried
// it. Importing the same file again, or the device syncing later by itself, changes nothing twice.
import { parseUnsyncedFile, summarizeCarry, type CarrySummary, type UnsyncedRefusal } from '#shared/sync/unsynced-file.ts';
import type { MutationResult } from '#shared/sync/protocol.ts';
import { refusedForGood, uploadBlob } from './file-upload.ts';
import type { SyncTransport } from './transport.ts';

export type CarryReport = { ok: true; author: string; summary: CarrySummary; filesRefused: string[]; mutations: Map<string, { entity: string; id: string }> } | { ok: false; code: UnsyncedRefusal };

export async function importUnsyncedChanges(transport: SyncTransport, text: string): Promise<CarryReport> {
  const parsed = parseUnsyncedFile(text);
  if (!parsed.ok) return parsed;
  const filesRefused: string[] = [];
  for (const f of parsed.file.files) {
    try {
      await uploadBlob(f.hash, new Blob([fromBase64(f.base64)], { type: f.type }), transport);
    } catch (error) {
      // The change naming it is then refused with the reason; the rest goes in.
      if (refusedForGood(error)) filesRefused.push(f.name);
      else throw error;
    }
  }
  const results: MutationResult[] = [];
  for (const request of parsed.requests) results.push(...(await transport.carry(request)).results);
  const mutations = new Map(parsed.file.changes.map((c) => [c.mutation.mutationId, { entity: c.mutation.entity, id: c.mutation.id }]));
  return { ok: true, author: parsed.file.account?.displayName ?? '', summary: summarizeCarry(results), filesRefused, mutations };
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
