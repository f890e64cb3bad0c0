// Live updates: GET /api/sync/events, a Server-Sent Events stream over the session cookie (behind the same gate as
// every API route). It says only the change log's last sequence number — at once, then after each commit here or,
// on PostgreSQL, in any process — and the device pulls; nothing of the ledger travels on it.
import type { ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import type { ChangeNotifier } from '#server/store/change-notifier.ts';

/** A comment line now and then, so that proxies and the browser keep an idle stream open. */
const HEARTBEAT_MS = 25_000;
/** How long the browser waits before it reconnects by itself (the app closes and backs off instead). */
const RETRY_MS = 5_000;

export function registerEventsRoute(app: FastifyInstance, changes: ChangeNotifier): void {
  const open = new Set<ServerResponse>();
  // Streams never end by themselves: closing the server ends them, or it would wait for them forever.
  app.addHook('preClose', (done) => {
    for (const raw of open) raw.end();
    open.clear();
    done();
  });

  app.get('/api/sync/events', async (request, reply) => {
    // Fails as any route does (503 while the database is away) before the stream starts.
    const seq = await changes.latest();
    reply.hijack();
    const raw = reply.raw;
    // The headers set so far (security headers, CSP) stay; compression would hold events back, so none.
    const kept = Object.fromEntries(Object.entries(reply.getHeaders()).filter((entry): entry is [string, string | number | string[]] => entry[1] !== undefined));
    raw.writeHead(200, { ...kept, 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', 'x-accel-buffering': 'no', connection: 'keep-alive' });
    const send = (n: number) => raw.write(`event: seq\ndata: ${JSON.stringify({ seq: n })}\n\n`);
    raw.write(`retry: ${RETRY_MS}\n\n`);
    send(seq);
    let told = seq;
    const unsubscribe = changes.subscribe((n) => {
      if (n > told) send((told = n));
    });
    const heartbeat = setInterval(() => raw.write(': ping\n\n'), HEARTBEAT_MS);
    open.add(raw);
    request.raw.once('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
      open.delete(raw);
    });
  });
}
