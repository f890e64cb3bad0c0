import { describe, expect, it } from 'vitest';
import { applyChange } from './change.ts';
import { newId } from './ids.ts';
import type { Measure } from './measure.ts';
import { computeReminders } from './reminders.ts';
import { applyForClosing, decideClosing, issueNotice, type StepResult } from './supervision-steps.ts';
import { defaultLightSettings } from './warning.ts';

const unit = newId();
const other = newId();
const ctx = { actor: '测试', now: '2022-11-01T08:00:00.000Z' };
const asOf = '2022-11-02';

function measure(values: Partial<Measure>, ...steps: ((m: Measure) => StepResult)[]): Measure {
  const made = applyChange(undefined, { op: 'create', entity: 'measure', id: newId(), values: { problemId: newId(), seq: 1, title: '措施', leadDepartmentId: unit, status: 'in_progress', evidence: ['1号'], ...values } }, ctx);
  if (!made.ok) throw new Error(JSON.stringify(made.errors));
  let m = made.next as Measure;
  for (const step of steps) {
    const result = step(m);
    if (!result.ok) throw new Error('step');
    const next = applyChange(m, { op: 'update', entity: 'measure', id: m.id, fields: result.fields }, ctx);
    if (!next.ok) throw new Error(JSON.stringify(next.errors));
    m = next.next as Measure;
  }
  return m;
}

const apply = (m: Measure) => applyForClosing(m, { text: '完成', documents: [] }, ctx);
const giveBack = (m: Measure) => decideClosing(m, { pass: false, text: '不全' }, ctx);
const chase = (m: Measure) => issueNotice(m, { level: 'remind', asked: '报送', replyBy: '2022-11-04' }, ctx);

describe('reminders', () => {
  const ledger = [
    measure({ deadline: '2022-10-01' }, chase),
    measure({ deadline: '2022-11-06' }),
    measure({ deadline: '2022-11-07' }),
    measure({ deadline: null }, apply, giveBack),
    measure({ deadline: null }, apply),
    measure({ deadline: '2022-10-01', leadDepartmentId: other, cooperatingDepartmentIds: [unit] }, chase),
    measure({ deadline: '2022-10-01', leadDepartmentId: other }),
  ];

  it("counts the unit's overdue, due this week, notices to answer (as lead) and returns", () => {
    expect(computeReminders(ledger, { departmentIds: [unit], coordinator: false }, asOf, defaultLightSettings)).toEqual({ overdue: 2, dueThisWeek: 1, noticesToAnswer: 1, returned: 1, awaiting: 0, extensionsPending: 0 });
  });

  it('gives a coordinator the 待核实 queue and the whole ledger', () => {
    expect(computeReminders(ledger, { departmentIds: [], coordinator: true }, asOf, defaultLightSettings)).toMatchObject({ overdue: 3, noticesToAnswer: 2, awaiting: 1 });
  });
});
