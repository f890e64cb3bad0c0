import { describe, expect, it } from 'vitest';
import { daysBetween, parseDate } from './dates.ts';

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
  ])('reads %s', (input, expected) => {
    expect(parseDate(input)).toBe(expected);
  });

  it.each(['', '2022-02-30', '2022/13/1', 'tomorrow', '11/2/2022', '12', '2022-11'])('refuses %s', (input) => {
    expect(parseDate(input)).toBeNull();
  });

  it('counts days', () => {
    expect(daysBetween('2022-11-02', '2022-11-09')).toBe(7);
    expect(daysBetween('2022-11-09', '2022-11-02')).toBe(-7);
  });
});
