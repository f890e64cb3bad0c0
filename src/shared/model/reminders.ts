// The in-app reminders (header and 我的任务): for the user's units, 逾期 · 本周到期 · 待回复督办 · 退回; for a
// coordinator, 待核实 and 延期待批 too. One computation, so that the header and the list never disagree.
import { weekEnd, weekStart } from './dates.ts';
import { involvesAny, type Measure } from './measure.ts';
import { isDone } from './status.ts';
import { isAwaitingVerification, isReturned, openNotices, pendingExtensions } from './supervision.ts';
import { computeLight, type LightSettings } from './warning.ts';

export type Reminders = {
  overdue: number;
  dueThisWeek: number;
  noticesToAnswer: number;
  returned: number;
  /** A coordinator's: applications waiting for verification, and extension requests waiting for a decision. */
  awaiting: number;
  extensionsPending: number;
};

export type ReminderScope = {
  /** The user's units; empty: every measure (a coordinator or administrator without units). */
  departmentIds: readonly string[];
  coordinator: boolean;
};

export function computeReminders(measures: readonly Measure[], scope: ReminderScope, asOf: string, settings: LightSettings): Reminders {
  const units = new Set(scope.departmentIds);
  const mine = (m: Measure) => units.size === 0 || involvesAny(m, units);
  const leads = (m: Measure) => units.size === 0 || (m.leadDepartmentId !== null && units.has(m.leadDepartmentId));
  const [from, to] = [weekStart(asOf), weekEnd(asOf)];
  const out: Reminders = { overdue: 0, dueThisWeek: 0, noticesToAnswer: 0, returned: 0, awaiting: 0, extensionsPending: 0 };
  for (const m of measures) {
    if (scope.coordinator) {
      if (isAwaitingVerification(m)) out.awaiting++;
      out.extensionsPending += pendingExtensions(m).length;
    }
    if (!mine(m)) continue;
    if (computeLight(m, asOf, settings) === 'red') out.overdue++;
    if (m.deadline !== null && m.deadline >= from && m.deadline <= to && !isDone(m.status) && m.status !== 'ongoing') out.dueThisWeek++;
    if (leads(m)) {
      out.noticesToAnswer += openNotices(m).length;
      if (isReturned(m)) out.returned++;
    }
  }
  return out;
}
