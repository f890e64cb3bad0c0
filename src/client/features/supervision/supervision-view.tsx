// 核实督办, the coordinator's view: the 待核实 queue, the red and yellow measures to chase with 督办 notices, and
// the notices sent (printable 督办单, list export). Staff see the notices of their units read-only.
import { useMemo } from 'react';
import './supervision.css';
import { canVerify } from '#shared/auth/permissions.ts';
import { noticeRows } from '#shared/csv/notice-table.ts';
import { todayIso } from '#shared/model/dates.ts';
import { involvesAny } from '#shared/model/measure.ts';
import { isAwaitingVerification } from '#shared/model/supervision.ts';
import { useLightSettings, useRecords, useSettings, useT } from '#client/context/ledger-context.tsx';
import { ChasePanel } from './chase-panel.tsx';
import { NoticeSheets } from './notice-sheets.tsx';
import { VerificationQueue } from './verification-queue.tsx';

export function SupervisionView() {
  const t = useT();
  const { account } = useSettings();
  const light = useLightSettings();
  const all = useRecords('measure');
  const problems = useRecords('problem');
  const departments = useRecords('department');
  const today = todayIso();
  const coordinator = canVerify(account);
  const units = useMemo(() => new Set(account?.departmentIds ?? []), [account]);
  const measures = useMemo(() => (coordinator || units.size === 0 ? all : all.filter((m) => involvesAny(m, units))), [all, coordinator, units]);
  const problemMap = useMemo(() => new Map(problems.map((p) => [p.id, p])), [problems]);
  const departmentMap = useMemo(() => new Map(departments.map((d) => [d.id, d])), [departments]);
  const rows = useMemo(() => noticeRows(measures, problemMap, departmentMap, today), [measures, problemMap, departmentMap, today]);
  const queue = useMemo(() => measures.filter(isAwaitingVerification), [measures]);
  return (
    <div className="supervision">
      <h2 className="tasks-view__title">{t('nav.supervision')}</h2>
      {coordinator && <VerificationQueue queue={queue} departments={departmentMap} />}
      <ChasePanel measures={measures} departments={departmentMap} rows={rows} today={today} light={light} onPrint={() => window.print()} canIssue={coordinator} />
      {/* Hidden on screen; printing shows only these. */}
      <NoticeSheets rows={rows} />
    </div>
  );
}
