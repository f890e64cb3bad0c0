// Every browser test gets a server of its own (fresh SQLite data), so tests never see each other's syncs.
import { test as base } from '@playwright/test';
import { type RunningServer, startServer } from './server.ts';

export const test = base.extend<{ server: RunningServer }>({
  // Playwright reads a fixture's dependencies from its first parameter, which must be a destructuring pattern.
  // eslint-disable-next-line no-empty-pattern
  server: async ({}, provide) => {
    const server = await startServer();
    await provide(server);
    await server.stop();
  },
  baseURL: async ({ server }, provide) => {
    await provide(server.url);
  },
});

export { expect } from '@playwright/test';
