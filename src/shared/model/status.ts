// The supervision lifecycle (未启动 → 整改中 → 已完成 → 已销号, plus 长期坚持) and its transition rules.
import { z } from 'zod';

export const statuses = ['not_started', 'in_progress', 'completed', 'closed', 'ongoing'] as const;
export type Status = (typeof statuses)[number];
export const statusSchema = z.enum(statuses);

// Which status may follow which. 已销号 (closed) is reachable only from 已完成 (completed, awaiting
// verification): closing is the verification of a completed item. A closed item can only be reopened
// into 整改中, the "回头看" case where a re-check finds the problem back.
const allowed: Record<Status, readonly Status[]> = {
  not_started: ['in_progress', 'completed', 'ongoing'],
  in_progress: ['not_started', 'completed', 'ongoing'],
  completed: ['in_progress', 'closed', 'ongoing'],
  ongoing: ['in_progress', 'completed'],
  closed: ['in_progress'],
};

export function canTransition(from: Status, to: Status): boolean {
  return from === to || allowed[from].includes(to);
}

export function nextStatuses(from: Status): readonly Status[] {
  return allowed[from];
}

/** Statuses that count as done for progress figures such as 2/3 已完成. */
export function isDone(status: Status): boolean {
  return status === 'completed' || status === 'closed';
}
