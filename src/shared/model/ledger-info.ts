// Ledger information (台账信息): the documents the ledger rests on and the figures the report itself states
// (报告口径), so that reports can show what was reported beside what the ledger counts.
import { z } from 'zod';
import { isoDateSchema } from './dates.ts';
import { idSchema } from './ids.ts';
import { lineText, recordMetaShape } from './record.ts';

export const sourceDocumentSchema = z
  .object({
    /** 发文字号, '' for a document that has none (the report itself). */
    number: lineText(60),
    title: lineText(300).pipe(z.string().trim().min(1)),
    issuer: lineText(100),
    date: isoDateSchema.nullable(),
    /** What the document is to the ledger: the review opinions the problems come from, the plan that asked for the report … */
    role: lineText(100),
  })
  .strict();
export type SourceDocument = z.infer<typeof sourceDocumentSchema>;

/**
 * A figure as a report states it, e.g. 已出台整改政策措施 56 项. `key` names what a report compares it with
 * (policies, campaigns, mechanisms …; '' when nothing): the count the ledger computes for the same thing.
 */
export const reportedFigureSchema = z
  .object({
    key: lineText(40),
    name: lineText(100).pipe(z.string().trim().min(1)),
    value: z.number().finite(),
    unit: lineText(20),
    /** The words as reported, qualifiers such as 余 or 超 included. */
    quote: lineText(200),
    asOf: isoDateSchema.nullable(),
    /** The document and place that state it, e.g. 报告正文（第13行）. */
    source: lineText(200),
  })
  .strict();
export type ReportedFigure = z.infer<typeof reportedFigureSchema>;

export const ledgerInfoSchema = z
  .object({
    id: idSchema,
    title: lineText(200).pipe(z.string().trim().min(1)),
    documents: z.array(sourceDocumentSchema).max(100),
    reportedFigures: z.array(reportedFigureSchema).max(500),
    ...recordMetaShape,
  })
  .strict();

export type LedgerInfo = z.infer<typeof ledgerInfoSchema>;
