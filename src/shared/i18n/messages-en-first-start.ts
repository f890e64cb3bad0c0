// Catalogue part (en): the first start of a new installation.
import type { zhFirstStart } from './messages-zh-first-start.ts';

export const enFirstStart: Record<keyof typeof zhFirstStart, string> = {
  'firstStart.title': 'Getting started',
  'firstStart.intro': 'This is a new ledger: the server holds no data yet. Choose how to start:',
  'firstStart.sample': 'Load the sample ledger',
  'firstStart.sampleNote': 'The problems, measures and responsible units of the Shangqiu business-environment inspection report, to try the app.',
  'firstStart.import': 'Import from Excel',
  'firstStart.importNote': 'Bring in your office’s own ledger (.xlsx or .csv), with a preview before anything is saved.',
  'firstStart.blank': 'Blank ledger',
  'firstStart.blankNote': 'Start empty and enter problems, measures and units yourself.',
  'firstStart.shared': 'What you choose goes into everyone’s shared ledger: every user sees it after syncing. You can still import later from the Data menu.',
  'firstStart.failed': 'Could not finish: {reason}',
};
