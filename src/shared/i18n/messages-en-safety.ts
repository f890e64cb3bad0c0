// The catalogue's words for keeping shared data safe (notes and requests as entries, the data menu, sync status,
// changes carried without a network), in English.
import type { zhSafety } from './messages-zh-safety.ts';

export const enSafety: Record<keyof typeof zhSafety, string> = {
  'entry.strike': 'Strike',
  'entry.struck': 'struck by {by}',
  'entry.struckToast': 'Note struck (it stays in the record)',
  'form.extensionWithdrawn': 'Withdrawn: to {date} ({by})',
  'error.entryRewrite': 'an entry once recorded cannot be rewritten',
  'error.entryRemoved': 'an entry once recorded cannot be removed, only struck',
  'history.op.restore': 'Restored',
  'history.carried': '(brought in by {by})',
};
