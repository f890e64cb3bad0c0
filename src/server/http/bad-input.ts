// Bad input is answered, never crashed on: JSON bodies nested deeper than any real request are refused before
// parsing (deep values would overflow the stack in comparisons), and every failure answers with a stable code
// the client's catalogue can word, never with internals (database codes, stack traces, framework codes).
import type { FastifyError, FastifyInstance } from 'fastify';
import { isUnavailable } from '#server/store/availability.ts';
import { RETRY_AFTER_SECONDS, UNAVAILABLE_BODY } from './outage.ts';

/** Deeper than any request the app sends (a push is about six levels deep). */
export const MAX_JSON_DEPTH = 32;

/** The deepest nesting of arrays and objects in a JSON text, counted without parsing; stops once past `limit`. */
export function jsonDepth(text: string, limit = MAX_JSON_DEPTH): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: the next character is escaped
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      depth++;
      if (depth > deepest) deepest = depth;
      if (deepest > limit) return deepest;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return deepest;
}

// Fastify's own refusals, as the stable codes the rest of the API uses.
const FRAMEWORK_CODES: Record<string, string> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'tooLarge',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupportedMediaType',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'invalid',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'invalid',
  FST_ERR_CTP_INVALID_JSON_BODY: 'invalid',
  FST_ERR_BAD_URL: 'invalid',
};

/** `onUnavailable`: told when a request met a database that is away (health then says so until it answers). */
export function registerBadInput(app: FastifyInstance, onUnavailable: () => void = () => undefined): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = body as string;
    if (jsonDepth(text) > MAX_JSON_DEPTH) {
      done(Object.assign(new Error(`the body is nested deeper than ${MAX_JSON_DEPTH} levels`), { statusCode: 400, code: 'invalid' }), undefined);
      return;
    }
    void parseJson(request, text, done);
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (isUnavailable(error)) {
      onUnavailable();
      // Info, not warn: an outage would print one line per request; the pool's warnings already say it once.
      request.log.info({ err: error }, 'database unavailable');
      return reply.code(503).header('Retry-After', String(RETRY_AFTER_SECONDS)).header('Cache-Control', 'no-store').send(UNAVAILABLE_BODY);
    }
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 600 ? error.statusCode : 500;
    if (status >= 500) {
      request.log.error(error);
      return reply.code(status).send({ error: 'internal', message: 'Internal server error' });
    }
    const code = FRAMEWORK_CODES[error.code] ?? (/^[a-z][A-Za-z]+$/.test(error.code ?? '') ? error.code : status === 401 ? 'unauthenticated' : 'invalid');
    return reply.code(status).send({ error: code, message: error.message });
  });
}
