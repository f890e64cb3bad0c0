// 每月通报 (monthly bulletin) as issued: the numbers and lists of one month as they stood when a coordinator
// issued it (第 N 期), kept as a snapshot that syncs to every device and never changes when the ledger does.
import { z } from 'zod';
import { isoDateSchema } from './dates.ts';
import { idSchema } from './ids.ts';
import { recordMetaShape } from './record.ts';
import { statusSchema } from './status.ts';

const name = z.string().max(300);
const count = z.number().int().min(0);
const rate = z.number().min(0).max(1).nullable();

export const bulletinOverallSchema = z.object({ problems: count, measures: count, done: count, closed: count, overdue: count, red: count, rate }).strict();

/** The change since the previous 期 (null: the first one). */
export const bulletinChangeSchema = z.object({ number: z.number().int().min(1), done: z.number().int(), closed: z.number().int(), overdue: z.number().int(), rate: z.number().nullable() }).strict();

export const bulletinUnitSchema = z.object({ name, measures: count, done: count, closed: count, overdue: count, rate, rank: z.number().int().min(1) }).strict();
/** One measure as a bulletin lists it: its problem's number, its text, its lead unit. */
const item = { problemNumber: z.number().int(), measure: name, unit: name };
export const bulletinRedSchema = z.object({ ...item, deadline: isoDateSchema.nullable(), daysOverdue: count }).strict();
export const bulletinClosedSchema = z.object({ ...item, closedOn: isoDateSchema }).strict();
export const bulletinExtensionSchema = z.object({ ...item, requestedDeadline: isoDateSchema, approved: z.boolean(), decidedOn: isoDateSchema }).strict();
export const bulletinUnreportedSchema = z.object({ unit: name, weeks: z.array(z.string().max(10)).max(6) }).strict();
export const bulletinNoticeSchema = z.object({ ...item, number: name, level: z.enum(['remind', 'supervise', 'key']), replyBy: isoDateSchema, daysOverdue: count, status: statusSchema }).strict();

export const bulletinDataSchema = z
  .object({
    /** The ledger's title, e.g. 商丘市优化营商环境执法检查问题整改台账. */
    ledger: name,
    number: z.number().int().min(1).max(10_000),
    /** YYYY-MM. */
    month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
    asOf: isoDateSchema,
    overall: bulletinOverallSchema,
    change: bulletinChangeSchema.nullable(),
    units: z.array(bulletinUnitSchema).max(2_000),
    red: z.array(bulletinRedSchema).max(100_000),
    closed: z.array(bulletinClosedSchema).max(100_000),
    extensions: z.array(bulletinExtensionSchema).max(100_000),
    unreported: z.array(bulletinUnreportedSchema).max(2_000),
    notices: z.array(bulletinNoticeSchema).max(100_000),
  })
  .strict();
export type BulletinData = z.infer<typeof bulletinDataSchema>;

/** The issued bulletin: who issued it and when are the record's createdBy/createdAt, stamped by the server. */
export const bulletinSchema = z
  .object({
    id: idSchema,
    number: z.number().int().min(1).max(10_000),
    month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
    data: bulletinDataSchema,
    ...recordMetaShape,
  })
  .strict();
export type Bulletin = z.infer<typeof bulletinSchema>;

/** The number the next bulletin takes: one after the highest issued. */
export function nextBulletinNumber(issued: readonly Pick<Bulletin, 'number'>[]): number {
  return issued.reduce((n, b) => Math.max(n, b.number), 0) + 1;
}
