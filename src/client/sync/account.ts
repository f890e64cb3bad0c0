// Signing in and out on this device (no React). The account is kept locally, so a device that has signed in
// once keeps working offline; an expired session only stops sync until the password is entered again.
import type { SessionUser } from '#shared/auth/permissions.ts';
import { newId } from '#shared/model/ids.ts';
import { createObservable, type Observable } from '#client/lib/observable.ts';
import type { LedgerStorage } from '#client/storage/ledger-storage.ts';
import { discardUnsynced } from '#client/storage/outbox.ts';
import { SyncHttpError, type SyncTransport } from './transport.ts';

export type SignInError = { kind: 'badCredentials' } | { kind: 'tooMany'; minutes: number } | { kind: 'offline' };

export type AccountService = {
  /** True when the server no longer knows this device's session: sync waits for the password. */
  expired: Observable<boolean>;
  signIn: (username: string, password: string) => Promise<SessionUser | SignInError>;
  /** Asks the server who is signed in: refreshes the stored account, or marks the session expired. */
  check: () => Promise<void>;
  markExpired: () => void;
  /** Ends the session and forgets this device's unsent changes, drafts and files (the caller has offered export first). */
  signOut: () => Promise<void>;
};

export function createAccountService(storage: LedgerStorage, transport: SyncTransport): AccountService {
  const expired = createObservable(false);
  // The ledger's name and whether the server is a demonstration come with the account (and are kept for offline).
  const remember = async (user: SessionUser) => {
    const before = storage.settings.get();
    const ledger = await transport.ledgerInfo().catch(() => before.ledger);
    // An unchanged answer keeps the stored objects: views keyed on the account (the grid's columns) would
    // otherwise rebuild and close an editor the user is typing in.
    if (JSON.stringify([before.account, before.ledger, before.userName]) === JSON.stringify([user, ledger, user.displayName])) return;
    await storage.settings.save({ account: user, userName: user.displayName, ledger });
  };
  // The server binds a device id to the account that first pushed with it: another account here is another device.
  const newDevice = () => storage.settings.save({ clientId: newId() });
  return {
    expired,
    async signIn(username, password) {
      try {
        const user = await transport.login(username, password);
        const before = storage.settings.get().account;
        if (before && before.id !== user.id) await newDevice();
        await remember(user);
        expired.set(false);
        return user;
      } catch (error) {
        if (error instanceof SyncHttpError && error.status === 429) return { kind: 'tooMany', minutes: 15 };
        if (error instanceof SyncHttpError && error.status === 401) return { kind: 'badCredentials' };
        return { kind: 'offline' };
      }
    },
    async check() {
      try {
        await remember(await transport.me());
        expired.set(false);
      } catch (error) {
        if (error instanceof SyncHttpError && error.status === 401) expired.set(true);
      }
    },
    markExpired: () => expired.set(true),
    async signOut() {
      await transport.logout().catch(() => undefined);
      await discardUnsynced(storage.db);
      await storage.settings.save({ account: null, userName: '', clientId: newId() });
      expired.set(false);
    },
  };
}
