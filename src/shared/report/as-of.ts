// The ledger as it stood at the end of a day. Each record's own dated history says most of it: its progress
// notes (each dated by its author, with the status it reported), its extension requests and their decisions,
// when it was closed. Where the audit trail is at hand (the server, the command line) it also rewinds every
// field changed after the day, and brings back records deleted after it. Every record the ledger holds counts:
// records are stamped when they reach this ledger, which says nothing of when the work began (the sample, an
// import of an older ledger), so a record's creation time does not hide it from an earlier day.
import type { EntityName } from '../model/entities.ts';
import type { LedgerRecords } from '../csv/lookups.ts';
import type { Measure } from '../model/measure.ts';
import type { ProgressEntry } from '../model/measure-history.ts';
import type { Status } from '../model/status.ts';
import { LEDGER_UTC_OFFSET } from '../model/dates.ts';
import { addDays } from './weeks.ts';

export { LEDGER_UTC_OFFSET };

/** An audit trail row as the report reads it (the server's audit rows, oldValue parsed). */
export type AuditRow = { seq: number; receivedAt: string; entity: EntityName; recordId: string; op: 'create' | 'update' | 'delete' | 'restore'; field: string; oldValue: unknown };

/** The first moment after `date` (YYYY-MM-DD), in milliseconds. */
export function endOfDay(date: string): number {
  return Date.parse(`${addDays(date, 1)}T00:00:00${LEDGER_UTC_OFFSET}`);
}

/** A day the ledger is read at: its date, and the first moment after it (computed once, not per record). */
export type Day = { date: string; end: number; endIso: string };
export function dayOf(date: string): Day {
  const end = endOfDay(date);
  return { date, end, endIso: new Date(end).toISOString() };
}

/**
 * Whether a moment came before the day ended. The ledger's own stamps (UTC, milliseconds, as toISOString writes
 * them) compare as strings: Date.parse for each of 100,000 measures at a dozen days would cost more than the rest
 * of the report. Any other offset is parsed.
 */
export function seen(timestamp: string | null | undefined, day: Day): boolean {
  if (typeof timestamp !== 'string') return false;
  if (timestamp.length === 24 && timestamp.charCodeAt(23) === 90 /* Z */) return timestamp < day.endIso;
  return Date.parse(timestamp) < day.end;
}

/** Ordered as sortProgress orders them (newest date, then newest written, then id), without sorting a copy. */
const newer = (a: ProgressEntry, b: ProgressEntry) => (a.date !== b.date ? a.date > b.date : b.at.localeCompare(a.at) < 0 || (a.at === b.at && b.id.localeCompare(a.id) < 0));

/**
 * The newest note dated by `day` and not struck by then; `stated`: only notes that reported a status. One loop
 * and no copies: 100,000 measures read at a dozen days each (the trend) must cost next to nothing. Dates compare as
 * strings: a note dated after the day is one whose day ends after it.
 */
export function newestNote(log: readonly ProgressEntry[], day: Day, stated = false): ProgressEntry | undefined {
  let best: ProgressEntry | undefined;
  for (const e of log) {
    if (e.date > day.date || (stated && e.status === null)) continue;
    if (e.struckAt !== undefined && seen(e.struckAt, day)) continue;
    if (best === undefined || newer(e, best)) best = e;
  }
  return best;
}

/** The notes dated by `day`, as they stood then (a note struck later was not struck yet); the same list when none differ. */
export function notesBy(log: readonly ProgressEntry[], day: Day): readonly ProgressEntry[] {
  if (log.every((e) => e.date <= day.date && e.struckAt === undefined)) return log;
  return log.flatMap((e) => {
    if (e.date > day.date) return [];
    if (e.struckAt !== undefined && !seen(e.struckAt, day)) {
      const kept = { ...e };
      delete kept.struckAt;
      delete kept.struckBy;
      return [kept];
    }
    return [e];
  });
}

/**
 * A measure's status at the end of `day`. Unchanged since: its status now. Otherwise the status its newest note by
 * then reported; a closing after the day means it was still 已完成 then; with no word at all, its status now.
 */
export function statusBy(m: Measure, day: Day): Status {
  if (seen(m.updatedAt, day)) return m.status;
  const stated = m.progressLog.length > 0 ? newestNote(m.progressLog, day, true) : undefined;
  if (stated?.status) return stated.status;
  if (m.status === 'closed' && !seen(m.closedAt, day)) return 'completed';
  return m.status;
}

/** The measure as it stood at the end of `day`. `exact`: its fields were rewound already (audit trail). */
export function measureBy(m: Measure, day: Day, exact = false): Measure {
  if (seen(m.updatedAt, day)) return m;
  const progressLog = notesBy(m.progressLog, day) as ProgressEntry[];
  const extensions = m.extensions
    .filter((e) => seen(e.requestedAt, day))
    .map((e) => (e.decision !== 'pending' && !seen(e.decidedAt, day) ? { ...e, decision: 'pending' as const, decidedBy: null, decidedAt: null } : e));
  const status = exact ? m.status : statusBy(m, day);
  const latest = newestNote(progressLog, day);
  const closed = status === 'closed' && seen(m.closedAt, day);
  return {
    ...m,
    status,
    progress: exact ? m.progress : (latest?.progress ?? (status === 'completed' || status === 'closed' ? 100 : m.progress)),
    progressLog,
    extensions,
    progressNote: latest?.text ?? '',
    progressNoteDate: latest?.date ?? null,
    closedBy: closed ? m.closedBy : null,
    closedAt: closed ? m.closedAt : null,
  };
}

type Rec = { id: string } & Record<string, unknown>;

/** Undoes, newest first, every audited change received at or after `end`; deleted records come back. */
function rewind<T extends Rec>(records: readonly T[], entity: EntityName, audit: readonly AuditRow[], day: Day): T[] {
  const later = audit.filter((r) => r.entity === entity && !seen(r.receivedAt, day)).sort((a, b) => b.seq - a.seq);
  if (later.length === 0) return [...records];
  const byId = new Map<string, T>(records.map((r) => [r.id, r]));
  for (const row of later) {
    const current = byId.get(row.recordId);
    if (row.op === 'delete' && row.oldValue && typeof row.oldValue === 'object') byId.set(row.recordId, { ...(row.oldValue as T), id: row.recordId });
    else if (row.op === 'update' && current) byId.set(row.recordId, { ...current, [row.field]: row.oldValue });
  }
  return [...byId.values()];
}

/** The whole ledger at the end of `asOf`. Records are kept in their given order; deleted-then-restored ones follow. */
export function ledgerAsOf(records: LedgerRecords, asOf: string, audit?: readonly AuditRow[]): LedgerRecords {
  const day = dayOf(asOf);
  const measures = rewoundLedger(records, day, audit);
  return { ...measures, measures: measures.measures.map((m) => measureBy(m, day, audit !== undefined)) };
}

/** The ledger's records at the end of `day` as the audit trail rewinds them; each measure still to be read by `measureBy`. */
export function rewoundLedger(records: LedgerRecords, day: Day, audit?: readonly AuditRow[]): LedgerRecords {
  if (!audit) return records;
  return {
    areas: rewind(records.areas, 'area', audit, day),
    departments: rewind(records.departments, 'department', audit, day),
    problems: rewind(records.problems, 'problem', audit, day),
    measures: rewind(records.measures, 'measure', audit, day),
  };
}
