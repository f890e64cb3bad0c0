// Append-only entries inside a record (progress notes, extension requests, later verification records), like
// submissions in ODK: each has its own id, author and time; once written it is never removed or rewritten. What
// may happen to it later is an *act* (a note struck, a request decided or withdrawn), which carries its own
// author and time. Two lists of one field always merge into their union: an entry never loses to another.
import type { ErrorCode } from './field-error.ts';
import { newId } from './ids.ts';

export type Entry = { id: string } & Record<string, unknown>;

/** Who writes: the server stamps from the session and its own clock; a device stamps locally until it syncs. */
export type EntryAuthor = {
  actor: string;
  now: string;
  /** May act on entries other users wrote (strike a note, decide a request): a coordinator. */
  actsForOthers: boolean;
};

export type EntryAct = {
  /** The fields the act sets, its stamps included. */
  fields: readonly string[];
  /** What the act says, stamps aside (struck or not; the decision): equal values are the same act. */
  value: (entry: Entry) => unknown;
  /** The act's own author and time fields, stamped like the entry's. */
  by: string;
  at: string;
  /** Whether this act may take an entry to the incoming value. */
  allows: (incoming: Entry) => boolean;
  /** Whether only a coordinator may (a decision), or the entry's own author too (striking one's note, withdrawing). */
  coordinatorOnly: (incoming: Entry) => boolean;
};

export type EntryKind = {
  field: string;
  /** The entry's author and time, stamped when it is written. */
  author: string;
  time: string;
  /** An entry as it is written, before any act: acts' fields at their first values. */
  fresh: (entry: Entry) => Entry;
  act: EntryAct;
  /** How an entry just written is taken back (undo): the act that ends it, with placeholder stamps. */
  retract: (entry: Entry) => Entry;
};

export type EntryOptions = {
  /** The device had seen every entry stored: an entry missing from its list was taken out on purpose. */
  sawAll: boolean;
  /** The stored list changed after the device's base, by someone else: differing acts are a real conflict. */
  concurrent: boolean;
};

export type EntryMerge =
  | { ok: true; entries: unknown; changed: boolean; lost: boolean }
  | { ok: false; code: Extract<ErrorCode, 'entryRewrite' | 'entryRemoved' | 'forbidden'> };

const isEntryList = (value: unknown): value is Entry[] =>
  Array.isArray(value) && value.every((e) => typeof e === 'object' && e !== null && typeof (e as { id?: unknown }).id === 'string');

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function content(kind: EntryKind, entry: Entry): Record<string, unknown> {
  const skip = new Set([kind.author, kind.time, ...kind.act.fields]);
  return Object.fromEntries(Object.entries(entry).filter(([k]) => !skip.has(k)).sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * Takes an incoming list against the stored one. With an author (`who`), new entries and new acts are stamped
 * with the author and time, and what the author may not do is refused: rewriting an entry, taking one out, an
 * act on another's entry without being a coordinator. Without one (a device laying its pending list over the
 * server's), the union is taken and nothing is refused. The stored entries keep their order; new ones follow.
 */
export function mergeEntries(kind: EntryKind, stored: unknown, incoming: unknown, who: EntryAuthor | null, options: EntryOptions): EntryMerge {
  const before = isEntryList(stored) ? stored : [];
  // Not a list of entries: left as it is for the schema to refuse with its own words.
  if (!isEntryList(incoming)) return { ok: true, entries: incoming, changed: true, lost: false };
  const given = new Map(incoming.map((e) => [e.id, e]));
  const out: Entry[] = [];
  let changed = false;
  let lost = false;
  for (const entry of before) {
    const next = given.get(entry.id);
    if (!next) {
      if (who && options.sawAll) return { ok: false, code: 'entryRemoved' };
      out.push(entry);
      continue;
    }
    if (!same(content(kind, entry), content(kind, next))) {
      if (who) return { ok: false, code: 'entryRewrite' };
      out.push(entry);
      continue;
    }
    const acted = act(kind, entry, next, who, options);
    if (acted === 'refused') return { ok: false, code: 'entryRewrite' };
    if (acted === 'forbidden') return { ok: false, code: 'forbidden' };
    if (acted === 'lost') lost = true;
    const kept = acted === 'lost' || acted === 'same' ? entry : acted;
    if (kept !== entry) changed = true;
    out.push(kept);
  }
  const known = new Set(before.map((e) => e.id));
  for (const entry of incoming) {
    if (known.has(entry.id)) continue;
    known.add(entry.id);
    const fresh = who ? { ...kind.fresh(entry), [kind.author]: who.actor, [kind.time]: who.now } : entry;
    const acted = who ? act(kind, fresh, entry, who, options) : 'same';
    if (acted === 'forbidden' || acted === 'refused') return { ok: false, code: acted === 'forbidden' ? 'forbidden' : 'entryRewrite' };
    out.push(acted === 'same' || acted === 'lost' ? fresh : acted);
    changed = true;
  }
  return { ok: true, entries: out, changed, lost };
}

/** What an incoming copy of a stored entry does to it: nothing, a new act (stamped), a conflicting act. */
function act(kind: EntryKind, stored: Entry, incoming: Entry, who: EntryAuthor | null, options: EntryOptions): Entry | 'same' | 'lost' | 'refused' | 'forbidden' {
  const { act } = kind;
  const now = act.value(stored);
  const wanted = act.value(incoming);
  // The same act, or none: a device that had not seen the act sends the entry as it was first written.
  if (same(now, wanted) || same(wanted, act.value(kind.fresh(incoming)))) return 'same';
  if (!same(now, act.value(kind.fresh(stored)))) {
    // Acted on twice: two coordinators deciding at once is a conflict to keep; otherwise a rewrite.
    return options.concurrent || !who ? 'lost' : 'refused';
  }
  if (!act.allows(incoming)) return 'refused';
  if (!who) return { ...stored, ...pick(incoming, act.fields) };
  const mine = stored[kind.author] === who.actor;
  if (!who.actsForOthers && (act.coordinatorOnly(incoming) || !mine)) return 'forbidden';
  return { ...stored, ...pick(incoming, act.fields), [act.by]: who.actor, [act.at]: who.now };
}

function pick(entry: Entry, fields: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(fields.filter((f) => f in entry).map((f) => [f, entry[f]]));
}

/**
 * The list that undoes a step which turned `prev` into `next`: entries the step wrote are taken back (struck,
 * withdrawn), entries it struck or withdrew are written again as new entries. Decisions are not undone.
 */
export function invertEntries(kind: EntryKind, prev: unknown, next: unknown): unknown {
  if (!isEntryList(prev) || !isEntryList(next)) return prev;
  const before = new Map(prev.map((e) => [e.id, e]));
  const out: Entry[] = [];
  for (const entry of next) {
    const was = before.get(entry.id);
    out.push(was ? entry : kind.retract(entry));
    if (was && !same(kind.act.value(was), kind.act.value(entry)) && !kind.act.coordinatorOnly(entry)) out.push({ ...kind.fresh(entry), id: newId() });
  }
  return out;
}
