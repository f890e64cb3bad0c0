// Server entry: read the configuration, open and migrate the database, build the app, listen, and say where.
import { loadConfig } from './config.ts';
import { createApp } from './http/app.ts';
import { createTranslator, parseLocale } from '#shared/i18n/translate.ts';
import { ensureFirstAdmin } from './auth/accounts.ts';
import { initialPasswordFile, keepInitialPassword, pendingInitialPassword } from './auth/initial-password.ts';
import { createAccountStore } from './store/account-store.ts';
import { createAttachmentStore } from './store/attachment-store.ts';
import { openDatabase } from './store/database.ts';
import { createLedgerClearStore } from './store/ledger-clear-store.ts';
import { createSyncStore } from './store/sync-store.ts';

async function main(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const accounts = createAccountStore(database.db);
  const t = createTranslator(parseLocale(process.env.LEDGER_LANG));
  const file = initialPasswordFile(config.dataDir);
  const firstPassword = await ensureFirstAdmin(accounts, process.env.LEDGER_ADMIN_PASSWORD);
  const given = firstPassword !== null && process.env.LEDGER_ADMIN_PASSWORD === firstPassword;
  if (firstPassword && !given) await keepInitialPassword(file, firstPassword);
  const store = createSyncStore(database.db, database.dialect);
  const clears = createLedgerClearStore(database.db, store);
  const app = await createApp({ staticDir: config.staticDir, logLevel: config.logLevel, store, accounts, attachments: createAttachmentStore(database.db), clears, ledger: config.ledger, initialPasswordFile: file });
  const address = await app.listen({ port: config.port, host: config.host });
  const shown = address.replace('0.0.0.0', 'localhost').replace('[::]', 'localhost');
  console.log(t('server.started', { url: shown, database: database.describe }));
  if (config.ledger.demo) console.log(t('server.demoMode'));
  if (given) console.log(t('server.firstAdminGiven'));
  // Printed at every start until it is changed, so that it never scrolls away under the first start's lines.
  const pending = await pendingInitialPassword(file, accounts);
  if (pending) {
    console.log(firstPassword ? t('server.firstAdmin', { password: pending }) : t('server.initialPassword', { password: pending, file }));
    console.log(t('server.changePassword'));
  }
  const stop = () => {
    void app
      .close()
      .then(() => database.close())
      .then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
