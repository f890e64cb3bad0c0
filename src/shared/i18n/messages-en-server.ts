// The catalogue's words for the sync server at scale (its database away, live updates), in English.
import type { zhServer } from './messages-zh-server.ts';

export const enServer: Record<keyof typeof zhServer, string> = {
  'server.unavailable': 'The server’s database is unavailable for now; try again later',
  'server.databaseWaiting': 'The database cannot be reached: trying again in {seconds} s ({url} is answering; the API answers 503 until the database is back)',
  'sync.unavailable': 'Server unavailable',
  'sync.unavailablePending': 'Server unavailable · {count} to sync',
  'sync.errorUnavailable': 'The server’s database is unavailable for now. Changes are kept on this device and are tried again automatically.',
};
