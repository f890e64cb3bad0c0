// The ledger's built-in views: everything, red (overdue) items, items due this week, and my departments' items.
import type { Translate } from '#shared/i18n/translate.ts';
import { addDays, todayIso } from '#shared/model/dates.ts';
import type { BuiltInView } from './saved-views.tsx';

export function ledgerViews(t: Translate, today = new Date()): BuiltInView[] {
  // A Chinese week runs Monday to Sunday, in the ledger's days.
  const date = todayIso(today);
  const monday = addDays(date, -((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7));
  const sunday = addDays(monday, 6);
  return [
    { id: 'all', label: t('views.all'), filters: {} },
    { id: 'overdue', label: t('views.overdue'), filters: { warning: { filterType: 'text', type: 'equals', filter: t('light.red') } } },
    { id: 'week', label: t('views.week'), filters: { deadline: { filterType: 'date', type: 'inRange', dateFrom: `${monday} 00:00:00`, dateTo: `${sunday} 00:00:00` } } },
    { id: 'mine', label: t('views.mine'), filters: {}, mine: true },
  ];
}
