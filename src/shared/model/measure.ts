// Measure (整改措施): what one department does about a problem, with its owner, deadline, status and proof.
import { z } from 'zod';
import { isoDateSchema } from './dates.ts';
import { idSchema } from './ids.ts';
import { attachmentSchema } from './attachment.ts';
import { extensionSchema, progressEntrySchema } from './measure-history.ts';
import { closureShape, lineText, longText, recordMetaShape } from './record.ts';
import { statusSchema } from './status.ts';
import { noticeSchema, reviewEntrySchema } from './supervision.ts';

export const measureTypes = ['policy', 'campaign', 'mechanism', 'other'] as const;
export type MeasureType = (typeof measureTypes)[number];

/** A figure the measure is judged by, e.g. 不动产登记办结时限: target 1, unit 个工作日. */
export const indicatorSchema = z
  .object({
    name: lineText(100).pipe(z.string().trim().min(1)),
    target: z.number().finite().nullable(),
    actual: z.number().finite().nullable(),
    unit: lineText(20),
    /** Where the figure comes from (the document and the unit that states it), so that disagreeing sources can stand side by side. */
    source: lineText(200),
    /** The day the figure stands at (截至…); indicators written before it existed have none. */
    asOf: isoDateSchema.nullable().default(null),
  })
  .strict();
export type Indicator = z.infer<typeof indicatorSchema>;

export const measureSchema = z
  .object({
    id: idSchema,
    problemId: idSchema,
    /** Order within the problem; fractional so that a row can be put between two others. */
    seq: z.number().finite().min(0),
    /** The source's own numbering (一是, 一是①, 1.), for display only. */
    label: lineText(20),
    title: lineText(200).pipe(z.string().trim().min(1)),
    details: longText(20_000),
    type: z.enum(measureTypes),
    leadDepartmentId: idSchema.nullable(),
    cooperatingDepartmentIds: z.array(idSchema).max(200),
    owner: lineText(50),
    deadline: isoDateSchema.nullable(),
    /** The deadline in the source's words (年底前, 9月底前), kept beside the date read from it. */
    deadlineNote: lineText(100),
    status: statusSchema,
    progress: z.number().int().min(0).max(100),
    progressNote: longText(5_000),
    progressNoteDate: isoDateSchema.nullable(),
    indicators: z.array(indicatorSchema).max(50),
    evidence: z.array(lineText(200).pipe(z.string().trim().min(1))).max(200),
    /** Every progress note ever written, oldest first; progressNote/progressNoteDate repeat the latest. */
    progressLog: z.array(progressEntrySchema).max(2_000),
    extensions: z.array(extensionSchema).max(50),
    /** Photos and files, by content hash; the bytes travel separately (attachments API). */
    attachments: z.array(attachmentSchema).max(100),
    /** 核实销号: every application, decision and 回头看, oldest first. */
    reviews: z.array(reviewEntrySchema).max(500),
    /** 督办通知 sent to the lead unit, oldest first; replies are progress notes naming them. */
    notices: z.array(noticeSchema).max(500),
    /** Where the measure was taken from: the document and its lines, e.g. 附件8 …报告（第602–604行）. */
    source: lineText(300),
    ...closureShape,
    ...recordMetaShape,
  })
  .strict()
  .superRefine((m, ctx) => {
    if (m.leadDepartmentId !== null && m.cooperatingDepartmentIds.includes(m.leadDepartmentId)) {
      ctx.addIssue({ code: 'custom', path: ['cooperatingDepartmentIds'], message: 'roleTwice' });
    }
    const pending = m.extensions.filter((e) => e.decision === 'pending');
    if (pending.length > 1) ctx.addIssue({ code: 'custom', path: ['extensions'], message: 'extensionPending' });
    // An extension asks for a later deadline than the one in force.
    if (m.deadline !== null && pending.some((e) => e.requestedDeadline <= m.deadline!)) {
      ctx.addIssue({ code: 'custom', path: ['extensions'], message: 'extensionNotLater' });
    }
    if (new Set(m.attachments.map((a) => a.hash)).size !== m.attachments.length) {
      ctx.addIssue({ code: 'custom', path: ['attachments'], message: 'duplicateFile' });
    }
  });

export type Measure = z.infer<typeof measureSchema>;

/** Whether any of the departments leads or supports the measure: what 我的任务 lists and a device keeps offline. */
export function involvesAny(measure: Pick<Measure, 'leadDepartmentId' | 'cooperatingDepartmentIds'>, departmentIds: ReadonlySet<string>): boolean {
  return (measure.leadDepartmentId !== null && departmentIds.has(measure.leadDepartmentId)) || measure.cooperatingDepartmentIds.some((id) => departmentIds.has(id));
}
