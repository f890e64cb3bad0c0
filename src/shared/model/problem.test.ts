import { describe, expect, it } from 'vitest';
import { newId } from './ids.ts';
import { type RoleFields, getRole, isReportedRole, setRole } from './problem.ts';

const [gov, a, b, c, d] = [newId(), newId(), newId(), newId(), newId()];
const problem: RoleFields = {
  overallLeadDepartmentId: gov,
  leadDepartmentId: a,
  cooperatingDepartmentIds: [b],
  involvedDepartmentIds: [d],
  reportedRoleDepartmentIds: [d],
};
const unchanged = { involvedDepartmentIds: [d], reportedRoleDepartmentIds: [d] };

describe('problem roles (the matrix cell)', () => {
  it('reads each department’s role', () => {
    expect(getRole(problem, gov)).toBe('overall');
    expect(getRole(problem, a)).toBe('lead');
    expect(getRole(problem, b)).toBe('cooperate');
    expect(getRole(problem, d)).toBe('involved');
    expect(getRole(problem, c)).toBeNull();
  });

  it('moves the previous lead to 配合 when another department takes the lead', () => {
    expect(setRole(problem, c, 'lead')).toEqual({ overallLeadDepartmentId: gov, leadDepartmentId: c, cooperatingDepartmentIds: [b, a], ...unchanged });
  });

  it('promotes a cooperating department to lead without listing it twice', () => {
    expect(setRole(problem, b, 'lead')).toEqual({ overallLeadDepartmentId: gov, leadDepartmentId: b, cooperatingDepartmentIds: [a], ...unchanged });
  });

  it('clears a role', () => {
    expect(setRole(problem, a, null)).toEqual({ overallLeadDepartmentId: gov, leadDepartmentId: null, cooperatingDepartmentIds: [b], ...unchanged });
    expect(setRole(problem, b, null).cooperatingDepartmentIds).toEqual([]);
  });

  it('marks a role read from a unit’s report until someone sets the cell by hand', () => {
    expect(isReportedRole(problem, d)).toBe(true);
    expect(isReportedRole(problem, b)).toBe(false);
    const confirmed = setRole(problem, d, 'cooperate');
    expect(confirmed).toMatchObject({ cooperatingDepartmentIds: [b, d], involvedDepartmentIds: [], reportedRoleDepartmentIds: [] });
    expect(getRole(confirmed, d)).toBe('cooperate');
    expect(isReportedRole(confirmed, d)).toBe(false);
    expect(setRole(problem, c, 'involved')).toMatchObject({ involvedDepartmentIds: [d, c], reportedRoleDepartmentIds: [d] });
  });
});
