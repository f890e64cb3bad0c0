// Sign-in, who is signed in, and sign-out: a session cookie (httpOnly, SameSite=Strict); the gate that
// checks it on every request is access.ts (see docs/security.md).
import { serialize } from 'cookie';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { SessionUser } from '#shared/auth/permissions.ts';
import { hashToken, login, SESSION_COOKIE, SESSION_DAYS } from '#server/auth/accounts.ts';
import type { AccountStore } from '#server/store/account-store.ts';
import { OPEN_ROUTE, sessionToken } from './access.ts';
import { parseOr400 } from './validate.ts';

/** The signed-in user of a request that passed the guard. */
export function signedIn(request: FastifyRequest): SessionUser {
  if (!request.user) throw Object.assign(new Error('not signed in'), { statusCode: 401 });
  return request.user;
}

const loginSchema = z.object({ username: z.string().min(1).max(100), password: z.string().min(1).max(200) }).strict();

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
  app.post('/api/auth/login', OPEN_ROUTE, async (request, reply) => {
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
    const token = sessionToken(request);
    if (token) await accounts.deleteSession(hashToken(token));
    return reply.header('Set-Cookie', sessionCookie(request, '', 0)).send({ ok: true });
  });
}
