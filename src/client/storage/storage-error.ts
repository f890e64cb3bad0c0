// Turns the ways IndexedDB fails into the few things a user can be told and act on.
import type { MessageKey, Translate } from '#shared/i18n/translate.ts';

export type StorageErrorCode = 'quota' | 'blocked' | 'connectionLost' | 'unavailable' | 'outdated' | 'failed';

export class StorageError extends Error {
  readonly code: StorageErrorCode;
  constructor(code: StorageErrorCode, detail: string) {
    super(detail);
    this.name = 'StorageError';
    this.code = code;
  }
}

export const storageErrorMessage: Record<StorageErrorCode, MessageKey> = {
  quota: 'storage.quota',
  blocked: 'storage.blocked',
  connectionLost: 'storage.connectionLost',
  unavailable: 'storage.unavailable',
  outdated: 'storage.outdated',
  failed: 'storage.failed',
};

function namesOf(error: unknown): string[] {
  const names: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    const e = current as { name?: unknown; message?: unknown; inner?: unknown };
    if (typeof e.name === 'string') names.push(e.name);
    if (typeof e.message === 'string') names.push(e.message);
    current = e.inner;
  }
  return names;
}

/** Classifies a Dexie or DOM error, looking through Dexie's wrapped `inner` errors. */
export function toStorageError(error: unknown): StorageError {
  if (error instanceof StorageError) return error;
  const names = namesOf(error);
  const has = (pattern: RegExp) => names.some((n) => pattern.test(n));
  const detail = names.join(': ') || String(error);
  if (has(/QuotaExceeded|quota/i)) return new StorageError('quota', detail);
  if (has(/^VersionError$/)) return new StorageError('outdated', detail);
  if (has(/blocked/i)) return new StorageError('blocked', detail);
  // iOS Safari loses its IndexedDB connection after backgrounding ("Connection to Indexed Database server
  // lost"); Dexie reports a closed database when the tab was told to close for an upgrade elsewhere.
  if (has(/Connection to Indexed Database server lost|DatabaseClosed|database connection is closing|UnknownError/i)) {
    return new StorageError('connectionLost', detail);
  }
  if (has(/MissingAPI|InvalidAccess|SecurityError|OpenFailed/)) return new StorageError('unavailable', detail);
  return new StorageError('failed', detail);
}

/** The words for a storage failure, from the message catalogue. */
export function describeStorageError(t: Translate, error: unknown): string {
  const e = error instanceof StorageError ? error : toStorageError(error);
  return t(storageErrorMessage[e.code], { detail: e.message });
}
