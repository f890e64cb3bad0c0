import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, parseDate, parseWeek, weekEnd, weekOf, weeksBetween, weekStart } from './dates.ts';

describe('parseDate', () => {
  it.each([
    ['2022-11-02', '2022-11-02'],
    ['2022/11/2', '2022-11-02'],
    ['2022.11.2', '2022-11-02'],
    ['2022年11月2日', '2022-11-02'],
    [' 2022 年 11 月 2 日 ', '2022-11-02'],
    ['20221102', '2022-11-02'],
    ['44867', '2022-11-02'],
    ['44867.0', '2022-11-02'],
    ['44867.5', '2022-11-02'],
    ['2022/11/2 0:00', '2022-11-02'],
    ['2022-11-02 13:45:10', '2022-11-02'],
    ['2022年12月', '2022-12-31'],
    ['2023年2月底前', '2023-02-28'],
    ['2024年2月底', '2024-02-29'],
    ['2022年12月31日前', '2022-12-31'],
    ['2022-11', '2022-11-30'],
  ])('reads %s', (input, expected) => {
    expect(parseDate(input)).toBe(expected);
  });

  it.each(['', '2022-02-30', '2022/13/1', 'tomorrow', '11/2/2022', '12', '2022年13月', '2022/11/2 25:00'])('refuses %s', (input) => {
    expect(parseDate(input)).toBeNull();
  });

  it('counts days', () => {
    expect(daysBetween('2022-11-02', '2022-11-09')).toBe(7);
    expect(daysBetween('2022-11-09', '2022-11-02')).toBe(-7);
  });
});

describe('dispatch weeks', () => {
  it('run Monday to Sunday', () => {
    expect(weekStart('2022-11-02')).toBe('2022-10-31');
    expect(weekStart('2022-10-31')).toBe('2022-10-31');
    expect(weekStart('2022-11-06')).toBe('2022-10-31');
    expect(weekEnd('2022-11-02')).toBe('2022-11-06');
  });

  it('carry ISO week labels, across year ends', () => {
    expect(weekOf('2022-11-02')).toBe('2022-W44');
    expect(weekOf('2023-01-01')).toBe('2022-W52');
    expect(weekOf('2024-12-30')).toBe('2025-W01');
    expect(weekOf('2020-12-31')).toBe('2020-W53');
    expect(parseWeek('2022-W44')).toBe('2022-10-31');
    expect(parseWeek('2025-W01')).toBe('2024-12-30');
    expect(parseWeek('2022-W53')).toBeNull();
    expect(parseWeek('2022-44')).toBeNull();
  });

  it('count whole weeks between days', () => {
    expect(weeksBetween('2022-10-30', '2022-10-31')).toBe(1);
    expect(weeksBetween('2022-10-31', '2022-11-06')).toBe(0);
    expect(addDays('2022-12-31', 1)).toBe('2023-01-01');
  });
});
