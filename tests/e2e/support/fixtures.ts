// Every browser test gets a server of its own (fresh SQLite data), so tests never see each other's syncs.
// `serverEnv` sets its environment (e.g. LEDGER_DEMO=1 for a demonstration server).
import { test as base } from '@playwright/test';
import { type RunningServer, startServer } from './server.ts';

export const test = base.extend<{ server: RunningServer; serverEnv: Record<string, string> }>({
  serverEnv: [{}, { option: true }],
  server: async ({ serverEnv }, provide) => {
    const server = await startServer({ env: serverEnv });
    await provide(server);
    await server.stop();
  },
  baseURL: async ({ server }, provide) => {
    await provide(server.url);
  },
});

export { expect } from '@playwright/test';
