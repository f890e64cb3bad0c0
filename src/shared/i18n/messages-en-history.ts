// The catalogue's words for the history timeline, its CSV and the matrix's totals, in English.
import type { zhHistory } from './messages-zh-history.ts';

export const enHistory: Record<keyof typeof zhHistory, string> = {
  'history.fields': '{count} fields',
  'history.entries': '{count} entries',
  'history.added': '{count} added: {text}',
  'history.changedEntries': '{count} updated',
  'history.imported': 'Imported from {file}',
  'history.deleted': 'The whole record was deleted',
  'history.restored': 'The whole record was restored',
  'history.initial': 'Initial values',
  'history.col.time': 'Time',
  'history.col.user': 'Changed by',
  'history.col.op': 'Action',
  'history.col.field': 'Field',
  'history.col.old': 'Old value',
  'history.col.new': 'New value',
  'history.col.note': 'Note',
  'history.file': 'history-{name}.csv',
  'grid.keyboardInput': 'Grid keyboard input',
  'matrix.total': 'Total',
  'matrix.totalCell': '{count} problems',
  'matrix.totalRow': '{count} units',
  'matrix.hideIdle': 'Hide units without a role',
  'matrix.areaRow': '{name} ({count} problems)',
};
