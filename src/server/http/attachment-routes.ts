// The attachments API: evidence files uploaded in pieces (resumable), checked against their hash, type and
// size, then served to any signed-in device. Described in docs/sync-protocol.md.
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { hashSchema, MAX_ATTACHMENT_BYTES, sniffType, UPLOAD_CHUNK_BYTES } from '#shared/model/attachment.ts';
import type { AttachmentStore } from '#server/store/attachment-store.ts';
import { signedIn } from './auth.ts';
import { parseOr400 } from './validate.ts';

const paramsSchema = z.object({ hash: hashSchema }).strict();
const putQuerySchema = z.object({ offset: z.coerce.number().int().min(0) }).strict();
const totalSchema = z.coerce.number().int().min(1);
const TOTAL_HEADER = 'x-attachment-total';

function refuse(reply: FastifyReply, status: number, error: string, message: string) {
  return reply.code(status).header('Cache-Control', 'no-store').send({ error, message });
}

export function registerAttachmentRoutes(app: FastifyInstance, store: AttachmentStore): void {
  // Pieces arrive as raw bytes; a piece is never larger than two standard ones.
  app.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: UPLOAD_CHUNK_BYTES * 2 }, (_request, body, done) => done(null, body));

  app.get('/api/attachments/:hash/state', async (request, reply) => {
    const params = parseOr400(paramsSchema, request.params, reply);
    if (!params) return reply;
    return reply.header('Cache-Control', 'no-store').send(await store.state(params.hash));
  });

  app.put('/api/attachments/:hash', async (request, reply) => {
    const params = parseOr400(paramsSchema, request.params, reply);
    const query = params && parseOr400(putQuerySchema, request.query, reply);
    if (!params || !query) return reply;
    if (signedIn(request).role === 'viewer') return refuse(reply, 403, 'forbidden', 'a viewer account uploads no files');
    const total = totalSchema.safeParse(request.headers[TOTAL_HEADER]);
    if (!total.success) return refuse(reply, 400, 'invalid', `${TOTAL_HEADER}: the file's whole size in bytes is required`);
    if (total.data > MAX_ATTACHMENT_BYTES) return refuse(reply, 413, 'fileTooLarge', `file of ${total.data} bytes: at most ${MAX_ATTACHMENT_BYTES} are accepted`);
    const body = request.body;
    if (!(body instanceof Buffer) || body.byteLength === 0) return refuse(reply, 400, 'invalid', 'the body must be the bytes of one piece (application/octet-stream)');
    if (query.offset + body.byteLength > total.data) return refuse(reply, 400, 'invalid', `piece at ${query.offset} of ${body.byteLength} bytes runs past the file's ${total.data}`);
    // The first bytes say what the file is, whatever it is called: refused before anything is kept.
    if (query.offset === 0 && sniffType(body.subarray(0, 16)) === null) return refuse(reply, 415, 'fileType', 'only JPEG, PNG, WebP images and PDF files are accepted');

    const state = await store.state(params.hash);
    if (state.complete) return reply.header('Cache-Control', 'no-store').send(state);
    const added = await store.addPart(params.hash, query.offset, body, total.data, new Date().toISOString());
    if (!added.ok) return reply.code(409).header('Cache-Control', 'no-store').send({ error: 'offset', message: `the next piece starts at ${added.received}`, received: added.received });
    if (added.received < total.data) return reply.header('Cache-Control', 'no-store').send({ complete: false, received: added.received, total: total.data });

    const data = await store.joinParts(params.hash);
    const type = sniffType(data.subarray(0, 16));
    const actual = createHash('sha256').update(data).digest('hex');
    if (actual !== params.hash || type === null) {
      await store.dropParts(params.hash);
      return refuse(reply, 422, 'hashMismatch', `the bytes received hash to ${actual}, not ${params.hash}: upload again`);
    }
    await store.commit({ hash: params.hash, type, size: data.byteLength, data }, signedIn(request).displayName, new Date().toISOString());
    return reply.header('Cache-Control', 'no-store').send({ complete: true, received: data.byteLength, total: data.byteLength });
  });

  app.get('/api/attachments/:hash', async (request, reply) => {
    const params = parseOr400(paramsSchema, request.params, reply);
    if (!params) return reply;
    const file = await store.load(params.hash);
    if (!file) return refuse(reply, 404, 'missing', `no file ${params.hash}`);
    // Content never changes under its hash; private: evidence is for signed-in users only.
    return reply
      .header('Content-Type', file.type)
      .header('Cache-Control', 'private, max-age=31536000, immutable')
      .header('X-Content-Type-Options', 'nosniff')
      .send(Buffer.from(file.data.buffer, file.data.byteOffset, file.data.byteLength));
  });
}
