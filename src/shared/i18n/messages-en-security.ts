// The catalogue's words for the server's security refusals (docs/security.md), in English.
import type { zhSecurity } from './messages-zh-security.ts';

export const enSecurity: Record<keyof typeof zhSecurity, string> = {
  'sync.errorForeignClient': 'The server says this device’s id belongs to another account and took none of its changes. Sign out, sign in again, then sync.',
  'sync.resolveRefused': 'The conflict cannot be resolved that way ({field}): {reason}. It stays open; choose another way.',
};
