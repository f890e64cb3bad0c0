// The warning light (三色预警), derived from deadline, status and the progress log, never stored: one rule
// that every grid, list, dashboard, sheet and export calls, so that none disagrees with another.
import { daysBetween, weeksBetween } from './dates.ts';
import type { Measure } from './measure.ts';

/**
 * red: past its deadline, not done; yellow: due within N days, or 滞后 (no progress note for K dispatch weeks);
 * green: on track; undated: 未定时限 (grey); awaiting: 已完成待核实; closed: 已销号; ongoing: 长期坚持 that
 * reported within the period.
 */
export const warningLights = ['red', 'yellow', 'green', 'undated', 'awaiting', 'closed', 'ongoing'] as const;
export type WarningLight = (typeof warningLights)[number];

export const lightSchemes = ['red-yellow-green', 'red-yellow-blue'] as const;
export type LightScheme = (typeof lightSchemes)[number];

export interface LightSettings {
  /** N: a deadline this many days away or fewer turns the light yellow. */
  yellowDays: number;
  /** K: no progress note for this many dispatch weeks is 滞后 (yellow). */
  staleWeeks: number;
  /** 红黄绿 by default; 红黄蓝 as some cities use. */
  scheme: LightScheme;
}

export const defaultLightSettings: LightSettings = { yellowDays: 7, staleWeeks: 2, scheme: 'red-yellow-green' };

/** Why a light is what it is, for the words beside it (已逾期 3 天, 3 天后到期, 2 周无进展). */
export type LightReason = 'overdue' | 'dueSoon' | 'stale' | 'onTrack' | 'undated' | 'awaiting' | 'closed' | 'reported';

export type LightExplained = {
  light: WarningLight;
  reason: LightReason;
  /** Days to the deadline (negative past it), when there is one. */
  daysLeft: number | null;
  /** Dispatch weeks since the last progress note (or since the measure was entered). */
  weeksQuiet: number | null;
};

type LightInput = Pick<Measure, 'deadline' | 'status' | 'progressLog' | 'progressNoteDate' | 'createdAt'>;

/** The light of one measure as the ledger stands at `asOf` (YYYY-MM-DD). `measure` is the stored measure record. */
export function computeLight(measure: LightInput, asOf: string, settings: LightSettings = defaultLightSettings): WarningLight {
  return explainLight(measure, asOf, settings).light;
}

export function explainLight(measure: LightInput, asOf: string, settings: LightSettings = defaultLightSettings): LightExplained {
  const daysLeft = measure.deadline === null ? null : daysBetween(asOf, measure.deadline);
  const last = lastActivity(measure, asOf);
  const weeksQuiet = last === null ? null : Math.max(0, weeksBetween(last, asOf));
  const stale = weeksQuiet === null || weeksQuiet >= settings.staleWeeks;
  const out = (light: WarningLight, reason: LightReason): LightExplained => ({ light, reason, daysLeft, weeksQuiet });
  if (measure.status === 'closed') return out('closed', 'closed');
  if (measure.status === 'completed') return out('awaiting', 'awaiting');
  // 长期坚持 has no end: its deadline is a review date; it is judged on whether it keeps reporting.
  if (measure.status === 'ongoing') return stale ? out('yellow', 'stale') : out('ongoing', 'reported');
  if (daysLeft !== null && daysLeft < 0) return out('red', 'overdue');
  if (daysLeft !== null && daysLeft <= settings.yellowDays) return out('yellow', 'dueSoon');
  if (stale) return out('yellow', 'stale');
  return daysLeft === null ? out('undated', 'undated') : out('green', 'onTrack');
}

/**
 * The last day something was reported by `asOf`: the newest standing note dated by then, else the day the
 * measure was entered (a measure entered this week is not yet behind).
 */
function lastActivity(measure: LightInput, asOf: string): string | null {
  // One loop, no copies: the light is read for every row of a 100,000-row ledger.
  let last: string | null = null;
  const consider = (date: string | null | undefined) => {
    if (typeof date === 'string' && date <= asOf && (last === null || date > last)) last = date;
  };
  for (const e of measure.progressLog ?? []) if (e.struckAt === undefined) consider(e.date);
  consider(measure.progressNoteDate);
  consider(measure.createdAt?.slice(0, 10));
  return last;
}

/** The catalogue key of a light's name under a scheme: 红黄蓝 calls the on-track light blue. */
export function lightLabelKey(light: WarningLight, scheme: LightScheme = defaultLightSettings.scheme): `light.${WarningLight}` | 'light.blue' {
  return light === 'green' && scheme === 'red-yellow-blue' ? 'light.blue' : `light.${light}`;
}

/** Most urgent first: the order lists sort by and a group of measures takes the first of. */
const urgency: readonly WarningLight[] = ['red', 'yellow', 'undated', 'green', 'ongoing', 'awaiting', 'closed'];

export function lightRank(light: WarningLight): number {
  return urgency.indexOf(light);
}

/** The most urgent light of a set (a department's measures on a problem); closed for none. */
export function worstLight(lights: Iterable<WarningLight>): WarningLight {
  let worst: WarningLight = 'closed';
  for (const light of lights) if (lightRank(light) < lightRank(worst)) worst = light;
  return worst;
}

/** Whether a light asks for attention (the row tint): red and yellow. */
export function isAlarm(light: WarningLight): boolean {
  return light === 'red' || light === 'yellow';
}
