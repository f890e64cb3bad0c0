// Words for a refused change: which row, which field, and why — from the message catalogue.
import type { EntityName } from '../model/entities.ts';
import type { FieldError } from '../model/field-error.ts';
import { isMessageKey, type MessageKey, type Translate } from './translate.ts';

export function fieldLabel(t: Translate, entity: EntityName, field: string): string {
  const specific = `field.${entity}.${field}`;
  if (isMessageKey(specific)) return t(specific);
  const generic = `field.${field}`;
  return isMessageKey(generic) ? t(generic) : field;
}

export function describeFieldError(t: Translate, entity: EntityName, error: FieldError, row: string): string {
  const reason = describeReason(t, error);
  if (error.field === '') return t('error.record', { row, reason });
  return t('error.field', { row, field: fieldLabel(t, entity, error.field), reason });
}

/** Only the reason a value was refused (where the row and field are named elsewhere, as in a report's columns). */
export function describeReason(t: Translate, error: { code: FieldError['code'] | 'deleted'; params?: FieldError['params'] }): string {
  const params = { ...error.params };
  // A refused status change names the statuses by their labels, not their codes.
  for (const key of ['from', 'to'] as const) {
    const code = params[key];
    if (typeof code === 'string' && isMessageKey(`status.${code}`)) params[key] = t(`status.${code}` as MessageKey);
  }
  return t(`error.${error.code}` as MessageKey, params);
}
