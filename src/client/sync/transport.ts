// The sync API over HTTP, every answer checked against the shared protocol schemas.
import type { z } from 'zod';
import {
  type AuditEntry,
  auditEntrySchema,
  CSRF_HEADER,
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
import { type SessionUser, sessionUserSchema } from '#shared/auth/permissions.ts';

export type SyncTransport = {
  login: (username: string, password: string) => Promise<SessionUser>;
  me: () => Promise<SessionUser>;
  logout: () => Promise<void>;
  push: (request: PushRequest) => Promise<PushResponse>;
  pull: (after: number, limit: number) => Promise<PullResponse>;
  fetchRecords: (refs: FetchRequest['refs']) => Promise<PulledRecord[]>;
  conflicts: (status: 'open' | 'resolved' | 'all') => Promise<Conflict[]>;
  resolve: (id: string, request: ResolveRequest) => Promise<void>;
  history: (entity: string, id: string) => Promise<AuditEntry[]>;
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
      // The header no cross-site form can send: the server refuses changes without it (CSRF).
      headers: { [CSRF_HEADER]: '1', ...(init?.body ? { 'content-type': 'application/json' } : {}) },
      cache: 'no-store',
      credentials: 'same-origin',
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
  const userResponse = zod.object({ user: sessionUserSchema });
  return {
    login: async (username, password) => (await call('/api/auth/login', userResponse, { method: 'POST', body: JSON.stringify({ username, password }) })).user,
    me: async () => (await call('/api/auth/me', userResponse)).user,
    logout: async () => {
      await call('/api/auth/logout', zod.object({ ok: zod.literal(true) }), { method: 'POST', body: '{}' });
    },
    push: (request) => call('/api/sync/push', pushResponseSchema, { method: 'POST', body: JSON.stringify(request) }),
    pull: (after, limit) => call(`/api/sync/pull?after=${after}&limit=${limit}`, pullResponseSchema),
    fetchRecords: async (refs) => (await call('/api/sync/records', zod.object({ records: zod.array(pulledRecordSchema) }), { method: 'POST', body: JSON.stringify({ refs }) })).records,
    conflicts: async (status) => (await call(`/api/sync/conflicts?status=${status}`, zod.object({ conflicts: zod.array(conflictSchema) }))).conflicts,
    history: async (entity, id) => (await call(`/api/audit?entity=${entity}&id=${id}`, zod.object({ entries: zod.array(auditEntrySchema) }))).entries,
    resolve: async (id, request) => {
      await call(`/api/sync/conflicts/${id}/resolve`, zod.object({ ok: zod.literal(true) }).passthrough(), { method: 'POST', body: JSON.stringify(request) });
    },
  };
}
