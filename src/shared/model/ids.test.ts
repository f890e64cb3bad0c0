// Ids drawn from a pool of random bytes are still UUIDv7, unique, and sort in the order they were made.
import { describe, expect, it } from 'vitest';
import { idSchema, newId } from './ids.ts';

describe('newId', () => {
  it('makes valid, unique UUIDv7 ids that sort in creation order, across refills of the pool', () => {
    const ids = Array.from({ length: 5_000 }, () => newId());
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    for (const id of ids.slice(250, 270)) {
      expect(idSchema.safeParse(id).success).toBe(true);
      expect(id[14]).toBe('7');
      expect('89ab').toContain(id[19]);
    }
  });
});
