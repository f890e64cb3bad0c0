// A measure's history on the ground: dated progress notes (the weekly dispatch record, 每周调度) and
// extension requests (延期申请) with a coordinator's decision, both append-only entry lists (entry-log.ts).
// Pure rules that build the changed fields.
import { z } from 'zod';
import { isoDateSchema } from './dates.ts';
import type { Entry, EntryKind } from './entry-log.ts';
import { idSchema, newId } from './ids.ts';
import { overlay } from './overlay.ts';
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
    /** Struck (撤回) by its author or a coordinator: kept, shown crossed out, no longer the latest progress. */
    struckBy: z.string().max(100).optional(),
    struckAt: timestampSchema.optional(),
    /** The unit the note speaks for (a cooperating unit reporting its part); absent on notes from before units were named. */
    departmentId: idSchema.optional(),
    /** The 督办 notice this note answers. */
    replyTo: idSchema.optional(),
  })
  .strict();
export type ProgressEntry = z.infer<typeof progressEntrySchema>;

/** withdrawn: the department took its request back (the entry stays, as every entry does). */
export const extensionDecisions = ['pending', 'approved', 'refused', 'withdrawn'] as const;
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

/**
 * The log with one more note at its end. The note's id is given by the form that wrote it, so that saving the
 * same note again (a draft restored after its save) adds nothing.
 */
export function appendProgress(
  log: readonly ProgressEntry[],
  note: { id?: string; date: string; text: string; progress: number | null; status: Status | null; departmentId?: string; replyTo?: string },
  who: Who,
): ProgressEntry[] {
  const id = note.id ?? newId();
  if (log.some((e) => e.id === id)) return [...log];
  const entry: ProgressEntry = { id, date: note.date, text: note.text.trim(), progress: note.progress, status: note.status, by: who.actor, at: who.now };
  if (note.departmentId) entry.departmentId = note.departmentId;
  if (note.replyTo) entry.replyTo = note.replyTo;
  return [...log, entry];
}

/** The log with one note struck (撤回): it stays in the record, crossed out. */
export function strikeProgress(log: readonly ProgressEntry[], id: string, who: Who): ProgressEntry[] {
  return log.map((e) => (e.id === id && e.struckAt === undefined ? { ...e, struckBy: who.actor, struckAt: who.now } : e));
}

/** Newest first, by the day seen and then by when it was written. */
export function sortProgress(log: readonly ProgressEntry[]): ProgressEntry[] {
  return [...log].sort((a, b) => (a.date === b.date ? b.at.localeCompare(a.at) || b.id.localeCompare(a.id) : b.date.localeCompare(a.date)));
}

/** The newest note not struck: what 最新进展 shows. */
export function latestProgress(log: readonly ProgressEntry[]): ProgressEntry | undefined {
  return sortProgress(log.filter((e) => e.struckAt === undefined))[0];
}

/** 最新进展 and its date follow the newest note, whenever the log changed and holds one. */
export function withLatestNote<T extends Record<string, unknown>>(record: T): T {
  const log = Array.isArray(record.progressLog) ? (record.progressLog as ProgressEntry[]) : [];
  const latest = latestProgress(log);
  return latest ? overlay<T>(record, { progressNote: latest.text, progressNoteDate: latest.date }) : record;
}

export const progressKind: EntryKind = {
  field: 'progressLog',
  author: 'by',
  time: 'at',
  fresh: ({ struckBy: _by, struckAt: _at, ...entry }: Entry) => entry,
  act: {
    fields: ['struckBy', 'struckAt'],
    value: (e) => typeof e.struckAt === 'string',
    by: 'struckBy',
    at: 'struckAt',
    allows: (e) => typeof e.struckAt === 'string',
    coordinatorOnly: () => false,
  },
  retract: (e) => ({ ...e, struckBy: e.by, struckAt: e.at }),
};

export const extensionKind: EntryKind = {
  field: 'extensions',
  author: 'requestedBy',
  time: 'requestedAt',
  fresh: (e) => ({ ...e, decision: 'pending', decidedBy: null, decidedAt: null }),
  act: {
    fields: ['decision', 'decidedBy', 'decidedAt'],
    value: (e) => e.decision,
    by: 'decidedBy',
    at: 'decidedAt',
    allows: (e) => e.decision === 'approved' || e.decision === 'refused' || e.decision === 'withdrawn',
    // Deciding is a coordinator's part; withdrawing, the asker's own.
    coordinatorOnly: (e) => e.decision !== 'withdrawn',
  },
  retract: (e) => ({ ...e, decision: 'withdrawn', decidedBy: e.requestedBy, decidedAt: e.requestedAt }),
};

export function pendingExtension(extensions: readonly Extension[]): Extension | undefined {
  return extensions.find((e) => e.decision === 'pending');
}

export function requestExtension(extensions: readonly Extension[], request: { id?: string; requestedDeadline: string; reason: string }, who: Who): Extension[] {
  const id = request.id ?? newId();
  if (extensions.some((e) => e.id === id)) return [...extensions];
  return [
    ...extensions,
    {
      id,
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

/** The department takes its pending request back; the request stays listed as withdrawn. */
export function withdrawExtension(extensions: readonly Extension[], id: string, who: Who): Extension[] {
  return extensions.map((e) => (e.id === id && e.decision === 'pending' ? { ...e, decision: 'withdrawn', decidedBy: who.actor, decidedAt: who.now } : e));
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
 * (a coordinator's part): every new request is pending, every earlier one stays as it was or is withdrawn.
 */
export function onlyRequests(before: readonly Extension[], after: readonly Extension[]): boolean {
  const old = new Map(before.map((e) => [e.id, e]));
  for (const e of after) {
    const was = old.get(e.id);
    if (!was) {
      if (e.decision !== 'pending' || e.decidedBy !== null) return false;
    } else if (JSON.stringify(was) !== JSON.stringify(e) && !(was.decision === 'pending' && e.decision === 'withdrawn')) return false;
  }
  const kept = new Set(after.map((e) => e.id));
  return before.every((e) => kept.has(e.id));
}
