import { describe, expect, it } from 'vitest';
import type { Role, SessionUser } from '#shared/auth/permissions.ts';
import { newId } from '#shared/model/ids.ts';
import { createTranslator } from '#shared/i18n/translate.ts';
import { countText } from './count-text.ts';
import { describeReadOnly, readOnlyReason, refusedStatus } from './read-only-reason.ts';

const mine = newId();
const theirs = newId();
const user = (role: Role, departmentIds = [mine]): SessionUser => ({ id: newId(), username: role, displayName: role, role, departmentIds });
const measure = (lead: string, status = 'in_progress', cooperating: string[] = []) => ({ leadDepartmentId: lead, status, owner: '', cooperatingDepartmentIds: cooperating, reviews: [] });
const zh = createTranslator('zh-CN');
const en = createTranslator('en');

describe('readOnlyReason', () => {
  it('is null where the permission rule lets the user edit', () => {
    expect(readOnlyReason(user('staff'), 'measure', measure(mine), 'owner')).toBeNull();
    expect(readOnlyReason(user('coordinator'), 'measure', measure(theirs), 'deadline')).toBeNull();
    expect(readOnlyReason(user('admin'), 'problem', {}, 'title')).toBeNull();
  });

  it('names another unit’s lead (其他单位牵头), also on a measure the user’s unit only supports', () => {
    expect(readOnlyReason(user('staff'), 'measure', measure(theirs), 'owner')).toBe('otherUnit');
    expect(readOnlyReason(user('staff'), 'measure', measure(theirs, 'in_progress', [mine]), 'owner')).toBe('otherUnit');
    // …whose notes the supporting unit may still add.
    expect(readOnlyReason(user('staff'), 'measure', measure(theirs, 'in_progress', [mine]), 'progressLog')).toBeNull();
  });

  it('asks for a coordinator for a coordinator’s fields, closed items, problems and units', () => {
    expect(readOnlyReason(user('staff'), 'measure', measure(mine), 'deadline')).toBe('coordinator');
    expect(readOnlyReason(user('staff'), 'measure', measure(mine), 'leadDepartmentId')).toBe('coordinator');
    expect(readOnlyReason(user('staff'), 'measure', measure(mine, 'closed'), 'status')).toBe('coordinator');
    expect(readOnlyReason(user('staff'), 'problem', {}, 'title')).toBe('coordinator');
    expect(readOnlyReason(user('staff'), 'department', {}, 'name')).toBe('coordinator');
  });

  it('tells viewers and the signed-out apart', () => {
    expect(readOnlyReason(user('viewer'), 'measure', measure(mine), 'owner')).toBe('viewer');
    expect(readOnlyReason(null, 'measure', measure(mine), 'owner')).toBe('signedOut');
  });

  it('says it in words, naming the field and the leading unit', () => {
    expect(describeReadOnly(zh, 'otherUnit', { entity: 'measure', field: 'owner', unit: '市发展改革委' })).toBe('不能修改“责任人”：此措施由其他单位（市发展改革委）牵头');
    expect(describeReadOnly(zh, 'otherUnit', { entity: 'measure', field: 'owner' })).toBe('不能修改“责任人”：此措施由其他单位牵头');
    expect(describeReadOnly(zh, 'coordinator', { entity: 'measure', field: 'deadline' })).toBe('不能修改“整改时限”：需要协调员修改');
    expect(describeReadOnly(en, 'coordinator', { entity: 'measure', field: 'deadline' })).toMatch(/^Cannot change “.+”: a coordinator must change it$/);
  });
});

describe('refusedStatus', () => {
  it('says why a status is not offered: the lifecycle, 核实销号, or a coordinator’s part', () => {
    expect(refusedStatus(user('staff'), 'measure', measure(mine, 'not_started'), 'closed')).toBe('lifecycle');
    expect(refusedStatus(user('coordinator'), 'measure', measure(mine, 'completed'), 'closed')).toBe('review');
    expect(refusedStatus(user('staff'), 'problem', { status: 'in_progress' }, 'completed')).toBe('coordinator');
    expect(refusedStatus(user('staff'), 'measure', measure(mine, 'in_progress'), 'completed')).toBeNull();
  });
});

describe('countText', () => {
  it('counts every grid in the same form, and says how many of them show under a filter', () => {
    expect(countText(zh, 'problem', 10, 10)).toBe('共 10 个问题');
    expect(countText(zh, 'department', 23, 23)).toBe('共 23 个责任单位');
    expect(countText(zh, 'measure', 33, 33)).toBe('共 33 条措施');
    expect(countText(zh, 'measure', 5, 33)).toBe('显示 5 / 共 33 条');
    expect(countText(zh, 'problem', 0, 10)).toBe('显示 0 / 共 10 个');
    expect(countText(en, 'measure', 33, 33)).toBe('33 measures');
    expect(countText(en, 'measure', 1, 1)).toBe('1 measure');
    expect(countText(en, 'department', 5, 23)).toBe('Showing 5 of 23');
  });
});
