// 我的任务 view: the list of the user's measures, and the form of the one tapped (kept in the address, so a
// reload comes back to the same form).
import { useEffect, useMemo, useState } from 'react';
import './field.css';
import { canAddNotes } from '#shared/auth/permissions.ts';
import { todayIso } from '#shared/model/dates.ts';
import { computeReminders } from '#shared/model/reminders.ts';
import { useLightSettings, useRecords, useSettings, useT } from '#client/context/ledger-context.tsx';
import { MeasureForm } from './measure-form.tsx';
import { TaskList } from './task-list.tsx';
import { useUnsyncedKeys } from './use-unsynced.ts';

const PREFIX = '#tasks/';

function openFromHash(): string | null {
  return location.hash.startsWith(PREFIX) ? decodeURIComponent(location.hash.slice(PREFIX.length)) : null;
}

export function TasksView() {
  const t = useT();
  const settings = useSettings();
  const lightSettings = useLightSettings();
  const measures = useRecords('measure');
  const problems = useRecords('problem');
  const departments = useRecords('department');
  const unsynced = useUnsyncedKeys();
  const [openId, setOpenId] = useState<string | null>(openFromHash);
  useEffect(() => {
    const onHash = () => setOpenId(openFromHash());
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  const problemMap = useMemo(() => new Map(problems.map((p) => [p.id, p])), [problems]);
  const departmentMap = useMemo(() => new Map(departments.map((d) => [d.id, d])), [departments]);
  const account = settings.account;
  const mine = useMemo(() => account?.departmentIds ?? [], [account]);
  const open = (id: string | null) => {
    history.replaceState(null, '', id ? `${PREFIX}${encodeURIComponent(id)}` : '#tasks');
    setOpenId(id);
    scrollTo(0, 0);
  };
  const measure = openId ? measures.find((m) => m.id === openId) : undefined;
  // The same computation as the header's reminders, so that the two never disagree.
  const reminders = useMemo(() => computeReminders(measures, { departmentIds: mine, coordinator: false }, todayIso(), lightSettings), [measures, mine, lightSettings]);

  if (measure) return <MeasureForm key={measure.id} measure={measure} onClose={() => open(null)} />;
  return (
    <div className="tasks-view">
      <h2 className="tasks-view__title">{t('tasks.title')}</h2>
      <p className="form-hint">{mine.length > 0 ? t('tasks.scopeMine', { departments: mine.map((id) => departmentMap.get(id)?.name ?? id).join(t('common.separator')) }) : t('tasks.scopeAll')}</p>
      <p className="tasks-view__reminders" data-testid="task-reminders">
        {[t('reminders.overdue', { count: reminders.overdue }), t('reminders.dueThisWeek', { count: reminders.dueThisWeek }), t('reminders.notices', { count: reminders.noticesToAnswer }), t('reminders.returned', { count: reminders.returned })].join(' · ')}
      </p>
      <TaskList measures={measures} problems={problemMap} departments={departmentMap} mine={mine} lightSettings={lightSettings} unsynced={unsynced} canEdit={(m) => canAddNotes(settings.account, m)} onOpen={open} />
    </div>
  );
}
