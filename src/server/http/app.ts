// Builds the HTTP server: the API routes and the PWA's files. Holds no state of its own.
import compress from '@fastify/compress';
import Fastify, { type FastifyInstance } from 'fastify';
import { registerStaticFiles } from './static-files.ts';

export type AppOptions = {
  staticDir: string;
  logLevel?: string;
};

export async function createApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: { level: options.logLevel ?? 'info' }, bodyLimit: 10 * 1024 * 1024 });
  await app.register(compress, { global: true, threshold: 1024 });
  // A cheap request that tells a client the server is really there: navigator.onLine is only a hint.
  app.get('/api/health', async (_request, reply) => reply.header('Cache-Control', 'no-store').send({ ok: true, time: new Date().toISOString() }));
  await registerStaticFiles(app, options.staticDir);
  return app;
}
