// The gate every request passes before any route runs: changes need the CSRF header, and everything needs a
// session unless its route is marked open. Decided on the route the router chose (and on the path as a router
// could read it), never on the raw request line, so that no spelling of a path gets past it (docs/security.md).
import { parse as parseCookies } from 'cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { SessionUser } from '#shared/auth/permissions.ts';
import { CSRF_HEADER } from '#shared/sync/protocol.ts';
import { authenticate, SESSION_COOKIE } from '#server/auth/accounts.ts';
import type { AccountStore } from '#server/store/account-store.ts';

declare module 'fastify' {
  interface FastifyRequest {
    user: SessionUser | null;
  }
  interface FastifyContextConfig {
    /** "open": answered without a session. Only sign-in, health and the app's own files say so. */
    access?: 'open';
  }
}

/** Route options for the few routes anyone may call (the allow-list in docs/security.md). */
export const OPEN_ROUTE = { config: { access: 'open' as const } };

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function sessionToken(request: FastifyRequest): string | undefined {
  return parseCookies(request.headers.cookie ?? '')[SESSION_COOKIE];
}

/**
 * The path as the most forgiving router or proxy could read it: scheme and host of an absolute-form target
 * dropped, percent-decoding until stable, backslashes as slashes, empty and dot segments resolved, trailing dots
 * and matrix parameters dropped, lower case. Used only to decide that a request is about the API.
 */
export function lenientPath(target: string): string {
  let path = target.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '');
  path = path.split(/[?#]/)[0] ?? '';
  for (let i = 0; i < 4 && /%[0-9a-f]{2}/i.test(path); i++) {
    try {
      path = decodeURIComponent(path);
    } catch {
      break;
    }
  }
  path = path.split(/[?#]/)[0] ?? '';
  const out: string[] = [];
  for (const raw of path.replace(/\\/g, '/').split('/')) {
    const segment = (raw.split(';')[0] ?? '').toLowerCase();
    if (segment === '..') {
      out.pop();
      continue;
    }
    const trimmed = segment.replace(/[.\s]+$/, '');
    if (trimmed !== '') out.push(trimmed);
  }
  return `/${out.join('/')}`;
}

export const isApiPath = (path: string) => path === '/api' || path.startsWith('/api/');

/** Whether a request may go on without a session: its route is open, and an open page route is not asked for the API. */
function isOpen(request: FastifyRequest): boolean {
  const route = request.routeOptions.url;
  const open = request.routeOptions.config.access === 'open';
  // Unrouted requests (404) are open unless they look like the API: a page path gets the app's shell.
  if (route === undefined) return !isApiPath(lenientPath(request.url));
  if (!open) return false;
  return isApiPath(route) || !isApiPath(lenientPath(request.url));
}

export function registerAccessGate(app: FastifyInstance, accounts: AccountStore): void {
  app.decorateRequest('user', null);
  app.addHook('onRequest', async (request, reply: FastifyReply) => {
    if (!SAFE_METHODS.has(request.method) && request.headers[CSRF_HEADER] !== '1') {
      return reply.code(403).send({ error: 'csrf', message: `requests that change data need the ${CSRF_HEADER} header` });
    }
    if (isOpen(request)) return;
    request.user = (await authenticate(accounts, sessionToken(request), new Date())) ?? null;
    if (!request.user) return reply.code(401).header('Cache-Control', 'no-store').send({ error: 'unauthenticated', message: 'sign in first' });
  });
}
