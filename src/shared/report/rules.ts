// The one place the report calls the light rule and the supervision predicates (model/warning.ts,
// model/supervision.ts): every figure that depends on a measure's light, its verification, its extension requests
// or its 督办 notices goes through here, so that the dashboard, the sheets, the exports and the CLI never differ.
import type { Measure } from '../model/measure.ts';
import { isAwaitingVerification, type NoticeLevel, openNotices, pendingExtensions } from '../model/supervision.ts';
import { computeLight, defaultLightSettings, type LightSettings, type WarningLight, warningLights } from '../model/warning.ts';

export { defaultLightSettings, warningLights, type LightSettings, type WarningLight };

/** The light of a measure as the ledger stood at `asOf`. */
export function lightOf(measure: Measure, asOf: string, settings: LightSettings): WarningLight {
  return computeLight(measure, asOf, settings);
}

/** Extension requests awaiting a coordinator's decision. */
export function pendingExtensionCount(measure: Measure): number {
  return pendingExtensions(measure).length;
}

/** 已完成待核实: applied for 销号 and not yet passed or returned. */
export function awaitingVerification(measure: Measure): boolean {
  return isAwaitingVerification(measure);
}

/** The levels of the 督办 notices still open (unanswered) at `asOf`. */
const noNotices: readonly NoticeLevel[] = [];
export function openNoticeLevels(measure: Measure, asOf?: string): readonly NoticeLevel[] {
  if (!measure.notices || measure.notices.length === 0) return noNotices;
  return openNotices(measure, asOf).map((n) => n.level);
}

/**
 * lightOf for many measures on one day. The light reads a measure's status, deadline, progress log and entry
 * date (滞后 is judged on the last note), so there is no smaller key to work it out once for many measures.
 */
export function lightReader(asOf: string, settings: LightSettings): (measure: Measure) => WarningLight {
  return (measure) => computeLight(measure, asOf, settings);
}
