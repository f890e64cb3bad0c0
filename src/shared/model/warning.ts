// The three-colour warning light (三色预警), always derived from deadline and status, never stored.
import { daysBetween } from './dates.ts';
import type { Status } from './status.ts';

export const warningLights = ['red', 'yellow', 'green'] as const;
export type WarningLight = (typeof warningLights)[number];

export const DEFAULT_WARNING_DAYS = 7;

/**
 * red: past its deadline and not completed; yellow: due within `yellowDays` days; green otherwise.
 * 长期坚持 (ongoing) has no end, so its deadline is a review date and never turns it red.
 */
export function getWarningLight(
  item: { deadline: string | null; status: Status },
  today: string,
  yellowDays: number = DEFAULT_WARNING_DAYS,
): WarningLight {
  if (item.deadline === null) return 'green';
  if (item.status === 'completed' || item.status === 'closed' || item.status === 'ongoing') return 'green';
  const left = daysBetween(today, item.deadline);
  if (left < 0) return 'red';
  if (left <= yellowDays) return 'yellow';
  return 'green';
}

const rank: Record<WarningLight, number> = { green: 0, yellow: 1, red: 2 };

export function worstLight(lights: Iterable<WarningLight>): WarningLight {
  let worst: WarningLight = 'green';
  for (const light of lights) if (rank[light] > rank[worst]) worst = light;
  return worst;
}
