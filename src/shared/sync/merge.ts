// How the server takes in one mutation: per-field merge against what it holds, the declared conflict
// policy, then validation with the shared schema. Pure: the server store persists what this decides.
import { sameValue } from '../model/change.ts';
import { entityDefaults, entityEntryLogs, entitySchemas } from '../model/entities.ts';
import { mergeEntries } from '../model/entry-log.ts';
import { toFieldErrors } from '../model/field-error.ts';
import { deriveClosure } from '../model/change.ts';
import { withLatestNote } from '../model/measure-history.ts';
import { overlay } from '../model/overlay.ts';
import { derivedFields, metaFields } from '../model/record.ts';
import { canTransition, type Status } from '../model/status.ts';
import { checkSteps } from '../model/supervision-steps.ts';
import type { Mutation, Reason } from './protocol.ts';

/** A record as the server stores it: its data, the version of each field's last change, tombstone flag. */
export type StoredRecord = {
  data: Record<string, unknown>;
  fieldVersions: Record<string, number>;
  /** The device whose change last set each field: a device's own later change is never concurrent with it. */
  fieldClients: Record<string, string>;
  version: number;
  deleted: boolean;
};

export type LostValue = { field: string; serverValue: unknown; clientValue: unknown };

export type MergeOutcome =
  | { kind: 'rejected'; reason: Reason }
  /** `next` is null when nothing changes (all values already stood, or all lost to earlier changes). */
  | { kind: 'merged'; next: StoredRecord | null; lost: LostValue[] };

const META = new Set<string>(metaFields);
const DERIVED = new Set<string>(derivedFields);
/** 最新进展 and its date: they follow the newest note of the log whenever a change brings notes. */
const NOTE_FIELDS = new Set(['progressNote', 'progressNoteDate']);

/**
 * The conflict policy: a field changed on the server after the version the device based its change on
 * is a concurrent change. The value that reached the server first stands; the later one is not applied
 * but returned in `lost`, to be kept as a conflict record for a coordinator. Fields nobody else changed
 * merge. A deletion is final: changes to a deleted record are rejected (the device keeps them, with the reason).
 * Only an explicit creation brings a deleted id back: that happens with the sample's fixed ids, loaded again
 * after the ledger was cleared, and is what the user asked for.
 */
export function mergeMutation(current: StoredRecord | null, mutation: Mutation, seq: number): MergeOutcome {
  // Who closed an item and when is the server's to say, from the change's (authenticated) author.
  const m = Object.keys(mutation.fields).some((f) => DERIVED.has(f)) ? { ...mutation, fields: Object.fromEntries(Object.entries(mutation.fields).filter(([f]) => !DERIVED.has(f))) } : mutation;
  const meta = Object.keys(m.fields).find((f) => META.has(f));
  if (meta) return { kind: 'rejected', reason: { code: 'readOnlyField', field: meta } };

  if (m.op === 'delete') {
    if (!current || current.deleted) return { kind: 'merged', next: null, lost: [] };
    return { kind: 'merged', next: { ...current, version: seq, deleted: true }, lost: [] };
  }
  if (current?.deleted && m.op !== 'create') return { kind: 'rejected', reason: { code: 'deleted' } };
  if (!current || current.deleted) {
    if (m.op === 'update') return { kind: 'rejected', reason: { code: 'missing' } };
    const data = overlay(entityDefaults[m.entity], m.fields, { id: m.id, createdAt: m.at, createdBy: m.actor, updatedAt: m.at, updatedBy: m.actor, rev: seq });
    Object.assign(data, withLatestNote(data));
    const fieldVersions: Record<string, number> = {};
    const fieldClients: Record<string, string> = {};
    for (const k of Object.keys(data)) {
      if (META.has(k)) continue;
      fieldVersions[k] = seq;
      fieldClients[k] = m.clientId;
    }
    return validate(m, null, { data, fieldVersions, fieldClients, version: seq, deleted: false }, []);
  }

  // An update, or a create of a record that exists (two devices loading the same sample): merge field by field.
  const base = m.op === 'create' ? 0 : m.baseVersion;
  // Records stored before a field existed take its default, so that they still validate.
  const data = overlay(entityDefaults[m.entity], current.data);
  const fieldVersions = overlay<Record<string, number>>(current.fieldVersions);
  const fieldClients = overlay<Record<string, string>>(current.fieldClients);
  const lost: LostValue[] = [];
  const set = (field: string, value: unknown) => {
    data[field] = value;
    fieldVersions[field] = seq;
    fieldClients[field] = m.clientId;
  };
  const kinds = entityEntryLogs[m.entity];
  const followsLog = m.entity === 'measure' && 'progressLog' in m.fields;
  let changed = false;
  for (const [field, value] of Object.entries(m.fields)) {
    if (sameValue(current.data[field], value) || (followsLog && NOTE_FIELDS.has(field))) continue;
    const kind = kinds.find((k) => k.field === field);
    if (kind) {
      // An entry list only grows: the union of both, never a conflict (acts were checked when received).
      const merged = mergeEntries(kind, current.data[field], value, null, { sawAll: false, concurrent: false });
      if (merged.ok && !sameValue(current.data[field], merged.entries)) {
        set(field, merged.entries);
        changed = true;
      }
      continue;
    }
    // Changed after the version this change was based on, by another device: a concurrent change.
    // (A device's own changes reach the server in the order it made them, so they supersede each other.)
    const concurrent = (current.fieldVersions[field] ?? 0) > base && current.fieldClients[field] !== m.clientId;
    if (concurrent) {
      lost.push({ field, serverValue: current.data[field], clientValue: value });
      continue;
    }
    set(field, value);
    changed = true;
  }
  if (followsLog && !sameValue(current.data.progressLog, data.progressLog)) {
    // With no note left standing (every one struck), 最新进展 is what the change says.
    const noted = withLatestNote(data) === data ? overlay(data, pick(m.fields, NOTE_FIELDS)) : withLatestNote(data);
    for (const field of NOTE_FIELDS) if (!sameValue(data[field], noted[field])) set(field, noted[field]);
  }
  if (!changed) return { kind: 'merged', next: null, lost };
  Object.assign(data, { updatedAt: m.at, updatedBy: m.actor, rev: seq });
  return validate(m, current, { data, fieldVersions, fieldClients, version: seq, deleted: false }, lost);
}

function pick(fields: Record<string, unknown>, keys: ReadonlySet<string>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([k]) => keys.has(k)));
}

function validate(m: Mutation, current: StoredRecord | null, next: StoredRecord, lost: LostValue[]): MergeOutcome {
  const from = current?.data.status as Status | undefined;
  const to = next.data.status as Status | undefined;
  if (from !== undefined && to !== undefined && from !== to && !canTransition(from, to)) {
    return { kind: 'rejected', reason: { code: 'transition', field: 'status', params: { from, to } } };
  }
  // 核实销号 steps judged on the measure as the server holds it: an offline decision meets what happened since.
  const stepError = m.entity === 'measure' && current && !current.deleted ? checkSteps(current.data, next.data) : null;
  if (stepError) return { kind: 'rejected', reason: { code: stepError.code, field: stepError.field } };
  const data = m.entity === 'measure' || m.entity === 'problem' ? deriveClosure(current?.data.status, next.data, m.actor, m.at) : next.data;
  for (const field of derivedFields) {
    if (field in data && !sameValue(data[field], next.data[field])) {
      next.fieldVersions[field] = next.version;
      next.fieldClients[field] = m.clientId;
    }
  }
  next.data = data;
  const parsed = entitySchemas[m.entity].safeParse(next.data);
  if (!parsed.success) {
    const [first] = toFieldErrors(parsed.error.issues, next.data);
    return { kind: 'rejected', reason: { code: first?.code ?? 'invalid', field: first?.field, params: first?.params } };
  }
  return { kind: 'merged', next: { ...next, data: parsed.data }, lost };
}
