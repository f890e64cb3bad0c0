// The dashboard's tables: units ranked (lead and cooperating apart, by light), 未报送, areas and problems with
// progress bars, completion by week. They hold every number the charts draw, for reading and for print.
import { type Dashboard, type GroupRow, percent, warningLights } from '#shared/report/index.ts';
import { useT } from '#client/context/ledger-context.tsx';
import { FigureLink, type LinkScope } from './figure-link.tsx';

function Progress({ rows, caption, scope, testId }: { rows: GroupRow[]; caption: string; scope: LinkScope; testId: string }) {
  const t = useT();
  return (
    <table className="report-table" data-testid={testId}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th>{caption}</th>
          <th>{t('dashboard.col.total')}</th>
          <th>{t('dashboard.col.done')}</th>
          <th>{t('dashboard.col.rate')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id}>
            <th scope="row">{r.label}</th>
            <td>
              <FigureLink figure={r.total} label={r.label} scope={scope} />
            </td>
            <td>
              <FigureLink figure={r.done} label={`${r.label} · ${t('dashboard.col.done')}`} scope={scope} />
            </td>
            <td className="bar-cell">
              <span className="bar" style={{ width: `${Math.round((r.rate ?? 0) * 100)}%` }} aria-hidden="true" />
              <span>{percent(r.rate)}</span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function DashboardTables({ dashboard: d, scope }: { dashboard: Dashboard; scope: LinkScope }) {
  const t = useT();
  return (
    <>
      <section className="dashboard__unreported" data-testid="unreported">
        <h2>
          {t('dashboard.unreported')} · {d.unreported.length}
        </h2>
        <p className="note">{t('dashboard.unreportedHint', { week: d.week.label, start: d.week.start, end: d.week.end })}</p>
        {d.unreported.length === 0 ? (
          <p>{t('dashboard.unreportedNone')}</p>
        ) : (
          <ul className="chips">
            {d.unreported.map((u) => (
              <li key={u.departmentId}>
                {u.name} <FigureLink figure={u.active} label={`${u.name} · ${t('weekly.unreported')}`} scope={scope} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <table className="report-table report-table--wide" data-testid="by-department">
        <caption>{t('dashboard.byDepartment')}</caption>
        <thead>
          <tr>
            <th>{t('dashboard.col.rank')}</th>
            <th>{t('dashboard.col.unit')}</th>
            <th>{t('dashboard.col.lead')}</th>
            <th>{t('dashboard.col.leadDone')}</th>
            <th>{t('dashboard.col.leadOverdue')}</th>
            <th>{t('dashboard.col.rate')}</th>
            {warningLights.map((l) => (
              <th key={l}>{t(`light.${l}`)}</th>
            ))}
            <th>{t('dashboard.col.cooperate')}</th>
            <th>{t('dashboard.col.cooperateDone')}</th>
            <th>{t('dashboard.col.daysSinceNote')}</th>
            <th>{t('dashboard.col.reported')}</th>
          </tr>
        </thead>
        <tbody>
          {d.departments.map((u, i) => (
            <tr key={u.departmentId}>
              <td>{i + 1}</td>
              <th scope="row">{u.name}</th>
              <td>
                <FigureLink figure={u.lead.measures} label={`${u.name} · ${t('dashboard.col.lead')}`} scope={scope} />
              </td>
              <td>
                <FigureLink figure={u.lead.done} label={`${u.name} · ${t('dashboard.col.leadDone')}`} scope={scope} />
              </td>
              <td>
                <FigureLink figure={u.lead.overdue} label={`${u.name} · ${t('dashboard.col.leadOverdue')}`} scope={scope} />
              </td>
              <td>{percent(u.lead.rate)}</td>
              {warningLights.map((l) => (
                <td key={l}>
                  <FigureLink figure={u.lead.byLight[l]} label={`${u.name} · ${t(`light.${l}`)}`} scope={scope} />
                </td>
              ))}
              <td>
                <FigureLink figure={u.cooperate.measures} label={`${u.name} · ${t('dashboard.col.cooperate')}`} scope={scope} />
              </td>
              <td>
                <FigureLink figure={u.cooperate.done} label={`${u.name} · ${t('dashboard.col.cooperateDone')}`} scope={scope} />
              </td>
              <td>{u.daysSinceNote ?? '—'}</td>
              <td>{t(u.reported ? 'weekly.reported' : 'weekly.unreported')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="dashboard__row">
        <Progress rows={d.areas} caption={t('dashboard.byArea')} scope={scope} testId="by-area" />
        <Progress rows={d.problemRows} caption={t('dashboard.byProblem')} scope={scope} testId="by-problem" />
        <table className="report-table" data-testid="trend">
          <caption>{t('dashboard.trend')}</caption>
          <thead>
            <tr>
              <th>{t('dashboard.col.week')}</th>
              <th>{t('dashboard.col.done')}</th>
              <th>{t('dashboard.col.total')}</th>
              <th>{t('dashboard.col.rate')}</th>
            </tr>
          </thead>
          <tbody>
            {d.trend.map((p) => (
              <tr key={p.week}>
                <th scope="row">{p.week}</th>
                <td>{p.done}</td>
                <td>{p.total}</td>
                <td>{percent(p.rate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
