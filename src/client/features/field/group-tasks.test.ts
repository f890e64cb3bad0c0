import { describe, expect, it } from 'vitest';
import { applyChange } from '#shared/model/change.ts';
import type { Department } from '#shared/model/department.ts';
import { newId } from '#shared/model/ids.ts';
import type { Measure } from '#shared/model/measure.ts';
import type { Problem } from '#shared/model/problem.ts';
import { defaultLightSettings } from '#shared/model/warning.ts';
import { groupTasks } from './group-tasks.ts';

const ctx = { actor: '测试', now: '2022-11-02T08:00:00.000Z' };
const mine = newId();
const other = newId();
const problemId = newId();
const problems = new Map<string, Problem>([[problemId, { id: problemId, number: 6, title: '不动产登记数据共享不充分' } as Problem]]);
const departments = new Map<string, Department>([
  [mine, { id: mine, name: '市自然资源和规划局' } as Department],
  [other, { id: other, name: '市财政局' } as Department],
]);

function measure(title: string, values: Partial<Measure>): Measure {
  const made = applyChange(undefined, { op: 'create', entity: 'measure', id: newId(), values: { problemId, seq: 1, title, leadDepartmentId: mine, ...values } }, ctx);
  if (!made.ok) throw new Error(JSON.stringify(made.errors));
  return made.next as Measure;
}

const scope = { problems, departments, mine: [mine], query: '', today: '2022-11-02', light: defaultLightSettings };

describe('我的任务 grouping', () => {
  it("lists the user's departments' measures by warning light, most urgent first, with no deadline and awaiting verification apart", () => {
    const list = [
      measure('绿一', { deadline: '2022-12-31' }),
      measure('完成', { deadline: '2022-10-01', status: 'completed' }),
      measure('红晚', { deadline: '2022-10-30', status: 'in_progress' }),
      measure('红早', { deadline: '2022-09-30', status: 'in_progress' }),
      measure('黄', { deadline: '2022-11-05', status: 'in_progress' }),
      measure('配合', { leadDepartmentId: other, cooperatingDepartmentIds: [mine], deadline: null }),
      measure('别人的', { leadDepartmentId: other }),
    ];
    const groups = groupTasks(list, scope);
    const titles = Object.fromEntries(Object.entries(groups).map(([light, ms]) => [light, ms.map((m) => m.title)]));
    expect(titles).toEqual({ red: ['红早', '红晚'], yellow: ['黄'], green: ['绿一'], undated: ['配合'], awaiting: ['完成'], closed: [], ongoing: [] });
    // Without departments of its own, an account sees every measure.
    expect(Object.values(groupTasks(list, { ...scope, mine: [] })).flat()).toHaveLength(list.length);
  });

  it('finds measures by every word typed, across title, problem, units and document numbers', () => {
    const list = [measure('编印读本', { evidence: ['商营商攻坚办〔2021〕1号'] }), measure('召开推进会', { cooperatingDepartmentIds: [other] })];
    const titles = (query: string) => Object.values(groupTasks(list, { ...scope, query })).flat().map((m) => m.title);
    expect(titles('攻坚办')).toEqual(['编印读本']);
    expect(titles('财政局 推进')).toEqual(['召开推进会']);
    expect(titles('不动产 6')).toHaveLength(2);
    expect(titles('没有这个')).toEqual([]);
  });
});
