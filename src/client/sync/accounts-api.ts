// The accounts API (no React): one's own password, and for an administrator the list of accounts, creating them
// (one, or one per unit) with first passwords shown once, resetting a password, disabling an account.
import { z } from 'zod';
import { roles, sessionUserSchema, type Role } from '#shared/auth/permissions.ts';
import { SyncHttpError, type SyncTransport } from './transport.ts';

export const accountSchema = sessionUserSchema.extend({ disabled: z.boolean() });
export type Account = z.infer<typeof accountSchema>;
export type NewAccount = { username: string; displayName: string; role: Role; departmentIds: string[] };
const madeSchema = z.object({ username: z.string(), displayName: z.string(), role: z.enum(roles), departmentIds: z.array(z.string()), password: z.string() });
export type MadeAccount = z.infer<typeof madeSchema>;

/** Why a request was refused, for a message: a taken username, a wrong current password, no network… */
export type AccountsError = 'exists' | 'wrongPassword' | 'samePassword' | 'invalid' | 'forbidden' | 'offline';

export type AccountsApi = {
  changePassword: (current: string, next: string) => Promise<AccountsError | null>;
  list: () => Promise<Account[]>;
  /** Creates the accounts (all or none), each with a first password to hand out. */
  create: (accounts: NewAccount[]) => Promise<MadeAccount[] | AccountsError>;
  resetPassword: (id: string) => Promise<{ password: string } | { error: AccountsError }>;
  update: (id: string, patch: { disabled?: boolean; role?: Role; displayName?: string; departmentIds?: string[] }) => Promise<AccountsError | null>;
};

function reason(error: unknown): AccountsError {
  if (!(error instanceof SyncHttpError)) return 'offline';
  if (error.code === 'exists' || error.code === 'wrongPassword' || error.code === 'samePassword' || error.code === 'forbidden') return error.code;
  return error.status === 403 ? 'forbidden' : 'invalid';
}

export function createAccountsApi(transport: SyncTransport): AccountsApi {
  const post = (body: unknown) => ({ method: 'POST', body: JSON.stringify(body) });
  const ok = z.object({ ok: z.literal(true) });
  return {
    async changePassword(current, next) {
      try {
        await transport.api('/api/auth/password', ok, post({ current, next }));
        return null;
      } catch (error) {
        return reason(error);
      }
    },
    list: async () => (await transport.api('/api/users', z.object({ users: z.array(accountSchema) }))).users,
    async create(accounts) {
      try {
        return (await transport.api('/api/users/bulk', z.object({ users: z.array(madeSchema) }), post({ users: accounts }))).users;
      } catch (error) {
        return reason(error);
      }
    },
    async resetPassword(id) {
      try {
        return { password: (await transport.api(`/api/users/${id}/reset-password`, z.object({ password: z.string() }), post({}))).password };
      } catch (error) {
        return { error: reason(error) };
      }
    },
    async update(id, patch) {
      try {
        await transport.api(`/api/users/${id}`, ok, { method: 'PATCH', body: JSON.stringify(patch) });
        return null;
      } catch (error) {
        return reason(error);
      }
    },
  };
}
