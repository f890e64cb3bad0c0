// A device's view of a record it has pending changes for: the server's record with those changes laid on top,
// so the user keeps seeing their edits until the server has them. Entry lists (notes, requests) take the union
// of both: a note that came from the server and one still waiting on the device both show. Pure.
import { sameValue } from '../model/change.ts';
import { type EntityName, entityEntryLogs } from '../model/entities.ts';
import { mergeEntries } from '../model/entry-log.ts';
import { withLatestNote } from '../model/measure-history.ts';
import type { Mutation } from './protocol.ts';

type Data = Record<string, unknown>;

/** `'keep'`: the device's own creation stands over the server's tombstone (the sample loaded again after a clear). */
export function rebaseRecord(entity: EntityName, server: Data | null, pending: readonly Pick<Mutation, 'op' | 'fields'>[]): Data | null | 'keep' {
  let next: Data | null | 'keep' = server;
  for (const mutation of pending) {
    if (mutation.op === 'delete') next = null;
    else if (mutation.op === 'create' && next === null) next = 'keep';
    else if (next && next !== 'keep') next = layer(entity, next, mutation.fields);
  }
  return next;
}

function layer(entity: EntityName, record: Data, fields: Data): Data {
  const next = { ...record, ...fields };
  for (const kind of entityEntryLogs[entity]) {
    if (!(kind.field in fields)) continue;
    const merged = mergeEntries(kind, record[kind.field], fields[kind.field], null, { sawAll: false, concurrent: false });
    if (merged.ok) next[kind.field] = merged.entries;
  }
  return 'progressLog' in fields && !sameValue(record.progressLog, next.progressLog) ? withLatestNote(next) : next;
}
