// Security headers on every answer (Helmet): a Content Security Policy the built app runs under without one
// violation (tests/e2e/csp.spec.ts), no framing, no sniffing, no referrer; and a stricter one for evidence files.
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/**
 * Only the app's own scripts run: no inline script, no eval, no other origin. Styles allow inline because the
 * grid sets style attributes and injects its theme's <style>; photos are shown from blob: URLs of the device's copy.
 */
export const APP_CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'blob:', 'data:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  workerSrc: ["'self'"],
  manifestSrc: ["'self'"],
  objectSrc: ["'none'"],
  frameSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  // Plain-HTTP intranet deployments exist: forcing https for every request would break them.
  upgradeInsecureRequests: null,
};

/**
 * For a file a user uploaded: nothing in it may load, run or be framed, and a document opened from it is a sandbox
 * with an opaque origin, never a page of the app's origin.
 */
export const FILE_CSP = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox; frame-ancestors 'none'";

export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: APP_CSP },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    // HSTS only means something over HTTPS, where browsers heed it; plain HTTP answers ignore it.
    strictTransportSecurity: { maxAge: 15_552_000, includeSubDomains: false },
  });
}
