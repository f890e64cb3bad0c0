// Which driver errors are an outage (503, try again later) and which are a real failure (500, a bug to see).
import { describe, expect, it } from 'vitest';
import { isUnavailable } from './availability.ts';

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('an outage, told apart from a bug', () => {
  it.each([
    ['PostgreSQL shutting down (57P01)', withCode('57P01', 'terminating connection due to administrator command')],
    ['PostgreSQL starting up (57P03)', withCode('57P03', 'the database system is starting up')],
    ['too many connections (53300)', withCode('53300')],
    ['a connection exception (08006)', withCode('08006')],
    ['a serialisation failure (40001)', withCode('40001')],
    ['nothing listening (ECONNREFUSED)', withCode('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432')],
    ['a connection dropped mid-query (node-postgres says it in words)', new Error('Connection terminated unexpectedly')],
    ['no connection within the pool’s timeout', new Error('timeout exceeded when trying to connect')],
    ['every address refused (AggregateError)', new AggregateError([withCode('ECONNREFUSED'), withCode('ECONNREFUSED')])],
    ['a migration that met a stopped database (the cause kept)', new Error('Migration  failed: Error: connect', { cause: withCode('ECONNREFUSED') })],
    ['SQLite locked by another process (SQLITE_BUSY)', withCode('SQLITE_BUSY', 'database is locked')],
    ['SQLite disk I/O (SQLITE_IOERR_WRITE)', withCode('SQLITE_IOERR_WRITE', 'disk I/O error')],
    ['SQLite disk full (SQLITE_FULL)', withCode('SQLITE_FULL')],
  ])('%s is an outage', (_name, error) => {
    expect(isUnavailable(error)).toBe(true);
  });

  it.each([
    ['a constraint (23505)', withCode('23505', 'duplicate key value violates unique constraint')],
    ['a missing table (42P01)', withCode('42P01', 'relation "records" does not exist')],
    ['SQLite constraint', withCode('SQLITE_CONSTRAINT_PRIMARYKEY')],
    ['a plain bug', new TypeError('Cannot read properties of undefined')],
    ['not an error at all', 'Connection'],
  ])('%s is not', (_name, error) => {
    expect(isUnavailable(error)).toBe(false);
  });
});
