// Reads a request part with a shared zod schema; a bad one is answered 400 with what and where, and goes no further.
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';

export function parseOr400<T>(schema: z.ZodType<T>, input: unknown, reply: FastifyReply): T | undefined {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.slice(0, 10).map((issue) => {
    const where = issue.path.length > 0 ? issue.path.join('.') : '(body)';
    return issue.code === 'unrecognized_keys' ? `${where}: unknown field(s) ${issue.keys.join(', ')}` : `${where}: ${issue.message}`;
  });
  void reply.code(400).send({ error: 'invalid', message: problems.join('; '), issues: problems });
  return undefined;
}
