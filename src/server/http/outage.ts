// The database going away is an outage, never a crash: until the schema is ready (a server started before its
// database) API requests answer 503; a query that meets a dropped or refused connection answers 503 too (the
// device keeps its changes and retries); /api/health, always open, says whether the database answers.
import type { FastifyInstance } from 'fastify';
import type { DatabaseHealth } from '#server/store/availability.ts';
import { OPEN_ROUTE, isApiPath, lenientPath } from './access.ts';

/** How long a device is asked to wait before it tries again (seconds). */
export const RETRY_AFTER_SECONDS = 5;

/** The answer to a request the database could not serve: a stable code the client's catalogue words, no internals. */
export const UNAVAILABLE_BODY = { error: 'unavailable', message: 'the database is unavailable; try again later' } as const;

/** Health for a server whose database is always there (tests that build an app on open stores). */
export const ALWAYS_HEALTHY: DatabaseHealth = {
  state: () => 'ok',
  ready: () => true,
  markReady: () => undefined,
  markDown: () => undefined,
  probe: () => Promise.resolve('ok'),
};

/** Registered before the access gate: the gate itself reads sessions from the database. */
export function registerOutage(app: FastifyInstance, health: DatabaseHealth): void {
  app.addHook('onRequest', async (request, reply) => {
    if (health.ready() || request.routeOptions.url === '/api/health' || !isApiPath(lenientPath(request.url))) return;
    return reply.code(503).header('Retry-After', String(RETRY_AFTER_SECONDS)).header('Cache-Control', 'no-store').send(UNAVAILABLE_BODY);
  });
  // A cheap request that tells a client the server is really there (navigator.onLine is only a hint), and a
  // monitor whether its database answers: 503 while it does not.
  app.get('/api/health', OPEN_ROUTE, async (_request, reply) => {
    const database = await health.probe();
    const ok = database === 'ok';
    return reply
      .code(ok ? 200 : 503)
      .header('Cache-Control', 'no-store')
      .send({ ok, database, time: new Date().toISOString() });
  });
}
