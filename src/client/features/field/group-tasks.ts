// Which measures 我的任务 lists and in what order: the user's departments' (lead or cooperating), matching
// every search word, grouped by warning light, the most urgent first within each group.
import type { Department } from '#shared/model/department.ts';
import { involvesAny, type Measure } from '#shared/model/measure.ts';
import type { Problem } from '#shared/model/problem.ts';
import { isDone } from '#shared/model/status.ts';
import { computeLight, type LightSettings, type WarningLight, warningLights } from '#shared/model/warning.ts';

export type TaskScope = {
  problems: ReadonlyMap<string, Problem>;
  departments: ReadonlyMap<string, Department>;
  /** The user's departments; empty lists every measure. */
  mine: readonly string[];
  query: string;
  today: string;
  light: LightSettings;
};

export function groupTasks(measures: readonly Measure[], scope: TaskScope): Record<WarningLight, Measure[]> {
  const { problems, departments, today, light } = scope;
  const mine = new Set(scope.mine);
  const words = scope.query.trim().toLowerCase().split(/\s+/).filter((w) => w !== '');
  const text = (m: Measure) => {
    const problem = problems.get(m.problemId);
    const units = [m.leadDepartmentId, ...m.cooperatingDepartmentIds].map((id) => (id ? (departments.get(id)?.name ?? '') : ''));
    return [m.title, m.label, m.owner, problem?.title ?? '', problem ? String(problem.number) : '', ...units, ...m.evidence].join(' ').toLowerCase();
  };
  const out = Object.fromEntries(warningLights.map((l) => [l, [] as Measure[]])) as Record<WarningLight, Measure[]>;
  for (const m of measures) {
    if (mine.size > 0 && !involvesAny(m, mine)) continue;
    if (words.length > 0) {
      const haystack = text(m);
      if (!words.every((w) => haystack.includes(w))) continue;
    }
    out[computeLight(m, today, light)].push(m);
  }
  // Most urgent first: the nearest (or longest past) deadline.
  const key = (m: Measure) => `${isDone(m.status) ? 1 : 0}${m.deadline ?? '9999-12-31'}`;
  for (const list of Object.values(out)) list.sort((a, b) => key(a).localeCompare(key(b)));
  return out;
}
