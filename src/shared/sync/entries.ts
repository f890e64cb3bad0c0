// How the server takes in the entry lists a mutation carries (progress notes, extension requests): each new
// entry and each act stamped with the session's user and the server's clock, whatever the device wrote, and a
// change that removes or rewrites an entry refused. Evidence files get who added them and when the same way. Runs before the permission check, which then sees the
// lists as they would be stored. Pure: the server calls it with the session and its clock.
import { entityEntryLogs } from '../model/entities.ts';
import { type EntryAuthor, mergeEntries } from '../model/entry-log.ts';
import type { LostValue, StoredRecord } from './merge.ts';
import type { Mutation, Reason } from './protocol.ts';

export type ReceivedEntries = { ok: true; mutation: Mutation; lost: LostValue[] } | { ok: false; reason: Reason };

export function receiveEntries(current: StoredRecord | null, m: Mutation, who: EntryAuthor): ReceivedEntries {
  if (m.op === 'delete') return { ok: true, mutation: m, lost: [] };
  const live = current && !current.deleted ? current : null;
  const base = m.op === 'create' ? 0 : m.baseVersion;
  let fields = m.fields;
  const lost: LostValue[] = [];
  for (const kind of entityEntryLogs[m.entity]) {
    if (!(kind.field in m.fields)) continue;
    const version = live?.fieldVersions[kind.field] ?? 0;
    // A device that had the list's latest version saw every entry in it: one missing was taken out.
    const sawAll = live !== null && version <= base;
    const concurrent = live !== null && version > base && live.fieldClients[kind.field] !== m.clientId;
    const merged = mergeEntries(kind, live?.data[kind.field], m.fields[kind.field], who, { sawAll, concurrent });
    if (!merged.ok) return { ok: false, reason: { code: merged.code, field: kind.field } };
    // Two coordinators decided one request differently at once: the first stands, the other waits as a conflict.
    if (merged.lost) lost.push({ field: kind.field, serverValue: live?.data[kind.field], clientValue: m.fields[kind.field] });
    fields = { ...fields, [kind.field]: merged.entries };
  }
  // Evidence files may be removed again (they are not entries), but who added one and when is the server's word too.
  if (m.entity === 'measure' && Array.isArray(m.fields.attachments)) {
    const before = new Map(((live?.data.attachments as Stamped[] | undefined) ?? []).map((a) => [a.hash, a]));
    fields = { ...fields, attachments: (m.fields.attachments as unknown[]).map((a) => stampFile(a, before, who)) };
  }
  return { ok: true, mutation: fields === m.fields ? m : { ...m, fields }, lost };
}

type Stamped = { hash: string; addedBy: unknown; addedAt: unknown };

function stampFile(file: unknown, before: Map<string, Stamped>, who: EntryAuthor): unknown {
  if (typeof file !== 'object' || file === null || typeof (file as Stamped).hash !== 'string') return file;
  const known = before.get((file as Stamped).hash);
  return { ...file, addedBy: known ? known.addedBy : who.actor, addedAt: known ? known.addedAt : who.now };
}
