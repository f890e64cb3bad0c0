// The steps of 核实销号 and 督办 as pure rules: each builds the fields of one change (a new entry, with the status
// it brings), and `checkSteps` refuses a change whose steps do not fit the measure as it stood — on the device
// (applyChange) and again on the server (merge), so that an offline decision is judged on what it meets.
import { todayIso } from './dates.ts';
import type { FieldError } from './field-error.ts';
import { newId } from './ids.ts';
import type { Measure } from './measure.ts';
import type { Status } from './status.ts';
import { isAwaitingVerification, type Notice, type NoticeLevel, type ReviewEntry, type ReviewStep } from './supervision.ts';

type Who = { actor: string; now: string };
type Loose = Record<string, unknown>;
type Reviewable = Pick<Measure, 'reviews' | 'status' | 'evidence' | 'attachments'>;

export type StepResult = { ok: true; fields: Partial<Measure> } | { ok: false; errors: FieldError[] };

/** The status each step leaves the measure in (null: unchanged). */
const statusAfter: Record<ReviewStep, Status | null> = {
  apply: 'completed',
  pass: 'closed',
  return: 'in_progress',
  recheck: null,
  recheckPass: null,
  recheckFail: 'in_progress',
};

function step(measure: Pick<Measure, 'reviews' | 'status'>, entry: Omit<ReviewEntry, 'id' | 'by' | 'at'> & { id?: string }, who: Who): Partial<Measure> {
  const id = entry.id ?? newId();
  const reviews = [...(measure.reviews ?? []), { ...entry, text: entry.text.trim(), id, by: who.actor, at: who.now }];
  const status = statusAfter[entry.step];
  return status && status !== measure.status ? { reviews, status } : { reviews };
}

/**
 * 申请销号: the lead unit says the measure is done and asks for verification, with a 销号说明 and at least one
 * piece of evidence: a document number given now or already listed, or a file of the measure. Refused naming
 * what is missing.
 */
export function applyForClosing(measure: Reviewable, application: { id?: string; text: string; documents: readonly string[] }, who: Who): StepResult {
  const evidence = [...new Set([...(measure.evidence ?? []), ...application.documents].map((d) => d.trim()).filter((d) => d !== ''))];
  const files = (measure.attachments ?? []).map((a) => a.hash);
  const errors: FieldError[] = [];
  if (application.text.trim() === '') errors.push({ field: 'reviewNote', code: 'required' });
  if (evidence.length === 0 && files.length === 0) errors.push({ field: 'reviewEvidence', code: 'required' });
  if (errors.length > 0) return { ok: false, errors };
  const fields = step(measure, { id: application.id, step: 'apply', text: application.text, evidence, files, date: null }, who);
  // Document numbers given with the application join the measure's evidence (佐证材料) for good.
  return { ok: true, fields: evidence.length > (measure.evidence ?? []).length ? { ...fields, evidence } : fields };
}

/** 通过 (→ 已销号, the verifier's opinion on record) or 退回 (→ 整改中, with the reason): a coordinator's. */
export function decideClosing(measure: Pick<Measure, 'reviews' | 'status'>, decision: { pass: boolean; text: string }, who: Who): StepResult {
  if (!decision.pass && decision.text.trim() === '') return { ok: false, errors: [{ field: 'reviewReason', code: 'required' }] };
  return { ok: true, fields: step(measure, { step: decision.pass ? 'pass' : 'return', text: decision.text, evidence: [], files: [], date: todayIso(new Date(who.now)) }, who) };
}

/** 回头看: a closed item scheduled for a re-check on a date. */
export function scheduleRecheck(measure: Pick<Measure, 'reviews' | 'status'>, plan: { date: string; text: string }, who: Who): StepResult {
  return { ok: true, fields: step(measure, { step: 'recheck', text: plan.text, evidence: [], files: [], date: plan.date }, who) };
}

/** The re-check's result: confirmed, or failed with the reason, which reopens the item (→ 整改中). */
export function recordRecheck(measure: Pick<Measure, 'reviews' | 'status'>, result: { pass: boolean; text: string }, who: Who): StepResult {
  if (!result.pass && result.text.trim() === '') return { ok: false, errors: [{ field: 'reviewReason', code: 'required' }] };
  return { ok: true, fields: step(measure, { step: result.pass ? 'recheckPass' : 'recheckFail', text: result.text, evidence: [], files: [], date: todayIso(new Date(who.now)) }, who) };
}

/** A 督办通知 to the measure's lead unit; its number reads like 督办〔2022〕1102-3A7F (year, day, a piece of its id). */
export function issueNotice(measure: Pick<Measure, 'notices'>, notice: { id?: string; level: NoticeLevel; asked: string; replyBy: string }, who: Who): StepResult {
  const errors: FieldError[] = [];
  if (notice.asked.trim() === '') errors.push({ field: 'noticeAsked', code: 'required' });
  if (notice.replyBy === '') errors.push({ field: 'noticeReplyBy', code: 'required' });
  if (errors.length > 0) return { ok: false, errors };
  const id = notice.id ?? newId();
  const day = todayIso(new Date(who.now));
  const number = `督办〔${day.slice(0, 4)}〕${day.slice(5, 7)}${day.slice(8, 10)}-${id.replace(/-/g, '').slice(-4).toUpperCase()}`;
  const entry: Notice = { id, number, level: notice.level, asked: notice.asked.trim(), replyBy: notice.replyBy, by: who.actor, at: who.now };
  return { ok: true, fields: { notices: [...(measure.notices ?? []), entry] } };
}

const asList = <T>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]) : []);

/** Which steps fit a measure standing at `before`: 申请 an open one, decisions an application, 回头看 a closed one. */
function fits(step: ReviewStep, before: Pick<Measure, 'reviews' | 'status'>): boolean {
  switch (step) {
    case 'apply':
      return before.status !== 'closed' && !isAwaitingVerification(before);
    case 'pass':
    case 'return':
      return isAwaitingVerification(before);
    default:
      return before.status === 'closed';
  }
}

/**
 * Refuses a change whose 核实销号 steps do not fit the measure as it stood (`before`), or whose status does not
 * follow its step: 已销号 only through 通过, one step per change. A measure's first record (create, an import)
 * may stand closed as the source says.
 */
export function checkSteps(before: Loose | undefined | null, after: Loose): FieldError | null {
  if (!before) return null;
  const known = new Set(asList<ReviewEntry>(before.reviews).map((e) => e.id));
  const added = asList<ReviewEntry>(after.reviews).filter((e) => !known.has(e.id));
  const standing = { reviews: asList<ReviewEntry>(before.reviews), status: before.status as Status };
  if (added.length > 1) return { field: 'reviews', code: 'stepOutOfOrder' };
  const [entry] = added;
  if (entry) {
    if (!fits(entry.step, standing)) return { field: 'reviews', code: 'stepOutOfOrder' };
    const wanted = statusAfter[entry.step] ?? standing.status;
    if (after.status !== wanted) return { field: 'status', code: 'stepOutOfOrder' };
    return null;
  }
  if (after.status === 'closed' && before.status !== 'closed') return { field: 'status', code: 'closeNeedsVerification' };
  return null;
}
