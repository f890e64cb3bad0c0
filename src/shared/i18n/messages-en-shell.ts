// The catalogue's words for the application shell (the header's menu), in English.
import type { zhShell } from './messages-zh-shell.ts';

export const enShell: Record<keyof typeof zhShell, string> = {
  'header.more': 'More',
  'header.moreLabel': 'More actions',
};
