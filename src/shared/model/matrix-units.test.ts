import { describe, expect, it } from 'vitest';
import type { Department } from './department.ts';
import { assignmentCounts, orderMatrixUnits, unitLabel, unitsOnProblem } from './matrix-units.ts';
import type { RoleFields } from './problem.ts';

type Unit = Pick<Department, 'id' | 'name' | 'shortName' | 'level' | 'kind'>;
const unit = (id: string, name: string, shortName: string, level: Unit['level'], kind: Unit['kind'] = 'responsible'): Unit => ({ id, name, shortName, level, kind });
const units = [
  unit('tax', '国家税务总局商丘市税务局', '税务局', 'vertical'),
  unit('office', '市优化营商环境攻坚领导小组办公室', '营商办', 'government', 'coordinating'),
  unit('finance', '市财政局', '财政局', 'municipal'),
  unit('gov', '商丘市人民政府', '市政府', 'government'),
  unit('inspect', '市政府督查室', '督查室', 'government', 'supervising'),
  unit('court', '市中级人民法院', '', 'judicial'),
  unit('county', '睢阳区政府', '睢阳区', 'county'),
];
const problem = (over: Partial<RoleFields>): RoleFields => ({ overallLeadDepartmentId: null, leadDepartmentId: null, cooperatingDepartmentIds: [], involvedDepartmentIds: [], reportedRoleDepartmentIds: [], ...over });
const problems = [
  problem({ overallLeadDepartmentId: 'gov', leadDepartmentId: 'finance', cooperatingDepartmentIds: ['tax', 'county'] }),
  problem({ leadDepartmentId: 'tax', cooperatingDepartmentIds: ['finance'], involvedDepartmentIds: ['office'] }),
  problem({ leadDepartmentId: 'county', cooperatingDepartmentIds: ['tax'] }),
];

describe('matrix units', () => {
  it('counts each unit’s problems and each problem’s units', () => {
    const counts = assignmentCounts(problems, units);
    expect(Object.fromEntries(counts)).toEqual({ tax: 3, office: 1, finance: 2, gov: 1, inspect: 0, court: 0, county: 2 });
    expect(problems.map((p) => unitsOnProblem(p, units))).toEqual([4, 3, 2]);
  });

  it('orders 市政府 first, then by kind, the busiest first, then by tier and name', () => {
    const ordered = orderMatrixUnits(units, assignmentCounts(problems, units)).map(unitLabel);
    // 财政局 (municipal) and 睢阳区 (county) both hold 2: the tier decides.
    expect(ordered).toEqual(['市政府', '税务局', '财政局', '睢阳区', '市中级人民法院', '营商办', '督查室']);
  });
});
