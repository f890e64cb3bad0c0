// Words for a change the server refused, naming the fields the change touched: the server names the field its
// rule looked at, which for a measure of another department is 牵头单位, a field the user never changed.
import { describeFieldError, fieldLabel } from '#shared/i18n/describe-error.ts';
import type { Translate } from '#shared/i18n/translate.ts';
import type { FieldError } from '#shared/model/field-error.ts';
import type { Mutation, Reason } from '#shared/sync/protocol.ts';

export function describeRefusal(t: Translate, mutation: Pick<Mutation, 'entity' | 'fields'>, reason: Reason, where: string): string {
  const touched = Object.keys(mutation.fields);
  if (reason.code === 'forbidden' && reason.field !== undefined && !touched.includes(reason.field)) {
    return t('error.field', { row: where, field: touched.map((f) => fieldLabel(t, mutation.entity, f)).join('、'), reason: t('error.forbiddenRecord') });
  }
  return describeFieldError(t, mutation.entity, { field: reason.field ?? '', code: reason.code as FieldError['code'], params: reason.params }, where);
}
