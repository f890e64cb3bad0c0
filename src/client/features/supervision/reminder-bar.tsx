// The header's reminders for the user's units: 逾期 · 本周到期 · 待回复督办 · 退回, and for a coordinator 待核实 and
// 延期待批; each opens the view where it is dealt with. In-app only: no outside push service is reachable.
import { useMemo } from 'react';
import { canVerify } from '#shared/auth/permissions.ts';
import { todayIso } from '#shared/model/dates.ts';
import { computeReminders } from '#shared/model/reminders.ts';
import { useLightSettings, useRecords, useSettings, useT } from '#client/context/ledger-context.tsx';

export function ReminderBar({ onOpen }: { onOpen: (view: 'tasks' | 'supervision') => void }) {
  const t = useT();
  const { account } = useSettings();
  const light = useLightSettings();
  const measures = useRecords('measure');
  const coordinator = canVerify(account);
  const r = useMemo(() => computeReminders(measures, { departmentIds: account?.departmentIds ?? [], coordinator }, todayIso(), light), [measures, account, coordinator, light]);
  type Item = { key: string; text: string; count: number; view: 'tasks' | 'supervision' };
  const items: Item[] = [
    { key: 'overdue', text: t('reminders.overdue', { count: r.overdue }), count: r.overdue, view: 'tasks' },
    { key: 'due', text: t('reminders.dueThisWeek', { count: r.dueThisWeek }), count: r.dueThisWeek, view: 'tasks' },
    { key: 'notices', text: t('reminders.notices', { count: r.noticesToAnswer }), count: r.noticesToAnswer, view: 'tasks' },
    { key: 'returned', text: t('reminders.returned', { count: r.returned }), count: r.returned, view: 'tasks' },
    ...(coordinator
      ? ([
          { key: 'awaiting', text: t('reminders.awaiting', { count: r.awaiting }), count: r.awaiting, view: 'supervision' },
          { key: 'extensions', text: t('reminders.extensions', { count: r.extensionsPending }), count: r.extensionsPending, view: 'tasks' },
        ] satisfies Item[])
      : []),
  ];
  return (
    <nav className="reminders" aria-label={t('reminders.label')} data-testid="reminders">
      {items.map((item) => (
        <button key={item.key} type="button" className={`reminders__item${item.count > 0 ? ' reminders__item--on' : ''}`} data-reminder={item.key} onClick={() => onOpen(item.view)}>
          {item.text}
        </button>
      ))}
    </nav>
  );
}
