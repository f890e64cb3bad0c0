// Server entry: read the configuration, listen at once, then migrate the database — retried with backoff while
// it is away, the API answering 503 meanwhile — and say where.
import { loadConfig } from './config.ts';
import { createApp } from './http/app.ts';
import { createTranslator, parseLocale } from '#shared/i18n/translate.ts';
import { ensureFirstAdmin } from './auth/accounts.ts';
import { initialPasswordFile, keepInitialPassword, pendingInitialPassword } from './auth/initial-password.ts';
import { createAccountStore } from './store/account-store.ts';
import { createAttachmentStore } from './store/attachment-store.ts';
import { createDatabaseHealth, isUnavailable } from './store/availability.ts';
import { createChangeNotifier } from './store/change-notifier.ts';
import { connectDatabase, migrateDatabase } from './store/database.ts';
import { createLedgerClearStore } from './store/ledger-clear-store.ts';
import { createSyncStore } from './store/sync-store.ts';

const FIRST_RETRY_MS = 500;
const MAX_RETRY_MS = 5_000;

async function main(): Promise<void> {
  const config = loadConfig();
  const database = connectDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const health = createDatabaseHealth(database.db, { ready: false });
  const accounts = createAccountStore(database.db);
  const t = createTranslator(parseLocale(process.env.LEDGER_LANG));
  const file = initialPasswordFile(config.dataDir);
  const changes = createChangeNotifier(database.db, database.dialect, config.databaseUrl);
  const store = createSyncStore(database.db, database.dialect, changes.published);
  const clears = createLedgerClearStore(database.db, store);
  const app = await createApp({ staticDir: config.staticDir, logLevel: config.logLevel, store, accounts, attachments: createAttachmentStore(database.db), clears, changes, ledger: config.ledger, initialPasswordFile: file, health });
  let stopping = false;
  const stop = () => {
    stopping = true;
    void app
      .close()
      .then(() => changes.close())
      .then(() => database.close())
      .then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  const address = await app.listen({ port: config.port, host: config.host });
  const shown = address.replace('0.0.0.0', 'localhost').replace('[::]', 'localhost');

  // The first use of the database: while it is away the server stays up, says so, and tries again.
  let firstPassword: string | null;
  for (let delay = FIRST_RETRY_MS; ; delay = Math.min(MAX_RETRY_MS, delay * 2)) {
    try {
      await migrateDatabase(database);
      firstPassword = await ensureFirstAdmin(accounts, process.env.LEDGER_ADMIN_PASSWORD);
      break;
    } catch (error) {
      if (!isUnavailable(error) || stopping) throw error;
      console.warn(t('server.databaseWaiting', { seconds: Math.round(delay / 100) / 10, url: shown }));
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
  health.markReady();
  const given = firstPassword !== null && process.env.LEDGER_ADMIN_PASSWORD === firstPassword;
  if (firstPassword && !given) await keepInitialPassword(file, firstPassword);
  console.log(t('server.started', { url: shown, database: database.describe }));
  if (config.ledger.demo) console.log(t('server.demoMode'));
  if (given) console.log(t('server.firstAdminGiven'));
  // Printed at every start until it is changed, so that it never scrolls away under the first start's lines
  // (unless the database went away again already: then at the next start).
  const pending = await pendingInitialPassword(file, accounts).catch((error: unknown) => {
    if (isUnavailable(error)) return null;
    throw error;
  });
  if (pending) {
    console.log(firstPassword ? t('server.firstAdmin', { password: pending }) : t('server.initialPassword', { password: pending, file }));
    console.log(t('server.changePassword'));
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
