// The catalogue's words for warning lights, verification before closing, chasing notices and reminders, in English.
import type { zhSupervision } from './messages-zh-supervision.ts';

export const enSupervision: Record<keyof typeof zhSupervision, string> = {
  'light.red': 'Red',
  'light.yellow': 'Yellow',
  'light.green': 'Green',
  'light.blue': 'Blue',
  'light.undated': 'No deadline',
  'light.awaiting': 'Done, awaiting verification',
  'light.closed': 'Closed',
  'light.ongoing': 'Ongoing',
  'lightReason.overdue': '{days} days overdue',
  'lightReason.dueSoon': 'due within {days} days',
  'lightReason.stale': 'behind: no progress for {weeks} weeks',
  'lightReason.staleNever': 'behind: no progress notes',
  'lightReason.onTrack': 'on track',
  'lightReason.undated': 'no deadline set',
  'lightReason.awaiting': 'done, awaiting verification',
  'lightReason.closed': 'verified and closed',
  'lightReason.reported': 'ongoing, reported this period',
  'tasks.groupHint.red': 'overdue',
  'tasks.groupHint.yellow': 'due soon or behind',
  'tasks.groupHint.green': 'on track',
  'tasks.groupHint.undated': 'no deadline',
  'tasks.groupHint.awaiting': 'awaiting verification',
  'tasks.groupHint.closed': 'verified and closed',
  'tasks.groupHint.ongoing': 'ongoing, reported this period',
};
