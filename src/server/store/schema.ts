// The server's tables as Kysely sees them. JSON is kept as text, booleans as 0/1: one shape for SQLite and PostgreSQL.

export type Database = {
  sync_state: { id: number; seq: number };
  /** The current state of every record, tombstones included. */
  records: {
    entity: string;
    id: string;
    version: number;
    deleted: number;
    data: string;
    field_versions: string;
  };
  /** Every accepted change, in commit order: append-only. */
  changes: {
    seq: number;
    entity: string;
    record_id: string;
    op: string;
    fields: string;
    mutation_id: string | null;
    client_id: string | null;
    actor: string;
    at: string;
    received_at: string;
  };
  /** Every mutation received and its outcome: a retried or duplicated push is applied once. */
  mutations: { mutation_id: string; client_id: string; status: string; seq: number | null; result: string; received_at: string };
  conflicts: {
    id: string;
    entity: string;
    record_id: string;
    field: string;
    server_value: string;
    server_actor: string;
    client_value: string;
    client_actor: string;
    client_id: string;
    client_at: string;
    created_at: string;
    created_seq: number;
    status: string;
    resolution: string | null;
    resolved_by: string | null;
    resolved_at: string | null;
  };
  users: { id: string; username: string; display_name: string; password_hash: string; role: string; disabled: number; created_at: string; must_change_password: number };
  user_departments: { user_id: string; department_id: string };
  sessions: { token_hash: string; user_id: string; created_at: string; expires_at: string };
  login_attempts: { key: string; failures: number; window_start: string };
  /** Every accepted change, field by field, with who made it: append-only (留痕). */
  audit: {
    id: string;
    change_seq: number;
    at: string;
    received_at: string;
    user_id: string;
    username: string;
    display_name: string;
    client_id: string | null;
    entity: string;
    record_id: string;
    op: string;
    field: string;
    old_value: string | null;
    new_value: string | null;
    mutation_id: string | null;
    /** The coordinator who imported the change from a device's exported file (its author made it offline). */
    carried_by: string | null;
  };
  /** Evidence files, by the SHA-256 of their bytes: written once, never changed. */
  attachments: { hash: string; type: string; size: number; data: Uint8Array; created_at: string; created_by: string };
  /** An administrator's clearing of the shared ledger: what it removed stays, so that it can be restored. */
  ledger_clears: { id: string; cleared_at: string; cleared_by: string; count: number; restored_at: string | null; restored_by: string | null };
  ledger_clear_records: { clear_id: string; entity: string; id: string; version: number; restored_version: number | null };
  /** The pieces of uploads still in progress, by uploader, so that a dropped connection resumes where it stopped. */
  upload_parts: { hash: string; owner: string; offset: number; data: Uint8Array; total: number; created_at: string };
  /** Which account a device id (clientId) belongs to: the one that first pushed with it. */
  clients: { client_id: string; user_id: string; first_seen: string };
};
