// The table an export writes for the whole ledger, in a stable order: the browser's worker and the command line
// export the same file from the same records.
import type { Translate } from '../i18n/translate.ts';
import { annexTable } from '../report/annex.ts';
import { recordsTable, type Table } from './export.ts';
import { type LedgerRecords, lookupsOf } from './lookups.ts';
import { type BookSheet, summarySheet, tableSheet } from './sheet.ts';

export const exportKinds = ['measure', 'problem', 'department', 'summary'] as const;
export type ExportKind = (typeof exportKinds)[number];

export function ledgerTable(records: LedgerRecords, kind: ExportKind, t: Translate): Table {
  const { codec } = lookupsOf(records, t);
  const numberOf = new Map(records.problems.map((p) => [p.id, p.number]));
  switch (kind) {
    case 'summary':
      // 附件1 from the ledger as it stands: composed from the measures and the current roles.
      return annexTable(records, t);
    case 'problem':
      return recordsTable('problem', [...records.problems].sort((a, b) => a.number - b.number), codec);
    case 'department':
      return recordsTable('department', [...records.departments].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')), codec);
    case 'measure':
      return recordsTable('measure', [...records.measures].sort((a, b) => (numberOf.get(a.problemId) ?? 0) - (numberOf.get(b.problemId) ?? 0) || a.seq - b.seq), codec);
  }
}

/** The export as a workbook's sheet: named for what it holds; 附件1 laid out as the report prints it. */
export function ledgerSheet(table: Table, kind: ExportKind, t: Translate): BookSheet {
  return kind === 'summary' ? summarySheet(table, t('export.file.summary'), t('export.summaryTitle')) : tableSheet(table, t(`export.file.${kind}`));
}
