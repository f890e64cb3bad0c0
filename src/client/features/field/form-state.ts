// The measure form's values, where they start from, and the one change they make when saved, checked by the
// shared model's own rules (the same ones a grid edit, an import or a sync goes through).
import type { Attachment } from '#shared/model/attachment.ts';
import { applyChange, type Change, sameValue } from '#shared/model/change.ts';
import type { FieldError } from '#shared/model/field-error.ts';
import type { Measure } from '#shared/model/measure.ts';
import { newId } from '#shared/model/ids.ts';
import { appendProgress, pendingExtension, requestExtension, withdrawExtension } from '#shared/model/measure-history.ts';
import type { Status } from '#shared/model/status.ts';
import { isoDateSchema } from '#shared/model/dates.ts';

export type FormValues = {
  status: Status;
  progress: number;
  /** The id the note will have in the log: made when the form opens, so that saving it twice adds it once. */
  noteId: string;
  noteDate: string;
  noteText: string;
  /** Each indicator's actual value as typed, in the measure's order. */
  actuals: string[];
  evidence: string[];
  attachments: Attachment[];
  /** A new extension request being written (its id made when it was begun), or null. */
  extension: { id: string; requestedDeadline: string; reason: string } | null;
  /** The pending request is to be withdrawn. */
  withdraw: boolean;
};

export type Who = { actor: string; now: string };

/** The form's sections, each showing the errors of the fields it edits. */
export const sectionFields = {
  status: ['status'],
  progress: ['progress'],
  note: ['progressLog', 'progressNote', 'progressNoteDate'],
  indicators: ['indicators'],
  evidence: ['evidence'],
  files: ['attachments'],
  extension: ['extensions'],
} as const;
export type Section = keyof typeof sectionFields;

export function initialValues(m: Measure, today: string): FormValues {
  return {
    status: m.status,
    progress: m.progress,
    noteId: newId(),
    noteDate: today,
    noteText: '',
    actuals: m.indicators.map((i) => (i.actual === null ? '' : String(i.actual))),
    evidence: [...m.evidence],
    attachments: [...m.attachments],
    extension: null,
    withdraw: false,
  };
}

/** A new extension request, begun in the form. */
export function newExtension(): NonNullable<FormValues['extension']> {
  return { id: newId(), requestedDeadline: '', reason: '' };
}

/** Whether the form holds anything the measure does not: a note or request already saved counts for nothing. */
export function isDirty(m: Measure, values: FormValues): boolean {
  return !sameValue(comparable(m, initialValues(m, values.noteDate)), comparable(m, values));
}

function comparable(m: Measure, v: FormValues) {
  const noteSaved = m.progressLog.some((e) => e.id === v.noteId);
  const requestSaved = v.extension !== null && m.extensions.some((e) => e.id === v.extension?.id);
  return { ...v, noteId: '', noteDate: '', noteText: noteSaved ? '' : v.noteText, extension: requestSaved ? null : v.extension };
}

/** Whether what the form holds was saved already (a draft written just before its save): nothing to offer. */
export function alreadySaved(m: Measure, values: Partial<FormValues>): boolean {
  return (values.noteId !== undefined && m.progressLog.some((e) => e.id === values.noteId)) || (values.extension != null && m.extensions.some((e) => e.id === values.extension?.id));
}

/** The changed fields as one update, or the errors to show beside the fields (nothing is saved then). */
/** `unit`: the user's unit the note speaks for (a cooperating unit's notes carry its name). */
export function toChange(m: Measure, values: FormValues, who: Who, unit?: string): { change: Change | null; errors: FieldError[] } {
  const fields: Record<string, unknown> = {};
  const errors: FieldError[] = [];
  if (values.status !== m.status) fields.status = values.status;
  if (values.progress !== m.progress) fields.progress = values.progress;
  const note = values.noteText.trim();
  // A note already in the log (its save came before) is not added again.
  if (note !== '' && !m.progressLog.some((e) => e.id === values.noteId)) {
    fields.progressNote = note;
    fields.progressNoteDate = values.noteDate;
    fields.progressLog = appendProgress(m.progressLog, { id: values.noteId, date: values.noteDate, text: note, progress: values.progress, status: values.status, departmentId: unit }, who);
  }
  const indicators = m.indicators.map((indicator, index) => {
    const text = (values.actuals[index] ?? '').trim().replace(/[,，]/g, '');
    const actual = text === '' ? null : Number(text);
    if (actual !== null && !Number.isFinite(actual)) errors.push({ field: 'indicators', code: 'invalidNumber', params: { name: indicator.name } });
    return { ...indicator, actual: actual !== null && Number.isFinite(actual) ? actual : indicator.actual };
  });
  if (!sameValue(indicators, m.indicators)) fields.indicators = indicators;
  const evidence = values.evidence.map((e) => e.trim()).filter((e) => e !== '');
  if (!sameValue(evidence, m.evidence)) fields.evidence = evidence;
  if (!sameValue(values.attachments, m.attachments)) fields.attachments = values.attachments;
  let extensions = m.extensions;
  const pending = pendingExtension(extensions);
  if (values.withdraw && pending) extensions = withdrawExtension(extensions, pending.id, who);
  if (values.extension && !extensions.some((e) => e.id === values.extension?.id)) {
    // Checked here first so that the message names the box at fault, not just "the request".
    const { requestedDeadline, reason } = values.extension;
    if (!isoDateSchema.safeParse(requestedDeadline).success) errors.push({ field: 'extensions', code: requestedDeadline === '' ? 'required' : 'invalidDate', params: { part: 'requestedDeadline' } });
    if (reason.trim() === '') errors.push({ field: 'extensions', code: 'required', params: { part: 'reason' } });
    extensions = requestExtension(extensions, values.extension, who);
  }
  if (extensions !== m.extensions) fields.extensions = extensions;
  if (errors.length > 0) return { change: null, errors };
  if (Object.keys(fields).length === 0) return { change: null, errors: [] };
  const change: Change = { op: 'update', entity: 'measure', id: m.id, fields };
  const checked = applyChange(m, change, who);
  return checked.ok ? { change, errors: [] } : { change: null, errors: checked.errors };
}

export function errorsOf(errors: readonly FieldError[], section: Section): FieldError[] {
  const fields: readonly string[] = sectionFields[section];
  return errors.filter((e) => fields.includes(e.field));
}

/** The record's own fields the form edits: those a change made elsewhere (a sync, another tab) may move. */
const recordFields = ['status', 'progress', 'actuals', 'evidence', 'attachments'] as const;

/**
 * The form's values once the measure changed under it (a coordinator's decision arriving by sync): a field the
 * user left as it was follows the record; one they changed keeps what they typed. Without this the form would
 * hold the record's old values, read as unsaved changes, and offer them as a draft next time.
 */
export function rebaseValues(values: FormValues, before: Measure, after: Measure): FormValues {
  const was = initialValues(before, values.noteDate);
  const now = initialValues(after, values.noteDate);
  const next = { ...values };
  for (const field of recordFields) {
    if (sameValue(values[field], was[field])) Object.assign(next, { [field]: now[field] });
  }
  return next;
}
