// Serves the built PWA: hashed assets cached forever, the shell and service worker always revalidated,
// and any other page path answered with the shell (the app routes itself). API paths are never the shell.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isApiPath, lenientPath } from './access.ts';

const ALWAYS_REVALIDATE = /(^|\/)(index\.html|sw\.js|registerSW\.js|workbox-[^/]+\.js|manifest[^/]*\.webmanifest)$/;

function notFound(request: FastifyRequest, reply: FastifyReply) {
  return reply.code(404).send({ error: 'notFound', message: `No route for ${request.method} ${request.url.split('?')[0] ?? ''}` });
}

export async function registerStaticFiles(app: FastifyInstance, staticDir: string): Promise<void> {
  if (!existsSync(join(staticDir, 'index.html'))) {
    app.log.warn(`No built app in ${staticDir}: run "npm run build" first. Only the API is served.`);
    app.setNotFoundHandler((request, reply) => notFound(request, reply));
    return;
  }
  // The app's own files are open to anyone (they hold no data): marked so for the gate (access.ts), in a scope
  // of their own so that no other route is.
  await app.register(async (scope) => {
    scope.addHook('onRoute', (route) => {
      route.config = { ...route.config, access: 'open' };
    });
    await scope.register(fastifyStatic, {
      root: staticDir,
      wildcard: true,
      index: ['index.html'],
      setHeaders(res, path) {
        if (ALWAYS_REVALIDATE.test(path)) res.setHeader('Cache-Control', 'no-cache');
        else if (path.includes('/assets/')) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
        else res.setHeader('Cache-Control', 'public, max-age=3600');
        if (path.endsWith('.webmanifest')) res.setHeader('Content-Type', 'application/manifest+json');
      },
    });
    scope.setNotFoundHandler((request, reply) => {
      const isPage = request.method === 'GET' && !isApiPath(lenientPath(request.url)) && (request.headers.accept ?? '').includes('text/html');
      if (isPage) return reply.header('Cache-Control', 'no-cache').sendFile('index.html');
      return notFound(request, reply);
    });
  });
}
