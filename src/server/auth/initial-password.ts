// The first administrator's password on a new installation, kept in data/initial-admin-password.txt (readable by the
// server's user only) until it is changed, and printed again at each start until then, so that it never scrolls away.
import { chmod, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { AccountStore } from '#server/store/account-store.ts';
import { verifyPassword } from './passwords.ts';

export const FIRST_ADMIN = 'admin';

export function initialPasswordFile(dataDir: string): string {
  return join(dataDir, 'initial-admin-password.txt');
}

export async function keepInitialPassword(file: string, password: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, `${password}\n`, { mode: 0o600 });
  await chmod(file, 0o600);
}

/** The initial password while the administrator still has it; once changed, the file goes and the answer is null. */
export async function pendingInitialPassword(file: string, accounts: AccountStore): Promise<string | null> {
  let password: string;
  try {
    password = (await readFile(file, 'utf8')).trim();
  } catch {
    return null;
  }
  const admin = await accounts.findByUsername(FIRST_ADMIN);
  if (admin && admin.must_change_password === 1 && (await verifyPassword(password, admin.password_hash))) return password;
  await forgetInitialPassword(file);
  return null;
}

export async function forgetInitialPassword(file: string): Promise<void> {
  await rm(file, { force: true });
}
