// 修改记录 as people read it: the audit trail's rows (one per field) grouped into changes (one per mutation: who,
// when, which fields), labelled from the catalogue, values as the grid shows them and moments in local time; a
// creation is one entry with its initial values. Also its CSV table, with no internal ids.
import { fieldLabel } from '../i18n/describe-error.ts';
import type { Translate } from '../i18n/translate.ts';
import type { EntityName } from '../model/entities.ts';
import { type CodecContext, formatFieldValue } from '../model/field-codec.ts';
import { fieldKinds, kindOf } from '../model/field-kinds.ts';
import { formatLocalDateTime, isTimestamp } from '../model/local-time.ts';
import type { AuditEntry } from '../sync/protocol.ts';

export type TimelineChange = { field: string; label: string; from: string; to: string };

export type TimelineGroup = {
  key: string;
  /** The moment as stamped (ISO), and as shown: the device's local date and time. */
  at: string;
  time: string;
  user: string;
  carriedBy: string | null;
  op: AuditEntry['op'];
  /** What the group says of itself when it names no fields: an import's file, a deletion, a restoring. */
  note: string;
  changes: TimelineChange[];
};

// Bookkeeping that says nothing to a reader: a measure's place among its siblings.
const HIDDEN_FIELDS = new Set(['seq']);

type Entry = { id?: unknown; text?: unknown; reason?: unknown; name?: unknown; title?: unknown };

const isEntryList = (value: unknown): value is Entry[] => Array.isArray(value) && value.some((v) => typeof v === 'object' && v !== null);

function entryText(entry: Entry): string {
  for (const key of ['text', 'reason', 'name', 'title'] as const) {
    const value = entry[key];
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
  }
  return '';
}

/** One value as the grid shows it; '' when empty. Timestamps anywhere (销号时间) in local time. */
export function describeValue(entity: EntityName, field: string, value: unknown, codec: CodecContext): string {
  if (value === null || value === undefined || value === '') return '';
  if (isTimestamp(value)) return formatLocalDateTime(value);
  if (isEntryList(value)) return codec.t('history.entries', { count: value.length });
  if (Array.isArray(value) && value.length === 0) return '';
  const kind = kindOf(entity, field);
  if (Array.isArray(value) && kind === 'text') return value.map(String).join('、');
  return formatFieldValue(kind, value, codec);
}

/** An entry list's change: the entries added (by their words), else how many changed (a strike, a decision). */
function describeEntries(before: unknown, after: unknown, t: Translate): string {
  const old = isEntryList(before) ? before : [];
  const next = isEntryList(after) ? after : [];
  const known = new Map(old.map((e) => [e.id, JSON.stringify(e)]));
  const added = next.filter((e) => !known.has(e.id));
  if (added.length > 0) return t('history.added', { count: added.length, text: added.map(entryText).filter(Boolean).join('；') });
  const changed = next.filter((e) => known.get(e.id) !== JSON.stringify(e)).length;
  return t('history.changedEntries', { count: changed });
}

function fieldOrder(entity: EntityName): (field: string) => number {
  const order = Object.keys(fieldKinds[entity]);
  return (field) => {
    const i = order.indexOf(field);
    return i === -1 ? order.length : i;
  };
}

/**
 * Groups the trail (as the server lists it, newest first) by change. `codec` names departments, areas and problems
 * and translates; the result keeps the trail's order.
 */
export function historyTimeline(entries: readonly AuditEntry[], entity: EntityName, codec: CodecContext): TimelineGroup[] {
  const { t } = codec;
  const groups = new Map<string, TimelineGroup>();
  const rank = fieldOrder(entity);
  for (const e of entries) {
    const key = e.mutationId ?? `${e.seq}:${e.op}`;
    let group = groups.get(key);
    if (!group) {
      group = { key, at: e.at, time: formatLocalDateTime(e.at), user: e.user, carriedBy: e.carriedBy ?? null, op: e.op, note: '', changes: [] };
      groups.set(key, group);
    }
    if (e.field === '*') {
      const file = (e.newValue as { import?: unknown } | null)?.import;
      group.note = typeof file === 'string' ? t('history.imported', { file }) : e.op === 'delete' ? t('history.deleted') : e.op === 'restore' ? t('history.restored') : '';
      continue;
    }
    if (HIDDEN_FIELDS.has(e.field)) continue;
    const entryList = isEntryList(e.oldValue) || isEntryList(e.newValue);
    const to = entryList && e.op === 'update' ? describeEntries(e.oldValue, e.newValue, t) : describeValue(entity, e.field, e.newValue, codec);
    // A creation lists what the record started with: an empty field is not news.
    if (e.op === 'create' && to === '') continue;
    const from = e.op === 'create' || entryList ? '' : describeValue(entity, e.field, e.oldValue, codec);
    group.changes.push({ field: e.field, label: fieldLabel(t, entity, e.field), from, to });
  }
  const list = [...groups.values()];
  for (const g of list) g.changes.sort((a, b) => rank(a.field) - rank(b.field));
  return list;
}

/** The timeline as a table for CSV: one row per changed field (a group without fields, one row), headers and labels in words. */
export function historyTable(groups: readonly TimelineGroup[], t: Translate): { header: string[]; rows: string[][] } {
  const header = [t('history.col.time'), t('history.col.user'), t('history.col.op'), t('history.col.field'), t('history.col.old'), t('history.col.new'), t('history.col.note')];
  const rows: string[][] = [];
  for (const g of groups) {
    const note = [g.note, g.carriedBy ? t('history.carried', { by: g.carriedBy }) : ''].filter(Boolean).join(' ');
    const op = t(`history.op.${g.op}`);
    if (g.changes.length === 0) rows.push([g.time, g.user, op, '', '', '', note]);
    for (const c of g.changes) rows.push([g.time, g.user, op, c.label, c.from, c.to, note]);
  }
  return { header, rows };
}
