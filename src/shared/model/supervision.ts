// Supervision records of a measure (核实销号 and 督办), append-only entries like progress notes (entry-log.ts):
// each step (申请销号, 通过, 退回, 回头看 scheduled and its result) and each 督办通知 is an entry of its own, with
// author and time stamped by the server. The pure predicates here are what lists, reminders and the dashboard count.
import { z } from 'zod';
import { hashSchema } from './attachment.ts';
import { daysBetween, isoDateSchema } from './dates.ts';
import type { EntryKind } from './entry-log.ts';
import { idSchema } from './ids.ts';
import type { Measure } from './measure.ts';
import type { Extension, ProgressEntry } from './measure-history.ts';
import { lineText, longText, timestampSchema } from './record.ts';

/**
 * apply 申请销号 (the lead unit: 销号说明 and evidence); pass 通过 (→ 已销号) and return 退回 (→ 整改中), a
 * coordinator's; recheck 回头看 scheduled on a date for a closed item; recheckPass / recheckFail its result
 * (a failed re-check reopens the item).
 */
export const reviewSteps = ['apply', 'pass', 'return', 'recheck', 'recheckPass', 'recheckFail'] as const;
export type ReviewStep = (typeof reviewSteps)[number];

export const reviewEntrySchema = z
  .object({
    id: idSchema,
    step: z.enum(reviewSteps),
    /** 销号说明, 核实意见, 退回理由, 回头看 findings: in the words of whoever took the step. */
    text: longText(2_000),
    /** Document numbers (文号) given as evidence with an application. */
    evidence: z.array(lineText(200).pipe(z.string().trim().min(1))).max(50),
    /** The measure's files (by hash) submitted with an application. */
    files: z.array(hashSchema).max(100),
    /** The day a re-check is due (recheck), else null. */
    date: isoDateSchema.nullable(),
    by: z.string().max(100),
    at: timestampSchema,
  })
  .strict();
export type ReviewEntry = z.infer<typeof reviewEntrySchema>;

/** 提醒, 督办, 重点督办: how hard a unit is chased; an unanswered notice past its reply date goes one up. */
export const noticeLevels = ['remind', 'supervise', 'key'] as const;
export type NoticeLevel = (typeof noticeLevels)[number];

export const noticeSchema = z
  .object({
    id: idSchema,
    /** The 督办单's number, e.g. 督办〔2022〕1102-3A7F. */
    number: lineText(40).pipe(z.string().trim().min(1)),
    level: z.enum(noticeLevels),
    /** What the unit is asked to do and report. */
    asked: longText(2_000).pipe(z.string().trim().min(1)),
    /** The day the unit's reply is due. */
    replyBy: isoDateSchema,
    by: z.string().max(100),
    at: timestampSchema,
  })
  .strict();
export type Notice = z.infer<typeof noticeSchema>;

// Steps and notices are never acted on afterwards: a decision is a step of its own, a reply a progress note.
const noActs: EntryKind['act'] = { fields: [], value: () => null, by: 'by', at: 'at', allows: () => false, coordinatorOnly: () => true };

export const reviewKind: EntryKind = { field: 'reviews', author: 'by', time: 'at', fresh: (e) => e, act: noActs, retract: (e) => e };
export const noticeKind: EntryKind = { field: 'notices', author: 'by', time: 'at', fresh: (e) => e, act: noActs, retract: (e) => e };

type Reviewed = Pick<Measure, 'reviews'>;

/** The newest step of the 核实销号 record, if any (entries are stored in the order they were taken). */
export function latestReview(measure: Reviewed, steps: readonly ReviewStep[] = reviewSteps): ReviewEntry | undefined {
  const list = measure.reviews ?? [];
  for (let i = list.length - 1; i >= 0; i -= 1) if (steps.includes(list[i]!.step)) return list[i];
  return undefined;
}

/** Whether the measure waits in the 待核实 queue: applied for 销号 and not yet passed or returned. */
export function isAwaitingVerification(measure: Pick<Measure, 'reviews' | 'status'>): boolean {
  return measure.status === 'completed' && latestReview(measure, ['apply', 'pass', 'return'])?.step === 'apply';
}

/** Extension requests waiting for a coordinator's decision (延期待批). */
export function pendingExtensions(measure: Pick<Measure, 'extensions'>): Extension[] {
  return (measure.extensions ?? []).filter((e) => e.decision === 'pending');
}

/** How many times the unit's application for 销号 was returned (退回). */
export function returnCount(measure: Reviewed): number {
  return (measure.reviews ?? []).filter((e) => e.step === 'return').length;
}

/** Whether the latest decision on the measure was a return the unit has not answered with a new application. */
export function isReturned(measure: Pick<Measure, 'reviews' | 'status'>): boolean {
  return measure.status !== 'closed' && latestReview(measure, ['apply', 'pass', 'return'])?.step === 'return';
}

/** A 回头看 scheduled and not yet recorded, while the item stays closed. */
export function scheduledRecheck(measure: Pick<Measure, 'reviews' | 'status'>): ReviewEntry | undefined {
  const last = latestReview(measure, ['recheck', 'recheckPass', 'recheckFail', 'apply']);
  return measure.status === 'closed' && last?.step === 'recheck' ? last : undefined;
}

export type OpenNotice = {
  notice: Notice;
  /** The level it stands at: one up from the level issued when unanswered past its reply date. */
  level: NoticeLevel;
  /** Unanswered past its reply date as of `asOf` (false without one). */
  overdue: boolean;
  /** Days past the reply date (0 when not overdue). */
  daysOverdue: number;
};

/** The standing reply (a progress note not struck) to a notice, if any. */
export function replyTo(measure: Pick<Measure, 'progressLog'>, noticeId: string): ProgressEntry | undefined {
  return (measure.progressLog ?? []).find((e) => e.replyTo === noticeId && e.struckAt === undefined);
}

/** 督办 notices not yet answered, oldest first, with the level each stands at as of `asOf` (YYYY-MM-DD). */
export function openNotices(measure: Pick<Measure, 'notices' | 'progressLog'>, asOf?: string): OpenNotice[] {
  return (measure.notices ?? [])
    .filter((n) => replyTo(measure, n.id) === undefined)
    .map((notice) => {
      const overdue = asOf !== undefined && asOf > notice.replyBy;
      const daysOverdue = overdue ? daysBetween(notice.replyBy, asOf) : 0;
      const level = overdue ? noticeLevels[Math.min(noticeLevels.indexOf(notice.level) + 1, noticeLevels.length - 1)]! : notice.level;
      return { notice, level, overdue, daysOverdue };
    });
}
