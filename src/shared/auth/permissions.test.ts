import { describe, expect, it } from 'vitest';
import { newId } from '../model/ids.ts';
import { checkChange, type Role, type SessionUser } from './permissions.ts';

const mine = newId();
const theirs = newId();
const user = (role: Role): SessionUser => ({ id: newId(), username: role, displayName: role, role, departmentIds: [mine] });
const measure = (lead: string, status = 'in_progress') => ({ leadDepartmentId: lead, status, owner: '' });

describe('checkChange', () => {
  it('lets coordinators and admins change anything and viewers nothing', () => {
    for (const role of ['admin', 'coordinator'] as const) expect(checkChange(user(role), 'problem', {}, null, []).ok).toBe(true);
    expect(checkChange(user('viewer'), 'measure', measure(mine), measure(mine), ['owner']).ok).toBe(false);
  });

  it('lets department staff edit their own department’s measures only', () => {
    const staff = user('staff');
    expect(checkChange(staff, 'measure', measure(mine), { ...measure(mine), owner: '王芳' }, ['owner']).ok).toBe(true);
    expect(checkChange(staff, 'measure', measure(theirs), { ...measure(theirs), owner: '王芳' }, ['owner'])).toEqual({ ok: false, field: 'leadDepartmentId' });
    expect(checkChange(staff, 'measure', measure(mine), measure(theirs), ['leadDepartmentId']).ok).toBe(false);
    expect(checkChange(staff, 'problem', {}, {}, ['title']).ok).toBe(false);
    expect(checkChange(staff, 'measure', measure(mine), null, []).ok).toBe(false);
  });

  it('keeps the deadline and closing (销号) for coordinators', () => {
    const staff = user('staff');
    expect(checkChange(staff, 'measure', measure(mine), measure(mine), ['deadline'])).toEqual({ ok: false, field: 'deadline' });
    expect(checkChange(staff, 'measure', measure(mine, 'completed'), measure(mine, 'closed'), ['status'])).toEqual({ ok: false, field: 'status' });
    expect(checkChange(staff, 'measure', measure(mine, 'in_progress'), measure(mine, 'completed'), ['status']).ok).toBe(true);
  });

  it('lets staff add a measure for their department only without a deadline, not already done, not over another department’s deleted one', () => {
    const staff = user('staff');
    const fresh = { ...measure(mine, 'not_started'), deadline: null };
    expect(checkChange(staff, 'measure', null, fresh, Object.keys(fresh)).ok).toBe(true);
    expect(checkChange(staff, 'measure', null, { ...fresh, deadline: '2099-12-31' }, ['deadline'])).toEqual({ ok: false, field: 'deadline' });
    expect(checkChange(staff, 'measure', null, { ...fresh, status: 'completed' }, ['status'])).toEqual({ ok: false, field: 'status' });
    expect(checkChange(staff, 'measure', null, fresh, Object.keys(fresh), measure(theirs))).toEqual({ ok: false, field: 'leadDepartmentId' });
    expect(checkChange(staff, 'measure', null, fresh, Object.keys(fresh), measure(mine)).ok).toBe(true);
    expect(checkChange(user('coordinator'), 'measure', null, { ...fresh, deadline: '2099-12-31', status: 'completed' }, ['deadline'], measure(theirs)).ok).toBe(true);
  });
});
