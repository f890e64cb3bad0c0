// Users, their departments, sessions and login attempts in SQL (Kysely). No passwords in clear, ever:
// only scrypt hashes, and only hashes of session tokens.
import { type Kysely, sql } from 'kysely';
import type { Role, SessionUser } from '#shared/auth/permissions.ts';
import type { Database } from './schema.ts';

export type UserRow = Database['users'];
export type AuditRow = Database['audit'];

export type AccountStore = {
  countUsers: () => Promise<number>;
  findByUsername: (username: string) => Promise<(UserRow & { departmentIds: string[] }) | undefined>;
  findById: (id: string) => Promise<(UserRow & { departmentIds: string[] }) | undefined>;
  listUsers: () => Promise<(SessionUser & { disabled: boolean })[]>;
  createUser: (row: UserRow, departmentIds: string[]) => Promise<void>;
  /** Several accounts in one transaction: all of them or none. */
  createUsers: (users: { row: UserRow; departmentIds: string[] }[]) => Promise<void>;
  updateUser: (id: string, patch: Partial<Pick<UserRow, 'display_name' | 'password_hash' | 'role' | 'disabled' | 'must_change_password'>>, departmentIds?: string[]) => Promise<void>;
  /** Ends a user's sessions but the one given (the one that changed the password). */
  deleteOtherSessions: (userId: string, keepTokenHash: string) => Promise<void>;
  createSession: (tokenHash: string, userId: string, now: string, expiresAt: string) => Promise<void>;
  /** The signed-in user for a session token's hash, if the session is live and the user enabled. */
  sessionUser: (tokenHash: string, now: string) => Promise<SessionUser | undefined>;
  deleteSession: (tokenHash: string) => Promise<void>;
  deleteSessionsOf: (userId: string) => Promise<void>;
  /**
   * Counts one sign-in attempt under `key` and returns the count in the current window, in one statement (so
   * that attempts arriving together, at one server process or several, are each counted once): a window that
   * began at or before `expiredBefore` starts again at `now` with this attempt.
   */
  countAttempt: (key: string, now: string, expiredBefore: string) => Promise<{ failures: number; window_start: string }>;
  /** Takes one attempt back (a sign-in that succeeded is not a failure). */
  uncountAttempt: (key: string) => Promise<void>;
  clearAttempts: (key: string) => Promise<void>;
  /** Department ids by name (or short or full name), for the command line. */
  departmentIdsByName: (names: string[]) => Promise<Map<string, string>>;
  listAudit: (filter: { entity?: string; recordId?: string; limit: number }) => Promise<AuditRow[]>;
  /** Every audit row the server received at or after a moment (an ISO time): what a report for an earlier day rewinds. */
  listAuditSince: (receivedAt: string) => Promise<AuditRow[]>;
};

export function toSessionUser(row: UserRow & { departmentIds: string[] }): SessionUser {
  return { id: row.id, username: row.username, displayName: row.display_name, role: row.role as Role, departmentIds: row.departmentIds, ...(row.must_change_password === 1 ? { mustChangePassword: true } : {}) };
}

export function createAccountStore(db: Kysely<Database>): AccountStore {
  const departmentsOf = async (userId: string) =>
    (await db.selectFrom('user_departments').select('department_id').where('user_id', '=', userId).execute()).map((r) => r.department_id);
  const withDepartments = async (row: UserRow | undefined) => (row ? { ...row, departmentIds: await departmentsOf(row.id) } : undefined);
  const setDepartments = async (userId: string, ids: string[]) => {
    await db.deleteFrom('user_departments').where('user_id', '=', userId).execute();
    if (ids.length > 0) await db.insertInto('user_departments').values(ids.map((department_id) => ({ user_id: userId, department_id }))).execute();
  };
  return {
    countUsers: async () => Number((await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst())?.n ?? 0),
    // No stored name holds NUL (PostgreSQL text cannot): such a name is simply unknown, not a database error.
    findByUsername: async (username) => (username.includes('\u0000') ? undefined : withDepartments(await db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst())),
    findById: async (id) => withDepartments(await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst()),
    listUsers: async () => {
      const rows = await db.selectFrom('users').selectAll().orderBy('username').execute();
      const links = await db.selectFrom('user_departments').select(['user_id', 'department_id']).execute();
      return rows.map((row) => ({ ...toSessionUser({ ...row, departmentIds: links.filter((l) => l.user_id === row.id).map((l) => l.department_id) }), disabled: row.disabled === 1 }));
    },
    createUser: async (row, departmentIds) => {
      await db.insertInto('users').values(row).execute();
      await setDepartments(row.id, departmentIds);
    },
    createUsers: async (users) => {
      await db.transaction().execute(async (trx) => {
        for (const { row, departmentIds } of users) {
          await trx.insertInto('users').values(row).execute();
          if (departmentIds.length > 0) await trx.insertInto('user_departments').values(departmentIds.map((department_id) => ({ user_id: row.id, department_id }))).execute();
        }
      });
    },
    deleteOtherSessions: async (userId, keep) => {
      await db.deleteFrom('sessions').where('user_id', '=', userId).where('token_hash', '!=', keep).execute();
    },
    updateUser: async (id, patch, departmentIds) => {
      if (Object.keys(patch).length > 0) await db.updateTable('users').set(patch).where('id', '=', id).execute();
      if (departmentIds) await setDepartments(id, departmentIds);
    },
    createSession: async (token_hash, user_id, created_at, expires_at) => {
      await db.insertInto('sessions').values({ token_hash, user_id, created_at, expires_at }).execute();
    },
    sessionUser: async (tokenHash, now) => {
      const row = await db
        .selectFrom('sessions')
        .innerJoin('users', 'users.id', 'sessions.user_id')
        .selectAll('users')
        .where('sessions.token_hash', '=', tokenHash)
        .where('sessions.expires_at', '>', now)
        .where('users.disabled', '=', 0)
        .executeTakeFirst();
      return row ? toSessionUser({ ...row, departmentIds: await departmentsOf(row.id) }) : undefined;
    },
    deleteSession: async (tokenHash) => {
      await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
    },
    deleteSessionsOf: async (userId) => {
      await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
    },
    countAttempt: (key, now, expiredBefore) => {
      const expired = sql<boolean>`${sql.ref('login_attempts.window_start')} <= ${expiredBefore}`;
      return db
        .insertInto('login_attempts')
        .values({ key, failures: 1, window_start: now })
        .onConflict((oc) =>
          oc.column('key').doUpdateSet({
            failures: sql<number>`case when ${expired} then 1 else ${sql.ref('login_attempts.failures')} + 1 end`,
            window_start: sql<string>`case when ${expired} then ${now} else ${sql.ref('login_attempts.window_start')} end`,
          }),
        )
        .returning(['failures', 'window_start'])
        .executeTakeFirstOrThrow();
    },
    uncountAttempt: async (key) => {
      await db.updateTable('login_attempts').set({ failures: sql<number>`failures - 1` }).where('key', '=', key).where('failures', '>', 0).execute();
    },
    clearAttempts: async (key) => {
      await db.deleteFrom('login_attempts').where('key', '=', key).execute();
    },
    departmentIdsByName: async (names) => {
      const rows = await db.selectFrom('records').select(['id', 'data']).where('entity', '=', 'department').where('deleted', '=', 0).execute();
      const found = new Map<string, string>();
      for (const row of rows) {
        const d = JSON.parse(row.data) as { name?: string; shortName?: string; fullName?: string };
        for (const name of names) if ([d.name, d.shortName, d.fullName].includes(name)) found.set(name, row.id);
      }
      return found;
    },
    listAuditSince: async (receivedAt) => db.selectFrom('audit').selectAll().where('received_at', '>=', receivedAt).orderBy('change_seq').execute(),
    listAudit: async ({ entity, recordId, limit }) => {
      let query = db.selectFrom('audit').selectAll().orderBy('change_seq', 'desc').orderBy('field').limit(limit);
      if (entity) query = query.where('entity', '=', entity);
      if (recordId) query = query.where('record_id', '=', recordId);
      return query.execute();
    },
  };
}
