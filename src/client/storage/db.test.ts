import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { newId } from '#shared/model/ids.ts';
import { departmentSchema } from '#shared/model/department.ts';
import { measureSchema } from '#shared/model/measure.ts';
import { problemSchema } from '#shared/model/problem.ts';
import { LedgerDb } from './db.ts';
import { toStorageError } from './storage-error.ts';

describe('schema upgrade', () => {
  it('opens a version-1 database and gives its records the fields added since', async () => {
    const name = `upgrade-${newId()}`;
    const problemId = newId();
    const measureId = newId();
    const v1 = new Dexie(name);
    v1.version(1).stores({
      areas: 'id, seq',
      departments: 'id, name',
      problems: 'id, number, areaId',
      measures: 'id, problemId, leadDepartmentId, status, deadline, updatedAt',
    });
    const stamp = { createdAt: '2022-11-02T00:00:00.000Z', createdBy: 'v1', updatedAt: '2022-11-02T00:00:00.000Z', updatedBy: 'v1' };
    // A measure as version 1 wrote it: no label, no indicators, no evidence yet.
    await v1.table('measures').put({
      id: measureId, problemId, seq: 1, title: '旧版本的措施', details: '', type: 'policy', leadDepartmentId: null,
      cooperatingDepartmentIds: [], owner: '', deadline: null, status: 'in_progress', progress: 10, progressNote: '',
      progressNoteDate: null, ...stamp,
    });
    // A problem and a department as written before 涉及 and the kinds of unit.
    const departmentId = newId();
    await v1.table('departments').put({ id: departmentId, name: '市财政局', shortName: '', fullName: '', level: 'municipal', note: '', ...stamp });
    await v1.table('problems').put({
      id: problemId, number: 1, areaId: null, title: '旧问题', description: '', legalBasis: [], recommendations: '', reviewOpinions: '',
      rectificationSummary: '', departmentsListed: '', overallLeadDepartmentId: null, leadDepartmentId: departmentId,
      cooperatingDepartmentIds: [], deadline: null, status: 'in_progress', closedBy: null, closedAt: null, ...stamp,
    });
    v1.close();

    const db = new LedgerDb(name);
    await db.open();
    expect(db.verno).toBe(7);
    const upgraded = await db.measures.get(measureId);
    expect(upgraded).toMatchObject({ title: "旧版本的措施", progress: 10, label: "", indicators: [], evidence: [], progressLog: [], extensions: [], attachments: [], reviews: [], notices: [], source: '', deadlineNote: '', rev: 0 });
    expect(measureSchema.safeParse(upgraded).success).toBe(true);
    expect(await db.departments.get(departmentId)).toMatchObject({ kind: 'responsible' });
    expect(departmentSchema.safeParse(await db.departments.get(departmentId)).success).toBe(true);
    expect(await db.problems.get(problemId)).toMatchObject({ involvedDepartmentIds: [], reportedRoleDepartmentIds: [], summaryByHand: false });
    expect(problemSchema.safeParse(await db.problems.get(problemId)).success).toBe(true);
    expect(await db.ledgerInfo.count()).toBe(0);
    expect(await db.bulletins.count()).toBe(0);
    // An indicator written before the as-of date existed still reads, with none.
    const old = { ...upgraded!, indicators: [{ name: '办结时限', target: 1, actual: 1, unit: '个工作日', source: '' }] };
    expect(measureSchema.parse(old).indicators[0]?.asOf).toBeNull();
    expect(await db.measures.where('problemId').equals(problemId).count()).toBe(1);
    await db.settings.put({ key: 'userName', value: '张三' });
    db.close();
  });
});

describe('storage errors', () => {
  it.each([
    [new DOMException('x', 'QuotaExceededError'), 'quota'],
    [{ name: 'AbortError', message: 'aborted', inner: { name: 'QuotaExceededError' } }, 'quota'],
    [{ name: 'UnknownError', message: 'Connection to Indexed Database server lost. Refresh the page to try again' }, 'connectionLost'],
    [{ name: 'DatabaseClosedError', message: 'Database has been closed' }, 'connectionLost'],
    [{ name: 'VersionError', message: 'The requested version is less than the existing version' }, 'outdated'],
    [{ name: 'MissingAPIError', message: 'IndexedDB API missing' }, 'unavailable'],
    [new Error('something else'), 'failed'],
  ])('classifies %o as %s', (error, code) => {
    expect(toStorageError(error).code).toBe(code);
  });
});

describe('version tracker', () => {
  it('advances only over an unbroken run of versions', async () => {
    const { createVersionTracker } = await import('./record-cache.ts');
    const tracker = createVersionTracker(5);
    tracker.saw(7);
    expect(tracker.version()).toBe(5);
    tracker.saw(6);
    expect(tracker.version()).toBe(7);
    tracker.saw(7);
    tracker.saw(3);
    expect(tracker.version()).toBe(7);
  });
});
