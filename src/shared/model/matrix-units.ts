// The matrix's columns and totals: which units, in which order (市政府 first, then by kind, the busiest first),
// and how many problems each unit has a role on, and how many units each problem involves.
import type { Department } from './department.ts';
import { departmentKinds, departmentLevels } from './department.ts';
import { getRole, type RoleFields } from './problem.ts';

type Unit = Pick<Department, 'id' | 'name' | 'shortName' | 'level' | 'kind'>;

/** What a column shows: the short name, the name when a unit has none. */
export const unitLabel = (d: Pick<Department, 'name' | 'shortName'>): string => d.shortName || d.name;

/** Per unit: the problems it holds a role on (总牵头, 牵头, 配合 or 涉及). */
export function assignmentCounts(problems: readonly RoleFields[], units: readonly Pick<Department, 'id'>[]): Map<string, number> {
  const counts = new Map<string, number>(units.map((d) => [d.id, 0]));
  for (const p of problems) for (const d of units) if (getRole(p, d.id) !== null) counts.set(d.id, (counts.get(d.id) ?? 0) + 1);
  return counts;
}

/** How many of the units hold a role on the problem. */
export function unitsOnProblem(problem: RoleFields, units: readonly Pick<Department, 'id'>[]): number {
  return units.filter((d) => getRole(problem, d.id) !== null).length;
}

// 市政府 itself (the government's responsible unit), not its offices: 营商办 coordinates and 督查室 supervises.
const isGovernment = (d: Unit) => d.level === 'government' && d.kind === 'responsible';

/**
 * 市政府 first; then responsible units, the coordinating office, the supervisors (by kind); within a kind the unit with
 * the most problems first, then by tier, then by the short name the column shows.
 */
export function orderMatrixUnits<D extends Unit>(units: readonly D[], counts: ReadonlyMap<string, number>): D[] {
  const key = (d: D) => [isGovernment(d) ? 0 : 1, departmentKinds.indexOf(d.kind), -(counts.get(d.id) ?? 0), departmentLevels.indexOf(d.level)];
  return [...units].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i]! - kb[i]!;
    return unitLabel(a).localeCompare(unitLabel(b), 'zh-CN');
  });
}
