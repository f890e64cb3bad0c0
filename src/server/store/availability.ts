// Whether the database can be used now: which driver errors mean "the database is away or overloaded, try again
// later" (an outage, answered 503) rather than a bug, and the one probe that watches it come back.
import { type QueryExecutorProvider, sql } from 'kysely';

// PostgreSQL SQLSTATE classes and codes that say the server, not the request, is the trouble: 08 connection
// exception, 53 insufficient resources, 57P01–57P03 shutting down / cannot connect now, 40001/40P01 a transaction
// the database gave up on (serialisation, deadlock), safe to retry since a push is one transaction.
const PG_UNAVAILABLE = /^(08...|53...|57P0[123]|40001|40P01)$/;
// Node's socket errors when PostgreSQL is not there (stopped, restarting, unreachable host).
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);
// SQLite: another process holds the file, or the disk failed or filled (better-sqlite3's extended codes).
const SQLITE_UNAVAILABLE = /^SQLITE_(BUSY|LOCKED|IOERR|FULL|CANTOPEN|PROTOCOL|NOMEM)/;
// node-postgres says these in words only, without a code.
const PG_MESSAGES = /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|Connection ended unexpectedly|the database system is (starting up|shutting down|in recovery mode)/i;

/** Whether an error means the database cannot be used right now (never a refusal of the request itself). */
export function isUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && (PG_UNAVAILABLE.test(code) || SOCKET_CODES.has(code) || SQLITE_UNAVAILABLE.test(code))) return true;
    const message = (e as { message?: unknown }).message;
    if (typeof message === 'string' && PG_MESSAGES.test(message)) return true;
    // AggregateError (a host with several addresses, each refused).
    const errors = (e as { errors?: unknown }).errors;
    if (Array.isArray(errors) && errors.some(isUnavailable)) return true;
  }
  return false;
}

export type DatabaseState = 'starting' | 'ok' | 'unreachable';

export type DatabaseHealth = {
  /** unreachable: the last use or probe failed; starting: reachable but not yet migrated; ok. */
  state: () => DatabaseState;
  /** Whether requests may use the database (migrated at least once). */
  ready: () => boolean;
  markReady: () => void;
  /** A request met an outage: health says unreachable until a probe succeeds. */
  markDown: () => void;
  /** Asks the database now (one at a time, at most every half second); answers the state found. */
  probe: () => Promise<DatabaseState>;
};

const PROBE_TIMEOUT_MS = 2_000;
const PROBE_REUSE_MS = 500;

export function createDatabaseHealth(db: QueryExecutorProvider, options: { ready?: boolean } = {}): DatabaseHealth {
  let ready = options.ready ?? true;
  // Not yet shown to answer: a server starting before its database says unreachable until a probe says otherwise.
  let down = !ready;
  let inFlight: Promise<DatabaseState> | null = null;
  let checkedAt = 0;
  const state = (): DatabaseState => (down ? 'unreachable' : !ready ? 'starting' : 'ok');
  const probe = (): Promise<DatabaseState> => {
    if (inFlight) return inFlight;
    if (Date.now() - checkedAt < PROBE_REUSE_MS) return Promise.resolve(state());
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('probe timed out')), PROBE_TIMEOUT_MS);
    });
    inFlight = Promise.race([sql`select 1`.execute(db), timeout])
      .then(
        () => {
          down = false;
        },
        () => {
          down = true;
        },
      )
      .then(() => {
        clearTimeout(timer);
        checkedAt = Date.now();
        inFlight = null;
        return state();
      });
    return inFlight;
  };
  return {
    state,
    ready: () => ready,
    markReady: () => {
      ready = true;
      down = false;
    },
    markDown: () => {
      down = true;
    },
    probe,
  };
}
