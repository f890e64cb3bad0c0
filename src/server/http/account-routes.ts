// Accounts (admin only) and the audit trail (every signed-in user reads it; CSV for export).
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { canManageUsers, roles } from '#shared/auth/permissions.ts';
import { entityNames } from '#shared/model/entities.ts';
import { idSchema } from '#shared/model/ids.ts';
import { addUser } from '#server/auth/accounts.ts';
import { hashPassword } from '#server/auth/passwords.ts';
import type { AccountStore, AuditRow } from '#server/store/account-store.ts';
import { signedIn } from './auth.ts';
import { parseOr400 } from './validate.ts';

// A name is shown everywhere and stored as text: no control characters (PostgreSQL cannot even hold NUL).
const displayNameSchema = z.string().trim().min(1).max(50).regex(/^[^\p{Cc}]*$/u, 'no control characters');

const newUserSchema = z
  .object({
    username: z.string().trim().min(1).max(50).regex(/^[\w.@-]+$/, 'letters, digits, . _ @ - only'),
    displayName: displayNameSchema,
    password: z.string().min(8).max(200),
    role: z.enum(roles),
    departmentIds: z.array(idSchema).max(100).default([]),
  })
  .strict();
const patchUserSchema = z
  .object({
    displayName: displayNameSchema.optional(),
    password: z.string().min(8).max(200).optional(),
    role: z.enum(roles).optional(),
    departmentIds: z.array(idSchema).max(100).optional(),
    disabled: z.boolean().optional(),
  })
  .strict();
const auditQuerySchema = z
  .object({ entity: z.enum(entityNames).optional(), id: idSchema.optional(), limit: z.coerce.number().int().min(1).max(100_000).default(500) })
  .strict();

function toAuditEntry(row: AuditRow) {
  return {
    seq: Number(row.change_seq),
    at: row.at,
    receivedAt: row.received_at,
    user: row.display_name,
    username: row.username,
    clientId: row.client_id,
    entity: row.entity,
    recordId: row.record_id,
    op: row.op,
    field: row.field,
    oldValue: row.old_value === null ? null : (JSON.parse(row.old_value) as unknown),
    newValue: row.new_value === null ? null : (JSON.parse(row.new_value) as unknown),
    mutationId: row.mutation_id,
    carriedBy: row.carried_by,
  };
}

/** CSV text cells: quoted, and neutralised when they would start a spreadsheet formula. */
function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
  if (/^[=+\-@\t\r＝＋－＠]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

export function registerAccountRoutes(app: FastifyInstance, accounts: AccountStore): void {
  const adminOnly = (request: Parameters<typeof signedIn>[0]) => canManageUsers(signedIn(request));

  app.get('/api/users', async (request, reply) => {
    if (!adminOnly(request)) return reply.code(403).send({ error: 'forbidden', message: 'only an administrator manages accounts' });
    return reply.send({ users: await accounts.listUsers() });
  });

  app.post('/api/users', async (request, reply) => {
    if (!adminOnly(request)) return reply.code(403).send({ error: 'forbidden', message: 'only an administrator manages accounts' });
    const body = parseOr400(newUserSchema, request.body, reply);
    if (!body) return reply;
    if (await accounts.findByUsername(body.username)) return reply.code(409).send({ error: 'exists', message: `username: "${body.username}" is taken` });
    return reply.code(201).send({ user: await addUser(accounts, body) });
  });

  app.patch('/api/users/:id', async (request, reply) => {
    if (!adminOnly(request)) return reply.code(403).send({ error: 'forbidden', message: 'only an administrator manages accounts' });
    const params = parseOr400(z.object({ id: idSchema }).strict(), request.params, reply);
    const body = params && parseOr400(patchUserSchema, request.body, reply);
    if (!params || !body) return reply;
    const user = await accounts.findById(params.id);
    if (!user) return reply.code(404).send({ error: 'missing', message: `no user ${params.id}` });
    await accounts.updateUser(
      user.id,
      {
        ...(body.displayName ? { display_name: body.displayName } : {}),
        ...(body.role ? { role: body.role } : {}),
        ...(body.disabled !== undefined ? { disabled: body.disabled ? 1 : 0 } : {}),
        ...(body.password ? { password_hash: await hashPassword(body.password) } : {}),
      },
      body.departmentIds,
    );
    if (body.password || body.disabled) await accounts.deleteSessionsOf(user.id);
    return reply.send({ ok: true });
  });

  app.get('/api/audit', async (request, reply) => {
    const query = parseOr400(auditQuerySchema, request.query, reply);
    if (!query) return reply;
    const rows = await accounts.listAudit({ entity: query.entity, recordId: query.id, limit: query.limit });
    return reply.header('Cache-Control', 'no-store').send({ entries: rows.map(toAuditEntry) });
  });

  app.get('/api/audit.csv', async (request, reply) => {
    const query = parseOr400(auditQuerySchema, request.query, reply);
    if (!query) return reply;
    const rows = await accounts.listAudit({ entity: query.entity, recordId: query.id, limit: query.limit });
    const header = ['序号', '时间', '接收时间', '修改人', '账号', '设备', '对象', '记录', '操作', '字段', '原值', '新值', '变更编号'];
    const lines = rows.map(toAuditEntry).map((e) => [e.seq, e.at, e.receivedAt, e.user, e.username, e.clientId, e.entity, e.recordId, e.op, e.field, e.oldValue, e.newValue, e.mutationId].map(csvCell).join(','));
    return reply
      .header('Content-Type', 'text/csv; charset=utf-8')
      .header('Content-Disposition', 'attachment; filename="audit.csv"')
      .send(`\ufeff${[header.map(csvCell).join(','), ...lines].join('\r\n')}\r\n`);
  });
}
