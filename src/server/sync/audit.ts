// The audit trail (留痕): one row per field an accepted change altered, with who, when, from which device,
// the old and the new value, and the mutation it came from.
import type { SessionUser } from '#shared/auth/permissions.ts';
import { sameValue } from '#shared/model/change.ts';
import { newId } from '#shared/model/ids.ts';
import { metaFields } from '#shared/model/record.ts';
import type { StoredRecord } from '#shared/sync/merge.ts';
import type { Mutation } from '#shared/sync/protocol.ts';
import type { AuditRow } from '#server/store/account-store.ts';

const META = new Set<string>(metaFields);

const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));

/** `carriedBy`: the coordinator who imported the change from a device's file, when its author did not send it. */
export function auditRows(m: Mutation, user: SessionUser, before: StoredRecord | null, next: StoredRecord, seq: number, receivedAt: string, carriedBy?: SessionUser): AuditRow[] {
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
  if (next.deleted) return [{ ...base, id: newId(), op: 'delete', field: '*', old_value: json(before?.data), new_value: null }];
  const wasThere = before !== null && !before.deleted;
  const fields = Object.keys(next.data).filter((f) => !META.has(f) && !sameValue(wasThere ? before.data[f] : undefined, next.data[f]));
  return fields.map((field) => ({
    ...base,
    id: newId(),
    op: wasThere ? 'update' : 'create',
    field,
    old_value: wasThere ? json(before.data[field]) : null,
    new_value: json(next.data[field]),
  }));
}
