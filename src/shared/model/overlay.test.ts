// overlay is a spread: same keys, same order, later parts winning, a "__proto__" key kept as data.
import { describe, expect, it } from 'vitest';
import { overlay } from './overlay.ts';

describe('overlay', () => {
  it('gives what a spread of the parts gives', () => {
    const a = { x: 1, y: [1], z: null };
    const b = { y: [2], w: 'w' };
    const got = overlay(a, undefined, b, null, { x: 3 });
    expect(got).toEqual({ ...a, ...b, x: 3 });
    expect(Object.keys(got)).toEqual(Object.keys({ ...a, ...b, x: 3 }));
    expect(got.y).toBe(b.y);
  });

  it('keeps a "__proto__" key from parsed JSON as a plain field, never as the prototype', () => {
    const hostile = JSON.parse('{"__proto__": {"leadDepartmentId": "theirs"}, "title": "t"}') as Record<string, unknown>;
    const got = overlay({ leadDepartmentId: null }, hostile);
    expect(Object.getPrototypeOf(got)).toBe(Object.prototype);
    expect(got.leadDepartmentId).toBeNull();
    expect(Object.hasOwn(got, '__proto__')).toBe(true);
    expect(got).toEqual({ ...{ leadDepartmentId: null }, ...hostile });
  });
});
