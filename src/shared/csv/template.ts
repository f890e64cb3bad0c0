// 下载导入模板: the workbook an office fills in to bring its own ledger in. Its first sheet has the headers the import
// recognises and one example row; the second explains each column and the values it takes.
import type { Translate } from '../i18n/translate.ts';
import { statuses } from '../model/status.ts';
import { type BookSheet, tableSheet } from './sheet.ts';

const columns = ['number', 'area', 'problem', 'measure', 'lead', 'cooperating', 'owner', 'deadline', 'status', 'progress'] as const;
const headers: Record<(typeof columns)[number], string> = {
  number: '序号',
  area: '方面',
  problem: '问题',
  measure: '整改措施',
  lead: '责任单位',
  cooperating: '配合单位',
  owner: '责任人',
  deadline: '整改时限',
  status: '整改状态',
  progress: '整改进展',
};
const required = new Set(['problem', 'measure']);

export function templateBook(t: Translate): BookSheet[] {
  const allowed = (c: (typeof columns)[number]) =>
    c === 'status'
      ? statuses.map((s) => t(`status.${s}`)).join('、')
      : c === 'deadline'
        ? t('template.help.anyDate')
        : c === 'lead' || c === 'cooperating'
          ? t('template.help.units')
          : c === 'number'
            ? '1、2、3…'
            : t('template.help.anyText');
  const ledger = tableSheet({ header: columns.map((c) => headers[c]), rows: [columns.map((c) => (c === 'number' ? 1 : t(`template.example.${c}`)))] }, t('template.sheet'));
  const help = tableSheet(
    {
      header: [t('template.column'), t('template.meaning'), t('template.allowed'), t('template.required')],
      rows: columns.map((c) => [headers[c], t(`template.help.${c}`), allowed(c), required.has(c) ? t('template.yes') : t('template.no')]),
    },
    t('template.helpSheet'),
  );
  return [ledger, { ...help, filter: undefined }];
}
