import { describe, expect, it } from 'vitest';
import { newId } from './ids.ts';
import { type Problem, getRole, setRole } from './problem.ts';

const [gov, a, b, c] = [newId(), newId(), newId(), newId()];
const problem = {
  overallLeadDepartmentId: gov,
  leadDepartmentId: a,
  cooperatingDepartmentIds: [b],
} as Problem;

describe('problem roles (the matrix cell)', () => {
  it('reads each department’s role', () => {
    expect(getRole(problem, gov)).toBe('overall');
    expect(getRole(problem, a)).toBe('lead');
    expect(getRole(problem, b)).toBe('cooperate');
    expect(getRole(problem, c)).toBeNull();
  });

  it('moves the previous lead to 配合 when another department takes the lead', () => {
    expect(setRole(problem, c, 'lead')).toEqual({ overallLeadDepartmentId: gov, leadDepartmentId: c, cooperatingDepartmentIds: [b, a] });
  });

  it('promotes a cooperating department to lead without listing it twice', () => {
    expect(setRole(problem, b, 'lead')).toEqual({ overallLeadDepartmentId: gov, leadDepartmentId: b, cooperatingDepartmentIds: [a] });
  });

  it('clears a role', () => {
    expect(setRole(problem, a, null)).toEqual({ overallLeadDepartmentId: gov, leadDepartmentId: null, cooperatingDepartmentIds: [b] });
    expect(setRole(problem, b, null).cooperatingDepartmentIds).toEqual([]);
  });
});
