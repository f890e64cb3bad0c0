// The sync API over HTTP, every answer checked against the shared protocol schemas.
import type { z } from 'zod';
import {
  type AuditEntry,
  auditEntrySchema,
  type CarryRequest,
  type LedgerClear,
  ledgerClearSchema,
  type LedgerInfo,
  ledgerInfoSchema,
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
  type Reason,
  reasonSchema,
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
  /** How much of a file the server holds. */
  fileState: (hash: string) => Promise<FileState>;
  /** Sends one piece of a file; answers how much the server holds after it. */
  uploadPart: (hash: string, offset: number, total: number, piece: Blob) => Promise<FileState>;
  downloadFile: (hash: string) => Promise<Blob>;
  /** Any other JSON endpoint (accounts, passwords), its answer checked with the schema given. */
  api: <T>(path: string, schema: z.ZodType<T>, init?: RequestInit) => Promise<T>;
  /** The server's ledger: its name, and whether it is a demonstration. */
  ledgerInfo: () => Promise<LedgerInfo>;
  /** A coordinator brings in changes exported on another device. */
  carry: (request: CarryRequest) => Promise<PushResponse>;
  /** An administrator clears the shared ledger (typing its name), lists the clearings, restores one. */
  clearLedger: (confirm: string) => Promise<{ count: number }>;
  ledgerClears: () => Promise<LedgerClear[]>;
  restoreClear: (id: string) => Promise<{ count: number }>;
};

export type FileState = { complete: boolean; received: number };
const fileStateSchema = zod.object({ complete: zod.boolean(), received: zod.number().int().min(0) });

/** The server answered, but not with success: the status and its message. */
export class SyncHttpError extends Error {
  readonly status: number;
  /** The server's code for the refusal (fileType, fileTooLarge, offset …), when it gave one. */
  readonly code: string | undefined;
  /** Why a change was refused, in the protocol's terms (a conflict resolution that no longer fits). */
  readonly reason: Reason | undefined;
  constructor(status: number, message: string, code?: string, reason?: Reason) {
    super(message);
    this.name = 'SyncHttpError';
    this.status = status;
    this.code = code;
    this.reason = reason;
  }
}

export function createHttpTransport(baseUrl = '', fetchFn: typeof fetch = (input, init) => fetch(input, init)): SyncTransport {
  async function send(path: string, init?: RequestInit, headers: Record<string, string> = {}): Promise<Response> {
    const response = await fetchFn(`${baseUrl}${path}`, {
      ...init,
      // The header no cross-site form can send: the server refuses changes without it (CSRF).
      headers: { [CSRF_HEADER]: '1', ...(typeof init?.body === 'string' ? { 'content-type': 'application/json' } : {}), ...headers },
      cache: 'no-store',
      credentials: 'same-origin',
    });
    if (!response.ok) {
      const text = await response.text();
      let message = text;
      let code: string | undefined;
      let reason: Reason | undefined;
      try {
        const body = JSON.parse(text) as { message?: string; error?: string; reason?: unknown };
        message = body.message ?? text;
        code = body.error;
        const parsed = reasonSchema.safeParse(body.reason);
        if (parsed.success) reason = parsed.data;
      } catch {
        // not JSON: keep the text
      }
      throw new SyncHttpError(response.status, message, code, reason);
    }
    return response;
  }
  async function call<T>(path: string, schema: z.ZodType<T>, init?: RequestInit, headers?: Record<string, string>): Promise<T> {
    const response = await send(path, init, headers);
    return schema.parse(JSON.parse(await response.text()));
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
    fileState: (hash) => call(`/api/attachments/${hash}/state`, fileStateSchema),
    uploadPart: (hash, offset, total, piece) =>
      call(`/api/attachments/${hash}?offset=${offset}`, fileStateSchema, { method: 'PUT', body: piece }, { 'content-type': 'application/octet-stream', 'x-attachment-total': String(total) }),
    downloadFile: async (hash) => (await send(`/api/attachments/${hash}`)).blob(),
    api: (path, schema, init) => call(path, schema, init),
    ledgerInfo: () => call('/api/ledger', ledgerInfoSchema),
    carry: (request) => call('/api/sync/carry', pushResponseSchema, { method: 'POST', body: JSON.stringify(request) }),
    clearLedger: (confirm) => call('/api/ledger/clear', zod.object({ count: zod.number() }), { method: 'POST', body: JSON.stringify({ confirm }) }),
    ledgerClears: async () => (await call('/api/ledger/clears', zod.object({ clears: zod.array(ledgerClearSchema) }))).clears,
    restoreClear: (id) => call(`/api/ledger/clears/${id}/restore`, zod.object({ count: zod.number() }), { method: 'POST', body: '{}' }),
    resolve: async (id, request) => {
      await call(`/api/sync/conflicts/${id}/resolve`, zod.object({ ok: zod.literal(true) }).passthrough(), { method: 'POST', body: JSON.stringify(request) });
    },
  };
}
