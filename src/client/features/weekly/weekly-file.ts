// The weekly sheet as a file, from the same cells the page prints: .xlsx (the spreadsheet writer is loaded when
// first asked for) or .csv.
import { excelSheet, type ReportSheet, sheetCsv } from '#shared/report/index.ts';
import { XLSX_TYPE } from '#client/lib/spreadsheet-file.ts';

export async function sheetBlob(sheet: ReportSheet, format: 'xlsx' | 'csv'): Promise<Blob> {
  if (format === 'csv') return new Blob([sheetCsv(sheet)], { type: 'text/csv;charset=utf-8' });
  const { default: writeExcelFile } = await import('write-excel-file/universal');
  const { rows, options } = excelSheet(sheet);
  const blob = await writeExcelFile(rows as never, options).toBlob();
  return blob.type ? blob : new Blob([blob], { type: XLSX_TYPE });
}
