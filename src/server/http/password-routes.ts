// Passwords: everyone changes their own (and must, after an administrator handed one out); an administrator resets
// one (a new password, shown once) or creates accounts in bulk, one per unit, each with a first password shown once.
// The same checks as /api/users: admin only, validated bodies, sessions ended when a password changes.
import { parse as parseCookies } from 'cookie';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { canManageUsers, roles } from '#shared/auth/permissions.ts';
import { idSchema, newId } from '#shared/model/ids.ts';
import { hashToken, newPassword, SESSION_COOKIE } from '#server/auth/accounts.ts';
import { FIRST_ADMIN, forgetInitialPassword } from '#server/auth/initial-password.ts';
import { hashPassword, verifyPassword } from '#server/auth/passwords.ts';
import type { AccountStore } from '#server/store/account-store.ts';
import { signedIn } from './auth.ts';
import { parseOr400 } from './validate.ts';

const changeSchema = z.object({ current: z.string().min(1).max(200), next: z.string().min(8).max(200) }).strict();
const bulkSchema = z
  .object({
    users: z
      .array(
        z
          .object({
            username: z.string().trim().min(1).max(50).regex(/^[\w.@-]+$/, 'letters, digits, . _ @ - only'),
            displayName: z.string().trim().min(1).max(50),
            role: z.enum(roles),
            departmentIds: z.array(idSchema).max(100).default([]),
          })
          .strict(),
      )
      .min(1)
      .max(500),
  })
  .strict();

// Until a handed-out password is changed, the session may only change it (or sign out, or say who it is).
const OPEN_WHILE_CHANGING = new Set(['/api/auth/me', '/api/auth/password', '/api/auth/logout']);

export function registerPasswordRoutes(app: FastifyInstance, accounts: AccountStore, options: { initialPasswordFile?: string } = {}): void {
  app.addHook('onRequest', async (request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    if (request.user?.mustChangePassword && path.startsWith('/api/') && !OPEN_WHILE_CHANGING.has(path)) {
      return reply.code(403).send({ error: 'passwordChangeRequired', message: 'change the password handed out before anything else' });
    }
  });

  app.post('/api/auth/password', async (request, reply) => {
    const user = signedIn(request);
    const body = parseOr400(changeSchema, request.body, reply);
    if (!body) return reply;
    const row = await accounts.findById(user.id);
    if (!row || !(await verifyPassword(body.current, row.password_hash))) return reply.code(403).send({ error: 'wrongPassword', message: 'the current password is wrong' });
    if (body.next === body.current) return reply.code(400).send({ error: 'samePassword', message: 'the new password is the old one' });
    await accounts.updateUser(user.id, { password_hash: await hashPassword(body.next), must_change_password: 0 });
    // Other devices signed in with the old password are signed out; this one goes on.
    const token = parseCookies(request.headers.cookie ?? '')[SESSION_COOKIE];
    await accounts.deleteOtherSessions(user.id, token ? hashToken(token) : '');
    if (row.username === FIRST_ADMIN && options.initialPasswordFile) await forgetInitialPassword(options.initialPasswordFile);
    return reply.send({ ok: true });
  });

  const adminOnly = (request: Parameters<typeof signedIn>[0]) => canManageUsers(signedIn(request));

  app.post('/api/users/:id/reset-password', async (request, reply) => {
    if (!adminOnly(request)) return reply.code(403).send({ error: 'forbidden', message: 'only an administrator manages accounts' });
    const params = parseOr400(z.object({ id: idSchema }).strict(), request.params, reply);
    if (!params) return reply;
    const user = await accounts.findById(params.id);
    if (!user) return reply.code(404).send({ error: 'missing', message: `no user ${params.id}` });
    const password = newPassword();
    await accounts.updateUser(user.id, { password_hash: await hashPassword(password), must_change_password: 1 });
    await accounts.deleteSessionsOf(user.id);
    return reply.header('Cache-Control', 'no-store').send({ username: user.username, password });
  });

  app.post('/api/users/bulk', async (request, reply) => {
    if (!adminOnly(request)) return reply.code(403).send({ error: 'forbidden', message: 'only an administrator manages accounts' });
    const body = parseOr400(bulkSchema, request.body, reply);
    if (!body) return reply;
    const names = body.users.map((u) => u.username.toLowerCase());
    const twice = names.find((n, i) => names.indexOf(n) !== i);
    if (twice) return reply.code(409).send({ error: 'exists', message: `username: "${twice}" appears twice` });
    for (const u of body.users) if (await accounts.findByUsername(u.username)) return reply.code(409).send({ error: 'exists', message: `username: "${u.username}" is taken` });
    const now = new Date().toISOString();
    const made = await Promise.all(
      body.users.map(async (u) => {
        const password = newPassword();
        return { u, password, row: { id: newId(), username: u.username, display_name: u.displayName, password_hash: await hashPassword(password), role: u.role, disabled: 0, created_at: now, must_change_password: 1 } };
      }),
    );
    await accounts.createUsers(made.map((m) => ({ row: m.row, departmentIds: m.u.departmentIds })));
    return reply
      .code(201)
      .header('Cache-Control', 'no-store')
      .send({ users: made.map((m) => ({ id: m.row.id, username: m.u.username, displayName: m.u.displayName, role: m.u.role, departmentIds: m.u.departmentIds, password: m.password })) });
  });
}
