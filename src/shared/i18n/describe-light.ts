// Words for a warning light (never colour alone): its name under the colour scheme, and why (已逾期 3 天).
import type { LightExplained, LightScheme } from '../model/warning.ts';
import { lightLabelKey } from '../model/warning.ts';
import type { Translate } from './translate.ts';

export function describeLight(t: Translate, explained: LightExplained, scheme: LightScheme): { label: string; reason: string; text: string } {
  const label = t(lightLabelKey(explained.light, scheme));
  const reason = lightReason(t, explained);
  // 未定时限, 已销号 and the like say it all in their name.
  const text = reason === label || explained.reason === explained.light ? label : `${label} · ${reason}`;
  return { label, reason, text };
}

function lightReason(t: Translate, e: LightExplained): string {
  switch (e.reason) {
    case 'overdue':
      return t('lightReason.overdue', { days: -(e.daysLeft ?? 0) });
    case 'dueSoon':
      return t('lightReason.dueSoon', { days: e.daysLeft ?? 0 });
    case 'stale':
      return e.weeksQuiet === null ? t('lightReason.staleNever') : t('lightReason.stale', { weeks: e.weeksQuiet });
    default:
      return t(`lightReason.${e.reason}`);
  }
}
