// A measure's history on the ground: dated progress notes (the weekly dispatch record, 每周调度) and
// extension requests (延期申请) with a coordinator's decision. Pure rules that build the changed fields.
import { z } from 'zod';
import { isoDateSchema } from './dates.ts';
import { idSchema, newId } from './ids.ts';
import { longText, timestampSchema } from './record.ts';
import { type Status, statusSchema } from './status.ts';

export const progressEntrySchema = z
  .object({
    id: idSchema,
    /** The day the progress was seen, as the user gives it (not always the day it was typed). */
    date: isoDateSchema,
    text: longText(5_000).pipe(z.string().trim().min(1)),
    /** The measure's progress and status as of this note: the dispatch record reads without the audit. */
    progress: z.number().int().min(0).max(100).nullable(),
    status: statusSchema.nullable(),
    by: z.string().max(100),
    at: timestampSchema,
  })
  .strict();
export type ProgressEntry = z.infer<typeof progressEntrySchema>;

export const extensionDecisions = ['pending', 'approved', 'refused'] as const;
export type ExtensionDecision = (typeof extensionDecisions)[number];

export const extensionSchema = z
  .object({
    id: idSchema,
    /** The deadline the department asks for. */
    requestedDeadline: isoDateSchema,
    reason: longText(1_000).pipe(z.string().trim().min(1)),
    requestedBy: z.string().max(100),
    requestedAt: timestampSchema,
    decision: z.enum(extensionDecisions),
    decidedBy: z.string().max(100).nullable(),
    decidedAt: timestampSchema.nullable(),
  })
  .strict();
export type Extension = z.infer<typeof extensionSchema>;

type Who = { actor: string; now: string };

/** The log with one more note at its end. */
export function appendProgress(
  log: readonly ProgressEntry[],
  note: { date: string; text: string; progress: number | null; status: Status | null },
  who: Who,
): ProgressEntry[] {
  return [...log, { id: newId(), date: note.date, text: note.text.trim(), progress: note.progress, status: note.status, by: who.actor, at: who.now }];
}

/** Newest first, by the day seen and then by when it was written. */
export function sortProgress(log: readonly ProgressEntry[]): ProgressEntry[] {
  return [...log].sort((a, b) => (a.date === b.date ? b.at.localeCompare(a.at) : b.date.localeCompare(a.date)));
}

/**
 * Both sides of a log changed on two devices at once: every note either wrote stands (a note is never lost
 * to another note), ordered by when it was written.
 */
export function unionProgress(a: readonly ProgressEntry[], b: readonly ProgressEntry[]): ProgressEntry[] {
  const byId = new Map<string, ProgressEntry>();
  for (const entry of [...a, ...b]) if (!byId.has(entry.id)) byId.set(entry.id, entry);
  return [...byId.values()].sort((x, y) => x.at.localeCompare(y.at) || x.id.localeCompare(y.id));
}

export function pendingExtension(extensions: readonly Extension[]): Extension | undefined {
  return extensions.find((e) => e.decision === 'pending');
}

export function requestExtension(extensions: readonly Extension[], request: { requestedDeadline: string; reason: string }, who: Who): Extension[] {
  return [
    ...extensions,
    {
      id: newId(),
      requestedDeadline: request.requestedDeadline,
      reason: request.reason.trim(),
      requestedBy: who.actor,
      requestedAt: who.now,
      decision: 'pending',
      decidedBy: null,
      decidedAt: null,
    },
  ];
}

/** A coordinator's decision; an approval moves the deadline to the one asked for. */
export function decideExtension(
  extensions: readonly Extension[],
  id: string,
  approve: boolean,
  who: Who,
): { extensions: Extension[]; deadline?: string } {
  const target = extensions.find((e) => e.id === id && e.decision === 'pending');
  if (!target) return { extensions: [...extensions] };
  const decided: Extension = { ...target, decision: approve ? 'approved' : 'refused', decidedBy: who.actor, decidedAt: who.now };
  const next = extensions.map((e) => (e.id === id ? decided : e));
  return approve ? { extensions: next, deadline: target.requestedDeadline } : { extensions: next };
}

/**
 * Whether a change to the requests only asks or withdraws (what a department may do), rather than decides
 * (a coordinator's part): every decided request stays as it was, every new one is pending.
 */
export function onlyRequests(before: readonly Extension[], after: readonly Extension[]): boolean {
  const old = new Map(before.map((e) => [e.id, e]));
  for (const e of after) {
    const was = old.get(e.id);
    if (!was) {
      if (e.decision !== 'pending' || e.decidedBy !== null) return false;
    } else if (JSON.stringify(was) !== JSON.stringify(e)) return false;
  }
  const kept = new Set(after.map((e) => e.id));
  return before.every((e) => kept.has(e.id) || e.decision === 'pending');
}
