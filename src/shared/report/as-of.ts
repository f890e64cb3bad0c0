// The ledger as it stood at the end of a day. Each record's own dated history says most of it: its progress
// notes (each dated by its author, with the status it reported), its extension requests and their decisions,
// when it was closed. Where the audit trail is at hand (the server, the command line) it also rewinds every
// field changed after the day, and brings back records deleted after it. Every record the ledger holds counts:
// records are stamped when they reach this ledger, which says nothing of when the work began (the sample, an
// import of an older ledger), so a record's creation time does not hide it from an earlier day.
import type { EntityName } from '../model/entities.ts';
import type { LedgerRecords } from '../csv/lookups.ts';
import type { Measure } from '../model/measure.ts';
import { latestProgress, type ProgressEntry, sortProgress } from '../model/measure-history.ts';
import type { Status } from '../model/status.ts';
import { addDays } from './weeks.ts';

/** The ledger's days are a Chinese city's: a day ends at midnight, UTC+8. */
export const LEDGER_UTC_OFFSET = '+08:00';

/** An audit trail row as the report reads it (the server's audit rows, oldValue parsed). */
export type AuditRow = { seq: number; receivedAt: string; entity: EntityName; recordId: string; op: 'create' | 'update' | 'delete' | 'restore'; field: string; oldValue: unknown };

/** The first moment after `date` (YYYY-MM-DD), in milliseconds. */
export function endOfDay(date: string): number {
  return Date.parse(`${addDays(date, 1)}T00:00:00${LEDGER_UTC_OFFSET}`);
}

const seen = (timestamp: string | null | undefined, end: number) => typeof timestamp === 'string' && Date.parse(timestamp) < end;

/** The notes dated by `end`, as they stood then (a note struck later was not struck yet). */
export function notesBy(log: readonly ProgressEntry[], end: number): ProgressEntry[] {
  return log.flatMap((e) => {
    if (endOfDay(e.date) > end) return [];
    if (e.struckAt !== undefined && !seen(e.struckAt, end)) {
      const kept = { ...e };
      delete kept.struckAt;
      delete kept.struckBy;
      return [kept];
    }
    return [e];
  });
}

/**
 * A measure's status at `end`. Unchanged since: its status now. Otherwise the status its newest note by then
 * reported; a closing after `end` means it was still 已完成 then; with no word at all, its status now.
 */
export function statusBy(m: Measure, end: number, updated = Date.parse(m.updatedAt)): Status {
  if (updated < end) return m.status;
  if (m.progressLog.length > 0) {
    const stated = sortProgress(notesBy(m.progressLog, end).filter((e) => e.struckAt === undefined && e.status !== null))[0];
    if (stated?.status) return stated.status;
  }
  if (m.status === 'closed' && !seen(m.closedAt, end)) return 'completed';
  return m.status;
}

/** The measure as it stood at `end`. `exact`: its fields were rewound already (audit trail). */
export function measureBy(m: Measure, end: number, exact = false): Measure {
  if (seen(m.updatedAt, end)) return m;
  const progressLog = notesBy(m.progressLog, end);
  const extensions = m.extensions
    .filter((e) => seen(e.requestedAt, end))
    .map((e) => (e.decision !== 'pending' && !seen(e.decidedAt, end) ? { ...e, decision: 'pending' as const, decidedBy: null, decidedAt: null } : e));
  const status = exact ? m.status : statusBy(m, end);
  const latest = latestProgress(progressLog);
  const closed = status === 'closed' && seen(m.closedAt, end);
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
function rewind<T extends Rec>(records: readonly T[], entity: EntityName, audit: readonly AuditRow[], end: number): T[] {
  const later = audit.filter((r) => r.entity === entity && !seen(r.receivedAt, end)).sort((a, b) => b.seq - a.seq);
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
  const end = endOfDay(asOf);
  const trail = audit ?? [];
  return {
    areas: rewind(records.areas, 'area', trail, end),
    departments: rewind(records.departments, 'department', trail, end),
    problems: rewind(records.problems, 'problem', trail, end),
    measures: rewind(records.measures, 'measure', trail, end).map((m) => measureBy(m, end, audit !== undefined)),
  };
}
