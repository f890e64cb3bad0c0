import { describe, expect, it } from 'vitest';
import { canTransition, nextStatuses, statuses } from './status.ts';

describe('status lifecycle', () => {
  it('lets an item be closed (销号) only once it is completed', () => {
    for (const from of statuses) {
      expect(canTransition(from, 'closed')).toBe(from === 'completed' || from === 'closed');
    }
  });

  it('follows 未启动 → 整改中 → 已完成 → 已销号', () => {
    expect(canTransition('not_started', 'in_progress')).toBe(true);
    expect(canTransition('in_progress', 'completed')).toBe(true);
    expect(canTransition('completed', 'closed')).toBe(true);
  });

  it('lets a closed item only be reopened into 整改中', () => {
    expect(nextStatuses('closed')).toEqual(['in_progress']);
    expect(canTransition('closed', 'not_started')).toBe(false);
    expect(canTransition('closed', 'ongoing')).toBe(false);
  });

  it('allows 长期坚持 from any open status', () => {
    expect(canTransition('not_started', 'ongoing')).toBe(true);
    expect(canTransition('in_progress', 'ongoing')).toBe(true);
    expect(canTransition('ongoing', 'closed')).toBe(false);
  });
});
