// Sign-in, sessions and accounts: rate-limited password checks, opaque session tokens (only their hashes
// stored), and the first admin of a new installation.
import { createHash, randomBytes } from 'node:crypto';
import type { Role, SessionUser } from '#shared/auth/permissions.ts';
import { newId } from '#shared/model/ids.ts';
import { type AccountStore, toSessionUser } from '#server/store/account-store.ts';
import { hashPassword, verifyPassword } from './passwords.ts';

export const SESSION_COOKIE = 'ledger_session';
export const SESSION_DAYS = 14;
const WINDOW_MS = 15 * 60 * 1000;
// Failed sign-ins allowed per window: per account from one address, and per account from anywhere.
const LIMITS = { perAddress: 5, perAccount: 20 };

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export type LoginResult = { ok: true; token: string; user: SessionUser; expiresAt: string } | { ok: false; status: 401 | 429; retryAfterSeconds?: number };

/** A rate-limit key that holds no raw input (names may carry any character) and has a fixed size. */
function attemptKey(...parts: string[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

export async function login(store: AccountStore, input: { username: string; password: string; ip: string; now: Date }): Promise<LoginResult> {
  const name = input.username.toLowerCase();
  const keys = [
    { key: attemptKey(name, input.ip), limit: LIMITS.perAddress },
    { key: attemptKey(name), limit: LIMITS.perAccount },
  ];
  const now = input.now.getTime();
  // Counted before the password is checked, in one statement each: attempts sent at once cannot all slip
  // under the limit, whichever server process takes them.
  for (const { key, limit } of keys) {
    const count = await store.countAttempt(key, input.now.toISOString(), new Date(now - WINDOW_MS).toISOString());
    if (count.failures > limit) {
      return { ok: false, status: 429, retryAfterSeconds: Math.max(1, Math.ceil((Date.parse(count.window_start) + WINDOW_MS - now) / 1000)) };
    }
  }
  const user = await store.findByUsername(input.username);
  // A missing user still costs a hash: the answer's timing does not tell which usernames exist.
  const valid = user && user.disabled === 0 ? await verifyPassword(input.password, user.password_hash) : (await hashPassword(input.password), false);
  if (!valid || !user) return { ok: false, status: 401 };
  await store.clearAttempts(keys[0]!.key);
  await store.uncountAttempt(keys[1]!.key);
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now + SESSION_DAYS * 86_400_000).toISOString();
  await store.createSession(hashToken(token), user.id, input.now.toISOString(), expiresAt);
  return { ok: true, token, user: toSessionUser(user), expiresAt };
}

export function authenticate(store: AccountStore, token: string | undefined, now: Date): Promise<SessionUser | undefined> {
  return token ? store.sessionUser(hashToken(token), now.toISOString()) : Promise.resolve(undefined);
}

export type NewUser = { username: string; displayName?: string; password: string; role: Role; departmentIds?: string[] };

export async function addUser(store: AccountStore, input: NewUser): Promise<SessionUser> {
  if (await store.findByUsername(input.username)) throw new Error(`user "${input.username}" already exists`);
  if (input.password.length < 8) throw new Error('a password needs at least 8 characters');
  const id = newId();
  await store.createUser(
    { id, username: input.username, display_name: input.displayName ?? input.username, password_hash: await hashPassword(input.password), role: input.role, disabled: 0, created_at: new Date().toISOString() },
    input.departmentIds ?? [],
  );
  const created = await store.findById(id);
  if (!created) throw new Error('user not saved');
  return toSessionUser(created);
}

export async function setPassword(store: AccountStore, username: string, password: string): Promise<void> {
  const user = await store.findByUsername(username);
  if (!user) throw new Error(`no user "${username}"`);
  if (password.length < 8) throw new Error('a password needs at least 8 characters');
  await store.updateUser(user.id, { password_hash: await hashPassword(password) });
  // A new password ends the sessions the old one opened.
  await store.deleteSessionsOf(user.id);
}

/**
 * A new installation has no accounts: make the administrator "admin", with the password given
 * (LEDGER_ADMIN_PASSWORD) or a random one, so that the app can be tried at once. Returns the password made.
 */
export async function ensureFirstAdmin(store: AccountStore, password?: string): Promise<string | null> {
  if ((await store.countUsers()) > 0) return null;
  const chosen = password && password.length >= 8 ? password : randomBytes(9).toString('base64url');
  await addUser(store, { username: 'admin', displayName: '管理员', password: chosen, role: 'admin' });
  return chosen;
}
