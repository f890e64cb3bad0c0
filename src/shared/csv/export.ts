// The tables an export writes: the full data of an entity (every field, ids and versions, lossless), and the
// seed's summary format 附件1 (its header; the rows are composed in report/annex.ts).
import type { AnyRecord, EntityName } from '../model/entities.ts';
import { type CodecContext, formatFieldValue } from '../model/field-codec.ts';
import { columnsOf, type ColumnSpec } from './columns.ts';
import type { Cell } from './table.ts';

export type Table = { header: string[]; rows: Cell[][] };

export function cellOf(column: ColumnSpec, record: Record<string, unknown>, codec: CodecContext): Cell {
  const value = record[column.key];
  switch (column.kind) {
    case 'id':
      return String(record.id);
    case 'rev':
    case 'seq':
    case 'int':
    case 'percent':
      return typeof value === 'number' ? value : null;
    case 'problemNumber':
      return codec.problemNumber(String(record.problemId)) ?? null;
    case 'problemArea':
      return '';
    case 'json':
      return Array.isArray(value) && value.length > 0 ? JSON.stringify(value) : '';
    case 'timestamp':
      return typeof value === 'string' ? value : '';
    default:
      return formatFieldValue(column.kind, value, codec);
  }
}

/** Every record of an entity with every column, headed in the catalogue's language. */
export function recordsTable(entity: EntityName, records: readonly AnyRecord[], codec: CodecContext): Table {
  // 方面 is the problem's, read only to create a problem from a flat ledger: the export names the problem instead.
  const columns = columnsOf(entity).filter((c) => c.kind !== 'problemArea');
  return {
    header: columns.map((c) => c.headers.find((h) => /[\u4e00-\u9fff]/.test(h)) ?? c.headers[0] ?? c.key),
    rows: records.map((record) => columns.map((column) => cellOf(column, record as unknown as Record<string, unknown>, codec))),
  };
}

export const SUMMARY_HEADER = ['序号', '执法检查报告中提出的问题', '检查组提出的意见建议及市人大常委会委员提出的审议意见', '整改落实情况', '责任单位'];
