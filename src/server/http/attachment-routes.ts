// The attachments API: evidence files uploaded in pieces (resumable, each uploader's apart), checked against
// their hash, type and size, then served to any signed-in device so that none can run script in the app's origin.
// Described in docs/sync-protocol.md and docs/security.md.
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { hashSchema, MAX_ATTACHMENT_BYTES, sniffType, UPLOAD_CHUNK_BYTES } from '#shared/model/attachment.ts';
import type { AttachmentStore } from '#server/store/attachment-store.ts';
import { signedIn } from './auth.ts';
import { FILE_CSP } from './headers.ts';
import { parseOr400 } from './validate.ts';

const paramsSchema = z.object({ hash: hashSchema }).strict();
const putQuerySchema = z.object({ offset: z.coerce.number().int().min(0) }).strict();
const totalSchema = z.coerce.number().int().min(1);
const TOTAL_HEADER = 'x-attachment-total';
/** An upload no piece has reached for this long is abandoned: its pieces are dropped. */
export const STALE_UPLOAD_MS = 24 * 60 * 60 * 1000;
const EXTENSIONS: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp', 'application/pdf': 'pdf' };

function refuse(reply: FastifyReply, status: number, error: string, message: string) {
  return reply.code(status).header('Cache-Control', 'no-store').send({ error, message });
}

export function registerAttachmentRoutes(app: FastifyInstance, store: AttachmentStore): void {
  // Pieces arrive as raw bytes; a piece is never larger than two standard ones.
  app.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: UPLOAD_CHUNK_BYTES * 2 }, (_request, body, done) => done(null, body));
  // Abandoned uploads go: at start, hourly, and whenever an upload begins.
  const dropStale = () => store.dropStaleUploads(new Date(Date.now() - STALE_UPLOAD_MS).toISOString());
  const sweep = () => void dropStale().catch((error: unknown) => app.log.warn({ error }, 'could not drop abandoned uploads'));
  const timer = setInterval(sweep, 60 * 60 * 1000).unref();
  app.addHook('onReady', (done) => {
    sweep();
    done();
  });
  app.addHook('onClose', (_instance, done) => {
    clearInterval(timer);
    done();
  });

  app.get('/api/attachments/:hash/state', async (request, reply) => {
    const params = parseOr400(paramsSchema, request.params, reply);
    if (!params) return reply;
    return reply.header('Cache-Control', 'no-store').send(await store.state(params.hash, signedIn(request).id));
  });

  app.put('/api/attachments/:hash', async (request, reply) => {
    const params = parseOr400(paramsSchema, request.params, reply);
    const query = params && parseOr400(putQuerySchema, request.query, reply);
    if (!params || !query) return reply;
    const user = signedIn(request);
    if (user.role === 'viewer') return refuse(reply, 403, 'forbidden', 'a viewer account uploads no files');
    const total = totalSchema.safeParse(request.headers[TOTAL_HEADER]);
    if (!total.success) return refuse(reply, 400, 'invalid', `${TOTAL_HEADER}: the file's whole size in bytes is required`);
    if (total.data > MAX_ATTACHMENT_BYTES) return refuse(reply, 413, 'fileTooLarge', `file of ${total.data} bytes: at most ${MAX_ATTACHMENT_BYTES} are accepted`);
    const body = request.body;
    if (!(body instanceof Buffer) || body.byteLength === 0) return refuse(reply, 400, 'invalid', 'the body must be the bytes of one piece (application/octet-stream)');
    if (query.offset + body.byteLength > total.data) return refuse(reply, 400, 'invalid', `piece at ${query.offset} of ${body.byteLength} bytes runs past the file's ${total.data}`);
    // The first bytes say what the file is, whatever it is called: refused before anything is kept.
    if (query.offset === 0 && sniffType(body.subarray(0, 16)) === null) return refuse(reply, 415, 'fileType', 'only JPEG, PNG, WebP images and PDF files are accepted');

    if (query.offset === 0) await dropStale();
    const state = await store.state(params.hash, user.id);
    if (state.complete) return reply.header('Cache-Control', 'no-store').send(state);
    const added = await store.addPart(params.hash, user.id, query.offset, body, total.data, new Date().toISOString());
    if (!added.ok) return reply.code(409).header('Cache-Control', 'no-store').send({ error: 'offset', message: `the next piece starts at ${added.received}`, received: added.received });
    if (added.received < total.data) return reply.header('Cache-Control', 'no-store').send({ complete: false, received: added.received, total: total.data });

    const data = await store.joinParts(params.hash, user.id);
    const type = sniffType(data.subarray(0, 16));
    const actual = createHash('sha256').update(data).digest('hex');
    if (actual !== params.hash || type === null) {
      await store.dropParts(params.hash, user.id);
      return refuse(reply, 422, 'hashMismatch', `the bytes received hash to ${actual}, not ${params.hash}: upload again`);
    }
    await store.commit({ hash: params.hash, type, size: data.byteLength, data }, user.displayName, new Date().toISOString());
    return reply.header('Cache-Control', 'no-store').send({ complete: true, received: data.byteLength, total: data.byteLength });
  });

  app.get('/api/attachments/:hash', async (request, reply) => {
    const params = parseOr400(paramsSchema, request.params, reply);
    if (!params) return reply;
    const file = await store.load(params.hash);
    if (!file) return refuse(reply, 404, 'missing', `no file ${params.hash}`);
    // Content never changes under its hash; private: evidence is for signed-in users only. Opened on its own,
    // a file is a sandboxed document (opaque origin, no script), and anything but a photo is a download.
    if (!file.type.startsWith('image/')) void reply.header('Content-Disposition', `attachment; filename="${file.hash}.${EXTENSIONS[file.type] ?? 'bin'}"`);
    return reply
      .header('Content-Type', file.type)
      .header('Cache-Control', 'private, max-age=31536000, immutable')
      .header('X-Content-Type-Options', 'nosniff')
      .header('Content-Security-Policy', FILE_CSP)
      .send(Buffer.from(file.data.buffer, file.data.byteOffset, file.data.byteLength));
  });
}
