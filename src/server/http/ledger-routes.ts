// The ledger as a whole: its name and whether the server is a demonstration (GET /api/ledger); an administrator's
// clearing of the shared contents, confirmed by typing the ledger's name, audited and restorable; and changes a
// coordinator carries in from a device that could not send them (POST /api/sync/carry).
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { canCarryChanges, canClearLedger } from '#shared/auth/permissions.ts';
import { idSchema } from '#shared/model/ids.ts';
import { carryRequestSchema, clearRequestSchema, type LedgerInfo } from '#shared/sync/protocol.ts';
import type { AccountStore } from '#server/store/account-store.ts';
import type { LedgerClearStore } from '#server/store/ledger-clear-store.ts';
import type { SyncStore } from '#server/store/sync-store.ts';
import { carryChanges } from '#server/sync/carry.ts';
import { newId } from '#shared/model/ids.ts';
import { signedIn } from './auth.ts';
import { parseOr400 } from './validate.ts';

export type LedgerRouteOptions = { info: LedgerInfo; store: SyncStore; clears: LedgerClearStore; accounts: AccountStore };

export function registerLedgerRoutes(app: FastifyInstance, { info, store, clears, accounts }: LedgerRouteOptions): void {
  app.get('/api/ledger', async (_request, reply) => reply.header('Cache-Control', 'no-store').send(info));

  app.get('/api/ledger/clears', async (request, reply) => {
    if (!canClearLedger(signedIn(request))) return reply.code(403).send({ error: 'adminOnly', message: 'only an administrator clears or restores the shared ledger' });
    return reply.header('Cache-Control', 'no-store').send({ clears: await clears.list() });
  });

  app.post('/api/ledger/clear', async (request, reply) => {
    const user = signedIn(request);
    if (!canClearLedger(user)) return reply.code(403).send({ error: 'adminOnly', message: 'only an administrator clears or restores the shared ledger' });
    const body = parseOr400(clearRequestSchema, request.body, reply);
    if (!body) return reply;
    if (body.confirm.trim() !== info.name) return reply.code(422).send({ error: 'confirmName', message: `confirm: type the ledger's name "${info.name}"` });
    const id = newId();
    const count = await clears.clear(id, user, new Date().toISOString());
    request.log.warn({ clear: id, by: user.username, count }, 'shared ledger cleared');
    return reply.send({ ok: true, id, count });
  });

  app.post('/api/ledger/clears/:id/restore', async (request, reply) => {
    const user = signedIn(request);
    if (!canClearLedger(user)) return reply.code(403).send({ error: 'adminOnly', message: 'only an administrator clears or restores the shared ledger' });
    const params = parseOr400(z.object({ id: idSchema }).strict(), request.params, reply);
    if (!params) return reply;
    const count = await clears.restore(params.id, user, new Date().toISOString());
    if (count === null) return reply.code(409).send({ error: 'restored', message: `clearing ${params.id} is unknown or already restored` });
    return reply.send({ ok: true, count });
  });

  app.post('/api/sync/carry', async (request, reply) => {
    const user = signedIn(request);
    if (!canCarryChanges(user)) return reply.code(403).send({ error: 'coordinatorOnly', message: 'only a coordinator brings in another device’s changes' });
    const body = parseOr400(carryRequestSchema, request.body, reply);
    if (!body) return reply;
    const outcome = await carryChanges(store, accounts, body, user, new Date().toISOString());
    if (!outcome.ok) return reply.code(outcome.status).send({ error: outcome.code, message: outcome.message });
    return reply.header('Cache-Control', 'no-store').send({ results: outcome.results });
  });
}
