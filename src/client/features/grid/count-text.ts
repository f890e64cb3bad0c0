// Every grid's count in the same words: 共 10 个问题, 共 33 条措施, and 显示 5 / 共 33 条 while filters hide rows.
import type { Translate } from '#shared/i18n/translate.ts';

export type CountedEntity = 'measure' | 'problem' | 'department';

export function countText(t: Translate, entity: CountedEntity, shown: number, total: number): string {
  if (shown !== total) return t(`count.filtered.${entity}`, { shown, count: total });
  return t(total === 1 ? `count.${entity}.one` : `count.${entity}`, { count: total });
}
