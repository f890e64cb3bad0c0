// Tells whoever listens (the live-update streams) that the change log has grown, and to which sequence number:
// after every commit in this process, and on PostgreSQL from every process on the database (LISTEN/NOTIFY). Several
// processes on one SQLite file do not hear each other: their devices learn of changes by polling.
import { type Kysely, sql } from 'kysely';
import pg from 'pg';
import type { Dialect } from './database.ts';
import type { Database } from './schema.ts';

const CHANNEL = 'ledger_changes';
const MAX_RECONNECT_MS = 10_000;

export type ChangeNotifier = {
  /** A write committed: the change log now ends at `seq`. */
  published: (seq: number) => void;
  /** Calls `listener` with each new last sequence number (never one lower than it was told before). */
  subscribe: (listener: (seq: number) => void) => () => void;
  /** The change log's last sequence number now (read from the database). */
  latest: () => Promise<number>;
  close: () => Promise<void>;
};

export function createChangeNotifier(db: Kysely<Database>, dialect: Dialect, databaseUrl?: string): ChangeNotifier {
  const listeners = new Set<(seq: number) => void>();
  let last = 0;
  let closed = false;
  let listening: pg.Client | null = null;
  let reconnect: ReturnType<typeof setTimeout> | undefined;

  const emit = (seq: number) => {
    if (!(seq > last)) return;
    last = seq;
    for (const listener of listeners) listener(seq);
  };

  // One connection per process listens; it is opened with the first stream and opened again (with backoff) when
  // PostgreSQL drops it, after which a stream is told the latest sequence so that nothing said meanwhile is missed.
  const listen = (delay = 500) => {
    if (closed || dialect !== 'postgres' || !databaseUrl || listening) return;
    const client = new pg.Client({ connectionString: databaseUrl });
    listening = client;
    const retry = () => {
      if (listening !== client) return;
      listening = null;
      client.end().catch(() => undefined);
      if (!closed) reconnect = setTimeout(() => listen(Math.min(MAX_RECONNECT_MS, delay * 2)), delay);
    };
    client.on('error', retry);
    client.on('end', retry);
    client.on('notification', (message) => {
      if (message.channel === CHANNEL) emit(Number(message.payload));
    });
    client
      .connect()
      .then(() => client.query(`listen ${CHANNEL}`))
      .then(() => latest())
      .then(emit)
      .catch(retry);
  };

  const latest = async () => {
    const row = await db.selectFrom('sync_state').select('seq').where('id', '=', 1).executeTakeFirst();
    return Number(row?.seq ?? 0);
  };

  return {
    published: (seq) => {
      emit(seq);
      // Other processes hear it through PostgreSQL; this one already has (a lost notice only delays them to the poll).
      if (dialect === 'postgres') void sql`select pg_notify(${CHANNEL}, ${String(seq)})`.execute(db).catch(() => undefined);
    },
    subscribe: (listener) => {
      listeners.add(listener);
      listen();
      return () => listeners.delete(listener);
    },
    latest,
    close: async () => {
      closed = true;
      clearTimeout(reconnect);
      const client = listening;
      listening = null;
      await client?.end().catch(() => undefined);
    },
  };
}
