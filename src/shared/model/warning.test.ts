import { describe, expect, it } from 'vitest';
import { getWarningLight, worstLight } from './warning.ts';

const today = '2022-11-02';

describe('warning light', () => {
  it('is red past the deadline while the item is not completed', () => {
    expect(getWarningLight({ deadline: '2022-11-01', status: 'in_progress' }, today)).toBe('red');
    expect(getWarningLight({ deadline: '2022-10-01', status: 'not_started' }, today)).toBe('red');
  });

  it('is green past the deadline once the item is completed or closed', () => {
    expect(getWarningLight({ deadline: '2022-11-01', status: 'completed' }, today)).toBe('green');
    expect(getWarningLight({ deadline: '2022-11-01', status: 'closed' }, today)).toBe('green');
  });

  it('is yellow from N days before the deadline up to the deadline itself', () => {
    expect(getWarningLight({ deadline: '2022-11-02', status: 'in_progress' }, today)).toBe('yellow');
    expect(getWarningLight({ deadline: '2022-11-09', status: 'in_progress' }, today)).toBe('yellow');
    expect(getWarningLight({ deadline: '2022-11-10', status: 'in_progress' }, today)).toBe('green');
  });

  it('takes N from the setting', () => {
    expect(getWarningLight({ deadline: '2022-11-20', status: 'in_progress' }, today, 30)).toBe('yellow');
    expect(getWarningLight({ deadline: '2022-11-05', status: 'in_progress' }, today, 2)).toBe('green');
  });

  it('is green without a deadline and for ongoing items', () => {
    expect(getWarningLight({ deadline: null, status: 'in_progress' }, today)).toBe('green');
    expect(getWarningLight({ deadline: '2020-01-01', status: 'ongoing' }, today)).toBe('green');
  });

  it('counts across month and year ends', () => {
    expect(getWarningLight({ deadline: '2023-01-02', status: 'in_progress' }, '2022-12-28')).toBe('yellow');
    expect(getWarningLight({ deadline: '2022-12-31', status: 'in_progress' }, '2023-01-01')).toBe('red');
  });

  it('picks the worst light of a set', () => {
    expect(worstLight(['green', 'yellow', 'green'])).toBe('yellow');
    expect(worstLight(['yellow', 'red'])).toBe('red');
    expect(worstLight([])).toBe('green');
  });
});
