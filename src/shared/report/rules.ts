// The one place the report calls the light rule and issue 16's supervision predicates. Every figure that depends
// on a measure's light, its verification or its 督办 notices goes through here, so that connecting issue 16's
// computeLight / isAwaitingVerification / pendingExtensions / openNotices (model/warning.ts,
// model/supervision.ts) is a change to this file alone.
import type { Measure } from '../model/measure.ts';
import { pendingExtension } from '../model/measure-history.ts';
import { DEFAULT_WARNING_DAYS, getWarningLight, type WarningLight, warningLights } from '../model/warning.ts';

export { warningLights, type WarningLight };

/** Stand-in for issue 16's LightSettings (only the warning window is read here). */
export type LightSettings = { yellowDays: number };
export const defaultLightSettings: LightSettings = { yellowDays: DEFAULT_WARNING_DAYS };

/** The light of a measure as the ledger stood at `asOf`. Lead: replace with computeLight(measure, asOf, settings). */
export function lightOf(measure: Measure, asOf: string, settings: LightSettings): WarningLight {
  return getWarningLight(measure, asOf, settings.yellowDays);
}

/**
 * lightOf for many measures on one day. getWarningLight reads only a measure's deadline and status, and 100,000
 * measures share a few hundred deadlines: each (status, deadline) is worked out once. Lead: when computeLight
 * reads more of a measure, key the memo by what it reads, or return lightOf itself.
 */
export function lightReader(asOf: string, settings: LightSettings): (measure: Measure) => WarningLight {
  const memo = new Map<string, Map<string | null, WarningLight>>();
  return (measure) => {
    let byDeadline = memo.get(measure.status);
    if (!byDeadline) memo.set(measure.status, (byDeadline = new Map<string | null, WarningLight>()));
    let light = byDeadline.get(measure.deadline);
    if (light === undefined) byDeadline.set(measure.deadline, (light = lightOf(measure, asOf, settings)));
    return light;
  };
}

/** Extension requests awaiting a coordinator's decision. Lead: replace with pendingExtensions(measure).length. */
export function pendingExtensionCount(measure: Measure): number {
  return pendingExtension(measure.extensions) ? 1 : 0;
}

/** 已完成待核实. Lead: replace with isAwaitingVerification(measure); until then nothing awaits verification. */
export function awaitingVerification(_measure: Measure): boolean {
  return false;
}

/** Open 督办 notices by level. Lead: replace with a count of openNotices(measure) by level. */
const noNotices: readonly string[] = [];
export function openNoticeLevels(_measure: Measure): readonly string[] {
  return noNotices;
}
