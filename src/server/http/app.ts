// Builds the HTTP server: the API routes and the PWA's files. Holds no state of its own: several processes
// may serve one PostgreSQL database side by side.
import compress from '@fastify/compress';
import Fastify, { type FastifyInstance } from 'fastify';
import type { AccountStore } from '#server/store/account-store.ts';
import type { AttachmentStore } from '#server/store/attachment-store.ts';
import type { LedgerClearStore } from '#server/store/ledger-clear-store.ts';
import type { SyncStore } from '#server/store/sync-store.ts';
import type { LedgerInfo } from '#shared/sync/protocol.ts';
import type { DatabaseHealth } from '#server/store/availability.ts';
import type { ChangeNotifier } from '#server/store/change-notifier.ts';
import { registerAccessGate } from './access.ts';
import { registerAccountRoutes } from './account-routes.ts';
import { registerAttachmentRoutes } from './attachment-routes.ts';
import { registerAuth } from './auth.ts';
import { registerBadInput } from './bad-input.ts';
import { registerEventsRoute } from './events-route.ts';
import { registerSecurityHeaders } from './headers.ts';
import { registerPasswordRoutes } from './password-routes.ts';
import { registerLedgerRoutes } from './ledger-routes.ts';
import { ALWAYS_HEALTHY, registerOutage } from './outage.ts';
import { registerStaticFiles } from './static-files.ts';
import { registerSyncRoutes } from './sync-routes.ts';

export type AppOptions = {
  staticDir: string;
  store: SyncStore;
  /** Tells the live-update streams of each commit (the store publishes to it). */
  changes: ChangeNotifier;
  accounts: AccountStore;
  attachments: AttachmentStore;
  clears: LedgerClearStore;
  /** The ledger's name and whether the server is a demonstration (default: 整改台账, not a demonstration). */
  ledger?: LedgerInfo;
  logLevel?: string;
  /** Largest request body accepted (bytes); larger ones get 413. */
  bodyLimit?: number;
  /** Where the first administrator's initial password is kept until it is changed. */
  initialPasswordFile?: string;
  /** Whether the database answers (default: always, for tests on stores already open). */
  health?: DatabaseHealth;
};

export async function createApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: { level: options.logLevel ?? 'warn' }, bodyLimit: options.bodyLimit ?? 8 * 1024 * 1024 });
  // Order matters: bad input and the gate come before any route, so that no route can be added without them.
  const health = options.health ?? ALWAYS_HEALTHY;
  registerBadInput(app, health.markDown);
  await registerSecurityHeaders(app);
  registerOutage(app, health);
  registerAccessGate(app, options.accounts);
  await app.register(compress, { global: true, threshold: 1024 });
  registerAuth(app, options.accounts);
  registerPasswordRoutes(app, options.accounts, { initialPasswordFile: options.initialPasswordFile });
  registerSyncRoutes(app, options.store);
  registerEventsRoute(app, options.changes);
  registerAttachmentRoutes(app, options.attachments);
  registerAccountRoutes(app, options.accounts);
  registerLedgerRoutes(app, { info: options.ledger ?? { name: '整改台账', demo: false }, store: options.store, clears: options.clears, accounts: options.accounts });
  await registerStaticFiles(app, options.staticDir);
  return app;
}
