import { describe, expect, it } from 'vitest';
import { createCompactor } from './compact.ts';

describe('compactor', () => {
  it('shares repeated values and empty lists without changing what records hold', () => {
    const compact = createCompactor();
    const a = compact({ id: '1', status: ['in', 'progress'].join('_'), evidence: [], details: 'x' });
    const b = compact({ id: '2', status: ['in', 'progress'].join('_'), evidence: [], details: 'y' });
    expect(a).toEqual({ id: '1', status: 'in_progress', evidence: [], details: 'x' });
    expect(a.evidence).toBe(b.evidence);
    expect(Object.isFrozen(a.evidence)).toBe(true);
    expect(() => (a.evidence as string[]).push('z')).toThrow();
  });
});
