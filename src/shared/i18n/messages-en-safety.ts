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
  'carry.notJson': 'This is not a file saved by “Export unsynced changes” (it cannot be read as JSON)',
  'carry.notUnsyncedFile': 'This is not a file saved by “Export unsynced changes”',
  'carry.noAccount': 'The file does not say which account made the changes (an older export): export it again on the device',
  'carry.foreignChange': 'The file holds changes that are not the device’s own; nothing was imported',
  'carry.fileRefused': 'The file “{name}” does not match its record or is of a type not allowed; it was not kept, and changes naming it will be refused',
  'carry.unknownAuthor': 'The server has no account “{name}” that made these changes; nothing was imported',
  'carry.authorDisabled': 'The account “{name}” that made these changes is disabled; nothing was imported',
  'carry.summary': 'Changes by {author}: {applied} taken in now, {already} already on the server, {conflicts} of them conflicts; {refused} refused',
  'carry.refusedLine': 'Refused: {entity} {id}: {reason}',
};
