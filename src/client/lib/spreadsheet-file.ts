// Saves a table as a file: CSV for Excel and WPS (UTF-8 with a BOM, formulas defused) or XLSX.
import { sheetOf, type Table } from '#shared/csv/export.ts';
import { writeTable } from '#shared/csv/table.ts';
import { localIsoDate } from '#shared/model/dates.ts';

export type FileFormat = 'csv' | 'xlsx';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function tableBlob(table: Table, format: FileFormat): Promise<Blob> {
  if (format === 'csv') return new Blob([writeTable(table.header, table.rows)], { type: 'text/csv;charset=utf-8' });
  // Loaded when first asked for: most sessions never write a spreadsheet.
  const { default: writeExcelFile } = await import('write-excel-file/universal');
  const sheet = sheetOf(table);
  return writeExcelFile(sheet.rows, { columns: sheet.columns, stickyRowsCount: 1 }).toBlob();
}

/** A file name with today's date: 整改措施-2026-11-28.xlsx. */
export function fileName(base: string, format: FileFormat, today = new Date()): string {
  return `${base}-${localIsoDate(today)}.${format}`;
}
