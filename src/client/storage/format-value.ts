// Shows a field's value as the grid would, for messages about changes (conflicts, refused changes).
import type { Translate } from '#shared/i18n/translate.ts';
import type { EntityName } from '#shared/model/entities.ts';
import { formatFieldValue } from '#shared/model/field-codec.ts';
import { kindOf } from '#shared/model/field-kinds.ts';
import { createCodecContext } from './codec-context.ts';
import type { RecordCache } from './record-cache.ts';

export function formatValue(cache: RecordCache, t: Translate, entity: EntityName, field: string, value: unknown): string {
  const text = formatFieldValue(kindOf(entity, field), value, createCodecContext(cache, t));
  return text === '' ? t('common.none') : text;
}

export function recordTitle(cache: RecordCache, entity: EntityName, id: string): string {
  const record = cache.get(entity, id) as { title?: string; name?: string; number?: number } | undefined;
  if (!record) return id.slice(0, 8);
  if (entity === 'problem') return `${record.number ?? ''}. ${record.title ?? ''}`;
  return record.title ?? record.name ?? id.slice(0, 8);
}
