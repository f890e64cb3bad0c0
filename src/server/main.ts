// Server entry: read the configuration, open and migrate the database, build the app, listen, and say where.
import { loadConfig } from './config.ts';
import { createApp } from './http/app.ts';
import { ensureFirstAdmin } from './auth/accounts.ts';
import { createAccountStore } from './store/account-store.ts';
import { createAttachmentStore } from './store/attachment-store.ts';
import { openDatabase } from './store/database.ts';
import { createLedgerClearStore } from './store/ledger-clear-store.ts';
import { createSyncStore } from './store/sync-store.ts';

async function main(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const accounts = createAccountStore(database.db);
  const firstPassword = await ensureFirstAdmin(accounts, process.env.LEDGER_ADMIN_PASSWORD);
  const store = createSyncStore(database.db, database.dialect);
  const clears = createLedgerClearStore(database.db, store);
  const app = await createApp({ staticDir: config.staticDir, logLevel: config.logLevel, store, accounts, attachments: createAttachmentStore(database.db), clears, ledger: config.ledger });
  const address = await app.listen({ port: config.port, host: config.host });
  const shown = address.replace('0.0.0.0', 'localhost').replace('[::]', 'localhost');
  console.log(`整改台账 Rectification Ledger: ${shown} (${database.describe})${config.ledger.demo ? ' — 演示模式 demo mode (LEDGER_DEMO=1)' : ''}`);
  if (firstPassword) {
    const given = process.env.LEDGER_ADMIN_PASSWORD === firstPassword;
    console.log(`首次启动：已创建管理员账号 admin，密码 ${given ? '(LEDGER_ADMIN_PASSWORD)' : firstPassword}`);
    console.log('First start: created the administrator "admin"' + (given ? ' with LEDGER_ADMIN_PASSWORD.' : ` with password ${firstPassword}.`));
    console.log('Set a real password with: npm run cli -- user passwd admin');
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
