// Saves a table as a file: CSV for Excel and WPS (UTF-8 with a BOM, formulas defused) or XLSX.
import type { Table } from '#shared/csv/export.ts';
import { type BookSheet, layoutFeature, tableSheet } from '#shared/csv/sheet.ts';
import { writeTable } from '#shared/csv/table.ts';
import { localIsoDate } from '#shared/model/dates.ts';

export type FileFormat = 'csv' | 'xlsx';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A table as CSV, or as a workbook of one sheet (named, with a filter row and real dates), or a sheet laid out. */
export async function tableBlob(table: Table, format: FileFormat, sheet: string | BookSheet = 'Sheet1'): Promise<Blob> {
  if (format === 'csv') return new Blob([writeTable(table.header, table.rows)], { type: 'text/csv;charset=utf-8' });
  return bookBlob([typeof sheet === 'string' ? tableSheet(table, sheet) : sheet]);
}

export async function bookBlob(book: BookSheet[]): Promise<Blob> {
  // Loaded when first asked for: most sessions never write a spreadsheet.
  const { default: writeExcelFile } = await import('write-excel-file/universal');
  const sheets = book.map(({ filter: _filter, fitToWidth: _fit, ...sheet }) => sheet);
  return (writeExcelFile as unknown as (sheets: unknown[], options: unknown) => { toBlob(): Promise<Blob> })(sheets, { features: [layoutFeature(book)] }).toBlob();
}

/** A file name with today's date: 整改措施-2026-11-28.xlsx. */
export function fileName(base: string, format: FileFormat, today = new Date()): string {
  return `${base}-${localIsoDate(today)}.${format}`;
}
