// Sign-in and the guard on every API route: a session cookie (httpOnly, SameSite=Strict) and, for requests
// that change anything, a header no cross-site form can send (see docs/security.md).
import { parse as parseCookies, serialize } from 'cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { SessionUser } from '#shared/auth/permissions.ts';
import { CSRF_HEADER } from '#shared/sync/protocol.ts';
import { authenticate, hashToken, login, SESSION_COOKIE, SESSION_DAYS } from '#server/auth/accounts.ts';
import type { AccountStore } from '#server/store/account-store.ts';
import { parseOr400 } from './validate.ts';


declare module 'fastify' {
  interface FastifyRequest {
    user: SessionUser | null;
  }
}

/** The signed-in user of a request that passed the guard. */
export function signedIn(request: FastifyRequest): SessionUser {
  if (!request.user) throw Object.assign(new Error('not signed in'), { statusCode: 401 });
  return request.user;
}

const loginSchema = z.object({ username: z.string().min(1).max(100), password: z.string().min(1).max(200) }).strict();
const OPEN_ROUTES = new Set(['/api/health', '/api/auth/login']);

function tokenOf(request: FastifyRequest): string | undefined {
  return parseCookies(request.headers.cookie ?? '')[SESSION_COOKIE];
}

function sessionCookie(request: FastifyRequest, token: string, maxAgeSeconds: number): string {
  return serialize(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    path: '/',
    maxAge: maxAgeSeconds,
    secure: request.protocol === 'https' || process.env.COOKIE_SECURE === '1',
  });
}

export function registerAuth(app: FastifyInstance, accounts: AccountStore): void {
  app.decorateRequest('user', null);
  app.addHook('onRequest', async (request, reply: FastifyReply) => {
    const path = request.url.split('?')[0] ?? '';
    if (!path.startsWith('/api/')) return;
    const unsafe = !['GET', 'HEAD', 'OPTIONS'].includes(request.method);
    if (unsafe && request.headers[CSRF_HEADER] !== '1') {
      return reply.code(403).send({ error: 'csrf', message: `requests that change data need the ${CSRF_HEADER} header` });
    }
    if (OPEN_ROUTES.has(path)) return;
    request.user = (await authenticate(accounts, tokenOf(request), new Date())) ?? null;
    if (!request.user) return reply.code(401).send({ error: 'unauthenticated', message: 'sign in first' });
  });

  app.post('/api/auth/login', async (request, reply) => {
    const body = parseOr400(loginSchema, request.body, reply);
    if (!body) return reply;
    const result = await login(accounts, { ...body, ip: request.ip, now: new Date() });
    if (!result.ok) {
      if (result.status === 429) void reply.header('Retry-After', String(result.retryAfterSeconds ?? 60));
      return reply.code(result.status).send({ error: result.status === 429 ? 'tooManyAttempts' : 'badCredentials', message: result.status === 429 ? 'too many failed sign-ins; try again later' : 'wrong username or password', retryAfterSeconds: result.retryAfterSeconds });
    }
    return reply.header('Set-Cookie', sessionCookie(request, result.token, SESSION_DAYS * 86_400)).send({ user: result.user, expiresAt: result.expiresAt });
  });

  app.get('/api/auth/me', async (request, reply) => reply.header('Cache-Control', 'no-store').send({ user: signedIn(request) }));

  app.post('/api/auth/logout', async (request, reply) => {
    const token = tokenOf(request);
    if (token) await accounts.deleteSession(hashToken(token));
    return reply.header('Set-Cookie', sessionCookie(request, '', 0)).send({ ok: true });
  });
}
