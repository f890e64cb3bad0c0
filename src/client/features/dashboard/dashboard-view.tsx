// 总览: the coordinator's home. Totals, rates, lights, units ranked, 未报送, areas and problems, each number a
// link to its rows in the ledger; charts beside tables of the same numbers; area, department and as-of filters.
import { lazy, Suspense, useDeferredValue, useMemo, useState } from 'react';
import './dashboard.css';
import { todayIso } from '#shared/model/dates.ts';
import { statuses } from '#shared/model/status.ts';
import { computeDashboard, percent, warningLights } from '#shared/report/index.ts';
import { useLightSettings, useRecords, useT } from '#client/context/ledger-context.tsx';
import { FigureLink, type LinkScope } from './figure-link.tsx';
import { DashboardTables } from './dashboard-tables.tsx';

// ECharts is loaded with the charts, after the figures show.
const Charts = lazy(() => import('./charts.tsx').then((m) => ({ default: m.Charts })));

export function DashboardView() {
  const t = useT();
  const lightSettings = useLightSettings();
  const areas = useRecords('area');
  const departments = useRecords('department');
  const problems = useRecords('problem');
  const measures = useRecords('measure');
  const [asOf, setAsOf] = useState(todayIso);
  const [areaId, setAreaId] = useState<string | null>(null);
  const [departmentId, setDepartmentId] = useState<string | null>(null);
  // Typing elsewhere is never held up by a recount: React recomputes the figures when it is free.
  const records = useDeferredValue(useMemo(() => ({ areas: [...areas], departments: [...departments], problems: [...problems], measures: [...measures] }), [areas, departments, problems, measures]));
  // The filters answer at once too: the figures follow them when React is free.
  const query = useDeferredValue(useMemo(() => ({ asOf, areaId, departmentId }), [asOf, areaId, departmentId]));
  const d = useMemo(() => computeDashboard(records, { ...query, settings: lightSettings }), [records, query, lightSettings]);
  const scope: LinkScope = query;
  const card = (label: string, figure: (typeof d)['measures'], hint?: string, shown?: string) => (
    <div className="card" key={label}>
      <span className="card__label">{label}</span>
      <span className="card__value">
        <FigureLink figure={figure} label={label} scope={scope}>
          {shown}
        </FigureLink>
      </span>
      {hint && <span className="card__hint">{hint}</span>}
    </div>
  );

  return (
    <section className="view dashboard" aria-label={t('dashboard.title')} data-testid="dashboard">
      <div className="dashboard__filters toolbar">
        <label>
          {t('dashboard.asOf')} <input type="date" value={asOf} required onChange={(e) => e.target.value && setAsOf(e.target.value)} />
        </label>
        <label>
          {t('dashboard.area')}{' '}
          <select value={areaId ?? ''} onChange={(e) => setAreaId(e.target.value || null)}>
            <option value="">{t('dashboard.all')}</option>
            {[...areas].sort((a, b) => a.seq - b.seq).map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('dashboard.department')}{' '}
          <select value={departmentId ?? ''} onChange={(e) => setDepartmentId(e.target.value || null)}>
            <option value="">{t('dashboard.all')}</option>
            {[...departments].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')).map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </label>
        <span className="note">{t('dashboard.clickHint')}</span>
      </div>

      <div className="cards" data-testid="dashboard-cards">
        <div className="card">
          <span className="card__label">{t('dashboard.problems')}</span>
          <span className="card__value">{d.problems}</span>
        </div>
        {card(t('dashboard.measures'), d.measures)}
        {card(t('dashboard.completion'), d.completion.done, t('dashboard.completionHint', { done: d.completion.done.count, total: d.completion.total.count }), percent(d.completion.rate))}
        {card(t('dashboard.completionNoOngoing'), d.completionExcludingOngoing.done, t('dashboard.completionHint', { done: d.completionExcludingOngoing.done.count, total: d.completionExcludingOngoing.total.count }), percent(d.completionExcludingOngoing.rate))}
        {card(t('dashboard.overdue'), d.overdue)}
        {card(t('dashboard.dueSoon', { days: lightSettings.yellowDays }), d.dueSoon)}
        {card(t('dashboard.awaiting'), d.awaiting)}
        {card(t('dashboard.extensions'), d.extensionsPending)}
      </div>

      <div className="dashboard__row">
        <table className="report-table" data-testid="by-status">
          <caption>{t('dashboard.byStatus')}</caption>
          <tbody>
            {statuses.map((s) => (
              <tr key={s}>
                <th scope="row">{t(`status.${s}`)}</th>
                <td>
                  <FigureLink figure={d.byStatus[s]} label={t(`status.${s}`)} scope={scope} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <table className="report-table" data-testid="by-light">
          <caption>{t('dashboard.byLight')}</caption>
          <tbody>
            {warningLights.map((l) => (
              <tr key={l}>
                <th scope="row">
                  <span className={`light-dot light-dot--${l}`} aria-hidden="true" /> {t(`light.${l}`)}
                </th>
                <td>
                  <FigureLink figure={d.byLight[l]} label={t(`light.${l}`)} scope={scope} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <Suspense fallback={<p className="note">{t('dashboard.loadingCharts')}</p>}>
          <Charts dashboard={d} />
        </Suspense>
      </div>
      <DashboardTables dashboard={d} scope={scope} />
    </section>
  );
}
