import { describe, expect, it } from 'vitest';
import type { Measure } from './measure.ts';
import type { ProgressEntry } from './measure-history.ts';
import { statuses, type Status } from './status.ts';
import { computeLight, defaultLightSettings, explainLight, lightLabelKey, type WarningLight, worstLight } from './warning.ts';

// Wednesday of dispatch week 2022-W44 (Mon 10-31 … Sun 11-06).
const asOf = '2022-11-02';
const created = '2022-01-04T08:00:00.000Z';

function note(date: string, struck = false): ProgressEntry {
  const e: ProgressEntry = { id: '0184a8f0-0000-7000-8000-000000000001', date, text: '进展', progress: null, status: null, by: '甲', at: `${date}T08:00:00.000Z` };
  return struck ? { ...e, struckBy: '甲', struckAt: `${date}T09:00:00.000Z` } : e;
}

function m(status: Status, deadline: string | null, notes: ProgressEntry[] = [], createdAt = created): Pick<Measure, 'deadline' | 'status' | 'progressLog' | 'progressNoteDate' | 'createdAt'> {
  return { status, deadline, progressLog: notes, progressNoteDate: null, createdAt };
}

// Deadlines: past, today, within N, beyond N, none. Progress ages: this week, last week, two weeks back, never.
const deadlines = { past: '2022-10-31', today: '2022-11-02', soon: '2022-11-09', later: '2022-12-31', none: null } as const;
const ages = { thisWeek: [note('2022-10-31')], lastWeek: [note('2022-10-28')], twoWeeks: [note('2022-10-21')], never: [] as ProgressEntry[] } as const;

/** The rule as the issue states it, written out per case: what every status × deadline × age must show. */
function expected(status: Status, deadline: keyof typeof deadlines, age: keyof typeof ages): WarningLight {
  if (status === 'closed') return 'closed';
  if (status === 'completed') return 'awaiting';
  const stale = age === 'twoWeeks' || age === 'never';
  if (status === 'ongoing') return stale ? 'yellow' : 'ongoing';
  if (deadline === 'past') return 'red';
  if (deadline === 'today' || deadline === 'soon') return 'yellow';
  if (stale) return 'yellow';
  return deadline === 'none' ? 'undated' : 'green';
}

describe('warning light', () => {
  for (const status of statuses) {
    for (const deadline of Object.keys(deadlines) as (keyof typeof deadlines)[]) {
      for (const age of Object.keys(ages) as (keyof typeof ages)[]) {
        it(`${status}, deadline ${deadline}, last note ${age} → ${expected(status, deadline, age)}`, () => {
          // A measure entered long ago: only its notes count as activity.
          expect(computeLight(m(status, deadlines[deadline], [...ages[age]]), asOf)).toBe(expected(status, deadline, age));
        });
      }
    }
  }

  it('counts a measure entered this week as reporting, and one entered two weeks ago with no note as 滞后', () => {
    expect(computeLight(m('in_progress', null, [], '2022-11-01T08:00:00.000Z'), asOf)).toBe('undated');
    expect(computeLight(m('in_progress', null, [], '2022-10-20T08:00:00.000Z'), asOf)).toBe('yellow');
    expect(explainLight(m('in_progress', null, [], '2022-10-20T08:00:00.000Z'), asOf)).toMatchObject({ reason: 'stale', weeksQuiet: 2 });
  });

  it('ignores struck notes and notes dated after the as-of day', () => {
    expect(computeLight(m('in_progress', '2022-12-31', [note('2022-11-01', true)]), asOf)).toBe('yellow');
    expect(computeLight(m('in_progress', '2022-12-31', [note('2022-11-20')]), asOf)).toBe('yellow');
    expect(computeLight(m('in_progress', '2022-12-31', [note('2022-11-20')]), '2022-11-21')).toBe('green');
  });

  it('takes N and K from the settings', () => {
    const fresh = [note('2022-11-01')];
    expect(computeLight(m('in_progress', '2022-11-20', fresh), asOf, { ...defaultLightSettings, yellowDays: 30 })).toBe('yellow');
    expect(computeLight(m('in_progress', '2022-11-05', fresh), asOf, { ...defaultLightSettings, yellowDays: 2 })).toBe('green');
    expect(computeLight(m('in_progress', '2022-12-31', [note('2022-10-28')]), asOf, { ...defaultLightSettings, staleWeeks: 1 })).toBe('yellow');
    expect(computeLight(m('in_progress', '2022-12-31', [note('2022-10-21')]), asOf, { ...defaultLightSettings, staleWeeks: 3 })).toBe('green');
  });

  it('says why: days overdue, days left, weeks without progress', () => {
    expect(explainLight(m('in_progress', '2022-10-30', [note('2022-11-01')]), asOf)).toMatchObject({ light: 'red', reason: 'overdue', daysLeft: -3 });
    expect(explainLight(m('in_progress', '2022-11-05', [note('2022-11-01')]), asOf)).toMatchObject({ light: 'yellow', reason: 'dueSoon', daysLeft: 3 });
  });

  it('counts across month and year ends', () => {
    const fresh = [note('2022-12-27')];
    expect(computeLight(m('in_progress', '2023-01-02', fresh), '2022-12-28')).toBe('yellow');
    expect(computeLight(m('in_progress', '2022-12-31', fresh), '2023-01-01')).toBe('red');
  });

  it('names the on-track light blue under 红黄蓝', () => {
    expect(lightLabelKey('green')).toBe('light.green');
    expect(lightLabelKey('green', 'red-yellow-blue')).toBe('light.blue');
    expect(lightLabelKey('red', 'red-yellow-blue')).toBe('light.red');
  });

  it('picks the most urgent light of a set', () => {
    expect(worstLight(['green', 'yellow', 'green'])).toBe('yellow');
    expect(worstLight(['yellow', 'red'])).toBe('red');
    expect(worstLight(['closed', 'undated', 'awaiting'])).toBe('undated');
    expect(worstLight([])).toBe('closed');
  });
});
