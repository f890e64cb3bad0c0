// The sync API over HTTP, every answer checked against the shared protocol schemas.
import type { z } from 'zod';
import {
  type Conflict,
  conflictSchema,
  type FetchRequest,
  type PullResponse,
  pullResponseSchema,
  type PulledRecord,
  pulledRecordSchema,
  type PushRequest,
  type PushResponse,
  pushResponseSchema,
  type ResolveRequest,
} from '#shared/sync/protocol.ts';
import { z as zod } from 'zod';

export type SyncTransport = {
  push: (request: PushRequest) => Promise<PushResponse>;
  pull: (after: number, limit: number) => Promise<PullResponse>;
  fetchRecords: (refs: FetchRequest['refs']) => Promise<PulledRecord[]>;
  conflicts: (status: 'open' | 'resolved' | 'all') => Promise<Conflict[]>;
  resolve: (id: string, request: ResolveRequest) => Promise<void>;
};

/** The server answered, but not with success: the status and its message. */
export class SyncHttpError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.name = 'SyncHttpError';
    this.status = status;
  }
}

export function createHttpTransport(baseUrl = '', fetchFn: typeof fetch = (input, init) => fetch(input, init)): SyncTransport {
  async function call<T>(path: string, schema: z.ZodType<T>, init?: RequestInit): Promise<T> {
    const response = await fetchFn(`${baseUrl}${path}`, {
      ...init,
      headers: init?.body ? { 'content-type': 'application/json' } : undefined,
      cache: 'no-store',
    });
    const text = await response.text();
    if (!response.ok) {
      let message = text;
      try {
        message = (JSON.parse(text) as { message?: string }).message ?? text;
      } catch {
        // not JSON: keep the text
      }
      throw new SyncHttpError(response.status, message);
    }
    return schema.parse(JSON.parse(text));
  }
  return {
    push: (request) => call('/api/sync/push', pushResponseSchema, { method: 'POST', body: JSON.stringify(request) }),
    pull: (after, limit) => call(`/api/sync/pull?after=${after}&limit=${limit}`, pullResponseSchema),
    fetchRecords: async (refs) => (await call('/api/sync/records', zod.object({ records: zod.array(pulledRecordSchema) }), { method: 'POST', body: JSON.stringify({ refs }) })).records,
    conflicts: async (status) => (await call(`/api/sync/conflicts?status=${status}`, zod.object({ conflicts: zod.array(conflictSchema) }))).conflicts,
    resolve: async (id, request) => {
      await call(`/api/sync/conflicts/${id}/resolve`, zod.object({ ok: zod.literal(true) }).passthrough(), { method: 'POST', body: JSON.stringify(request) });
    },
  };
}
