// 我的任务: the measures of the user's departments as a list for a finger, grouped by warning light (red
// first), searchable, each row a large target that opens the measure's form.
import { useDeferredValue, useMemo, useState } from 'react';
import type { Department } from '#shared/model/department.ts';
import { todayIso } from '#shared/model/dates.ts';
import type { Measure } from '#shared/model/measure.ts';
import type { Problem } from '#shared/model/problem.ts';
import { type LightSettings, lightLabelKey, lightRank, type WarningLight, warningLights } from '#shared/model/warning.ts';
import { useT } from '#client/context/ledger-context.tsx';
import { groupTasks } from './group-tasks.ts';
import { isAwaitingVerification, isReturned, openNotices, returnCount } from '#shared/model/supervision.ts';

const PAGE = 100;
const order: WarningLight[] = [...warningLights].sort((a, b) => lightRank(a) - lightRank(b));

type Props = {
  measures: readonly Measure[];
  problems: ReadonlyMap<string, Problem>;
  departments: ReadonlyMap<string, Department>;
  /** The user's departments; empty shows every measure. */
  mine: readonly string[];
  lightSettings: LightSettings;
  unsynced: ReadonlySet<string>;
  /** Whether the user may change the measure (others open read-only). */
  canEdit: (m: Measure) => boolean;
  onOpen: (id: string) => void;
};

export function TaskList({ measures, problems, departments, mine, lightSettings, unsynced, canEdit, onOpen }: Props) {
  const t = useT();
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query);
  const [shown, setShown] = useState(() => Object.fromEntries(warningLights.map((l) => [l, PAGE])) as Record<WarningLight, number>);
  const today = todayIso();
  const scheme = lightSettings.scheme;

  const groups = useMemo(() => groupTasks(measures, { problems, departments, mine, query: deferred, today, light: lightSettings }), [measures, problems, departments, mine, deferred, today, lightSettings]);

  const total = order.reduce((n, light) => n + groups[light].length, 0);
  return (
    <div className="tasks">
      <input type="search" className="input touch tasks__search" placeholder={t('tasks.search')} aria-label={t('tasks.search')} value={query} onChange={(e) => setQuery(e.target.value)} />
      {total === 0 && <p className="form-hint">{t('tasks.empty')}</p>}
      {order.map((light) =>
        groups[light].length === 0 ? null : (
          <section key={light} className="tasks__group" aria-label={t(lightLabelKey(light, scheme))}>
            <h3 className={`tasks__heading tasks__heading--${light}`}>
              <span className={`light light--${light}`} /> {t('tasks.group', { light: t(lightLabelKey(light, scheme)), count: groups[light].length })} <small>{t(`tasks.groupHint.${light}`)}</small>
            </h3>
            <ul className="plain-list">
              {groups[light].slice(0, shown[light]).map((m) => (
                <li key={m.id}>
                  <TaskRow measure={m} problem={problems.get(m.problemId)} lead={m.leadDepartmentId ? departments.get(m.leadDepartmentId) : undefined} editable={canEdit(m)} pending={unsynced.has(`measure:${m.id}`)} onOpen={onOpen} />
                </li>
              ))}
            </ul>
            {groups[light].length > shown[light] && (
              <button type="button" className="button touch" onClick={() => setShown({ ...shown, [light]: shown[light] + PAGE * 5 })}>
                {t('tasks.showMore', { count: Math.min(PAGE * 5, groups[light].length - shown[light]) })}
              </button>
            )}
          </section>
        ),
      )}
    </div>
  );
}

type RowProps = { measure: Measure; problem: Problem | undefined; lead: Department | undefined; editable: boolean; pending: boolean; onOpen: (id: string) => void };

function TaskRow({ measure: m, problem, lead, editable, pending, onOpen }: RowProps) {
  const t = useT();
  return (
    <button type="button" className="task touch" data-measure-id={m.id} onClick={() => onOpen(m.id)}>
      <span className="task__title">{m.title}</span>
      <span className="task__meta">
        {problem && `${problem.number}. ${problem.title} · `}
        {t('tasks.lead', { name: lead?.name ?? t('common.none') })} · {m.deadline ? t('tasks.deadline', { date: m.deadline }) : t('tasks.noDeadline')} · {t(`status.${m.status}`)}
        {!editable && <span className="badge">{t('tasks.readOnly')}</span>}
        {pending && <span className="badge badge--unsynced">{t('tasks.unsynced')}</span>}
        <SupervisionBadges measure={m} />
      </span>
      <span className="task__progress" aria-label={`${m.progress}%`}>
        <span style={{ width: `${m.progress}%` }} />
      </span>
    </button>
  );
}

/** What chases the unit on this measure: open 督办 notices (overdue ones escalated), returns, a pending verification. */
function SupervisionBadges({ measure }: { measure: Measure }) {
  const t = useT();
  const notices = openNotices(measure, todayIso());
  const overdue = notices.some((n) => n.overdue);
  return (
    <>
      {notices.length > 0 && <span className={`badge badge--notice${overdue ? ' badge--overdue' : ''}`} data-testid="badge-notice">{t('notice.badge', { count: notices.length })}</span>}
      {isReturned(measure) && <span className="badge badge--returned" data-testid="badge-returned">{t('tasks.badgeReturned', { count: returnCount(measure) })}</span>}
      {isAwaitingVerification(measure) && <span className="badge badge--awaiting">{t('tasks.badgeAwaiting')}</span>}
    </>
  );
}
