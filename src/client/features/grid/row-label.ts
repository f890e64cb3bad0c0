// Names a row in a message: its position in the grid as displayed, its kind and its name.
import type { GridApi } from 'ag-grid-community';
import type { Translate } from '#shared/i18n/translate.ts';
import type { AnyRecord, EntityName } from '#shared/model/entities.ts';
import type { RecordCache } from '#client/storage/record-cache.ts';
import type { Feedback } from './save-feedback.ts';

export function recordName(entity: EntityName, record: AnyRecord | undefined): string {
  if (!record) return '';
  if (entity === 'problem' && 'number' in record && 'title' in record) return `${record.number}. ${record.title}`;
  if ('title' in record) return record.title;
  return (record as { name?: string }).name ?? record.id;
}

export function createRowLabel(getApi: () => GridApi | null, gridEntity: EntityName, cache: RecordCache, t: Translate): Feedback['rowLabel'] {
  return (entity, id) => {
    const name = recordName(entity, cache.get(entity, id));
    const index = entity === gridEntity ? getApi()?.getRowNode(id)?.rowIndex : null;
    if (index === null || index === undefined) return t('error.rowOf', { entity: t(`entity.${entity}`), name });
    return t('error.rowAt', { n: index + 1, entity: t(`entity.${entity}`), name });
  };
}
