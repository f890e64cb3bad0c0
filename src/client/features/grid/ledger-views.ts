// The ledger's built-in views: everything, red (overdue) items, items due this week, and my departments' items.
import type { Translate } from '#shared/i18n/translate.ts';
import { localIsoDate } from '#shared/model/dates.ts';
import type { BuiltInView } from './saved-views.tsx';


export function ledgerViews(t: Translate, today = new Date()): BuiltInView[] {
  // A Chinese week runs Monday to Sunday.
  const monday = new Date(today.getFullYear(), today.getMonth(), today.getDate() - ((today.getDay() + 6) % 7));
  const sunday = new Date(monday.getFullYear(), monday.getMonth(), monday.getDate() + 6);
  return [
    { id: 'all', label: t('views.all'), filters: {} },
    { id: 'overdue', label: t('views.overdue'), filters: { warning: { filterType: 'text', type: 'equals', filter: t('light.red') } } },
    { id: 'week', label: t('views.week'), filters: { deadline: { filterType: 'date', type: 'inRange', dateFrom: `${localIsoDate(monday)} 00:00:00`, dateTo: `${localIsoDate(sunday)} 00:00:00` } } },
    { id: 'mine', label: t('views.mine'), filters: {}, mine: true },
  ];
}
