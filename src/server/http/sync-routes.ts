// The sync API: push mutations, pull records after a cursor, list and resolve conflicts.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { canResolveConflicts } from '#shared/auth/permissions.ts';
import { idSchema } from '#shared/model/ids.ts';
import { fetchRequestSchema, MAX_PULL, pushRequestSchema, resolveRequestSchema } from '#shared/sync/protocol.ts';
import type { SyncStore } from '#server/store/sync-store.ts';
import { applyPush } from '#server/sync/push.ts';
import { resolveConflict } from '#server/sync/resolve.ts';
import { signedIn } from './auth.ts';
import { parseOr400 } from './validate.ts';

const pullQuerySchema = z
  .object({ after: z.coerce.number().int().min(0).default(0), limit: z.coerce.number().int().min(1).max(MAX_PULL).default(1_000) })
  .strict();
const conflictsQuerySchema = z.object({ status: z.enum(['open', 'resolved', 'all']).default('open') }).strict();
const conflictParamsSchema = z.object({ id: idSchema }).strict();

export function registerSyncRoutes(app: FastifyInstance, store: SyncStore): void {
  app.post('/api/sync/push', async (request, reply) => {
    const body = parseOr400(pushRequestSchema, request.body, reply);
    if (!body) return reply;
    const foreign = body.mutations.find((m) => m.clientId !== body.clientId);
    if (foreign) return reply.code(400).send({ error: 'invalid', message: `mutations.${body.mutations.indexOf(foreign)}.clientId: differs from the push's clientId` });
    const outcome = await applyPush(store, body, new Date().toISOString(), signedIn(request));
    if (!outcome.ok) return reply.code(403).send({ error: outcome.error, message: `clientId ${body.clientId} belongs to another account: a device signed in anew needs a new id` });
    return reply.header('Cache-Control', 'no-store').send(outcome.incomplete ? { results: outcome.results, incomplete: outcome.incomplete } : { results: outcome.results });
  });

  app.get('/api/sync/pull', async (request, reply) => {
    const query = parseOr400(pullQuerySchema, request.query, reply);
    if (!query) return reply;
    return reply.header('Cache-Control', 'no-store').send(await store.pull(query.after, query.limit));
  });

  app.post('/api/sync/records', async (request, reply) => {
    const body = parseOr400(fetchRequestSchema, request.body, reply);
    if (!body) return reply;
    return reply.header('Cache-Control', 'no-store').send({ records: await store.fetch(body.refs) });
  });

  app.get('/api/sync/conflicts', async (request, reply) => {
    const query = parseOr400(conflictsQuerySchema, request.query, reply);
    if (!query) return reply;
    return reply.header('Cache-Control', 'no-store').send({ conflicts: await store.listConflicts(query.status) });
  });

  app.post('/api/sync/conflicts/:id/resolve', async (request, reply) => {
    const params = parseOr400(conflictParamsSchema, request.params, reply);
    const body = params && parseOr400(resolveRequestSchema, request.body, reply);
    if (!params || !body) return reply;
    if (body.action === 'edit' && body.value === undefined) return reply.code(400).send({ error: 'invalid', message: 'value: required when action is "edit"' });
    if (!canResolveConflicts(signedIn(request))) return reply.code(403).send({ error: 'forbidden', message: 'only a coordinator resolves conflicts' });
    const outcome = await resolveConflict(store, params.id, body, new Date().toISOString(), signedIn(request));
    if (!outcome.ok) return reply.code(outcome.status).send({ error: outcome.reason.code, reason: outcome.reason, message: `conflict ${params.id}: ${outcome.reason.code}` });
    return reply.send({ ok: true, seq: outcome.seq });
  });
}
