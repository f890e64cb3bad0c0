// A server's refusal or failure in the user's words: the server's stable error code looked up in the catalogue
// (server.<code>, or a field error's error.<code>), else what its HTTP status means. Never its English message,
// never "Failed to fetch".
import { describeReason } from '#shared/i18n/describe-error.ts';
import { isMessageKey, type MessageKey, type Translate } from '#shared/i18n/translate.ts';
import type { FieldError } from '#shared/model/field-error.ts';
import { SyncHttpError } from './transport.ts';

/** The parts of a failure the words depend on: none for a network that did not answer. */
export type ServerFailure = { status?: number; code?: string };

export function describeServerError(t: Translate, error: unknown): string {
  return describeFailure(t, error instanceof SyncHttpError ? { status: error.status, code: error.code } : {});
}

export function describeFailure(t: Translate, { status, code }: ServerFailure): string {
  if (status === undefined) return t('server.unreachable');
  if (code && isMessageKey(`server.${code}`)) return t(`server.${code}` as MessageKey);
  if (code && isMessageKey(`error.${code}`)) return describeReason(t, { code: code as FieldError['code'] });
  if (status === 401) return t('server.unauthenticated');
  if (status === 403) return t('server.forbidden');
  if (status === 404) return t('server.missing');
  if (status === 409) return t('server.exists');
  if (status === 413) return t('server.tooLarge');
  if (status === 429) return t('server.tooManyAttempts');
  if (status >= 500) return t('server.failed', { status });
  return t('server.refused', { status });
}
