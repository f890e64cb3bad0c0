// The audit trail (留痕): one row per field an accepted change altered, with who, when, from which device,
// the old and the new value, and the mutation it came from. A record an import creates is one row naming the file
// (the import itself has one more, with the file's SHA-256): its values are the record's first version, and a row
// per field made the trail of a 100,000-row import many times the size of the ledger.
import type { SessionUser } from '#shared/auth/permissions.ts';
import { sameValue } from '#shared/model/change.ts';
import { newId } from '#shared/model/ids.ts';
import { overlay } from '#shared/model/overlay.ts';
import { metaFields } from '#shared/model/record.ts';
import type { StoredRecord } from '#shared/sync/merge.ts';
import type { Mutation } from '#shared/sync/protocol.ts';
import type { AuditRow } from '#server/store/account-store.ts';

const META = new Set<string>(metaFields);

const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));

export type ImportSource = { file: string; sha256: string };

/** The one row that says an import happened: which file (name and SHA-256), how many records it wrote, by whom. */
export function importAuditRow(source: ImportSource, user: SessionUser, seq: number, at: string, records: number): AuditRow {
  return {
    id: newId(),
    change_seq: seq,
    at,
    received_at: at,
    user_id: user.id,
    username: user.username,
    display_name: user.displayName,
    client_id: null,
    entity: 'import',
    record_id: source.sha256,
    op: 'import',
    field: '*',
    old_value: null,
    new_value: json({ file: source.file, sha256: source.sha256, records }),
    mutation_id: null,
    carried_by: null,
  };
}

/** `source`: the file an import came from; `carriedBy`: the coordinator who imported the change from a device's file. */
export function auditRows(m: Mutation, user: SessionUser, before: StoredRecord | null, next: StoredRecord, seq: number, receivedAt: string, { source, carriedBy }: { source?: ImportSource; carriedBy?: SessionUser } = {}): AuditRow[] {
  const base = {
    carried_by: carriedBy ? carriedBy.displayName : null,
    change_seq: seq,
    at: m.at,
    received_at: receivedAt,
    user_id: user.id,
    username: user.username,
    display_name: user.displayName,
    client_id: m.clientId,
    entity: m.entity,
    record_id: m.id,
    mutation_id: m.mutationId,
  };
  // Built with overlay: a spread of this many fields is V8's slow path, and an import makes a row per record.
  if (next.deleted) return [overlay<AuditRow>(base, { id: newId(), op: 'delete', field: '*', old_value: json(before?.data), new_value: null })];
  const wasThere = before !== null && !before.deleted;
  if (source && !wasThere) return [overlay<AuditRow>(base, { mutation_id: null, id: newId(), op: 'create', field: '*', old_value: null, new_value: json({ import: source.file }) })];
  const fields = Object.keys(next.data).filter((f) => !META.has(f) && !sameValue(wasThere ? before.data[f] : undefined, next.data[f]));
  return fields.map((field) => overlay<AuditRow>(base, { id: newId(), op: wasThere ? 'update' : 'create', field, old_value: wasThere ? json(before.data[field]) : null, new_value: json(next.data[field]) }));
}
