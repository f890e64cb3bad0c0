// A report as a sheet of cells (title, subtitle, header, rows): what the printed page, the .xlsx, the .csv and
// the command line all write, so that they hold the same cells. Dates stay dates, the light keeps its value
// beside its words (for the cell colour).
import { sheetName } from '../csv/sheet.ts';
import { writeTable } from '../csv/table.ts';
import type { WarningLight } from './rules.ts';

export type SheetCell = { text: string; date?: string; number?: number; light?: WarningLight };
export type ReportSheet = { name: string; title: string; subtitle: string; header: string[]; widths: number[]; rows: SheetCell[][] };

export const text = (value: string): SheetCell => ({ text: value });
export const dateCell = (date: string | null): SheetCell => (date === null ? { text: '' } : { text: date, date });
export const numberCell = (value: number | null, shown?: string): SheetCell => (value === null ? { text: shown ?? '' } : { text: shown ?? String(value), number: value });

/** Light colours for cell fills, print and charts (红黄绿); a light without its own colour is grey. */
export const lightColours: Readonly<Record<string, string>> = { red: '#f4c7c3', yellow: '#fce8b2', green: '#b7e1cd' };
export const lightColour = (light: string) => lightColours[light] ?? '#e0e0e0';

/** The sheet's cells as the rows of a CSV: a title line, the subtitle, the header, then the rows as shown. */
export function sheetLines(sheet: ReportSheet): string[][] {
  return [[sheet.title], [sheet.subtitle], sheet.header, ...sheet.rows.map((row) => row.map((c) => c.text))];
}

/** The sheet as CSV text (UTF-8 with a BOM for Excel and WPS, formulas defused), as every export writes it. */
export function sheetCsv(sheet: ReportSheet): string {
  const [first, ...rest] = sheetLines(sheet);
  return writeTable(first ?? [], rest);
}

type ExcelCell = {
  value: string | number | Date;
  type?: StringConstructor | NumberConstructor | DateConstructor;
  format?: string;
  fontWeight?: 'bold';
  fontSize?: number;
  backgroundColor?: string;
  wrap?: boolean;
  columnSpan?: number;
  alignVertical?: 'top';
} | null;

/**
 * The sheet as write-excel-file's rows and options (the writer itself is loaded by the browser or the server):
 * a title row across the columns, the subtitle, a bold header frozen with the rows above it, column widths,
 * dates as dates, the light as its words on its colour.
 */
export function excelSheet(sheet: ReportSheet): { rows: ExcelCell[][]; options: { columns: { width: number }[]; stickyRowsCount: number; sheet: string } } {
  const span = sheet.header.length;
  const banner = (value: string, size: number): ExcelCell[] => [{ value, fontWeight: 'bold', fontSize: size, columnSpan: span }, ...Array.from({ length: span - 1 }, () => null)];
  const cell = (c: SheetCell): ExcelCell => {
    if (c.date !== undefined) {
      const [y, m, d] = c.date.split('-').map(Number);
      return { value: new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)), type: Date, format: 'yyyy-mm-dd', alignVertical: 'top' };
    }
    if (c.number !== undefined) return { value: c.number, type: Number, alignVertical: 'top' };
    if (c.text === '') return null;
    return { value: c.text, type: String, wrap: c.text.length > 20 || c.text.includes('\n'), alignVertical: 'top', ...(c.light ? { backgroundColor: lightColour(c.light) } : {}) };
  };
  return {
    rows: [banner(sheet.title, 14), banner(sheet.subtitle, 11), sheet.header.map((value) => ({ value, fontWeight: 'bold' as const, backgroundColor: '#eeeeee' })), ...sheet.rows.map((row) => row.map(cell))],
    options: { columns: sheet.widths.map((width) => ({ width })), stickyRowsCount: 3, sheet: sheet.name },
  };
}

/** Several sheets as one workbook, as write-excel-file takes them: each sheet's rows with its own options. */
export function excelBook(sheets: readonly ReportSheet[]) {
  return sheets.map((s) => {
    const { rows, options } = excelSheet(s);
    return { data: rows, ...options, sheet: sheetName(options.sheet) };
  });
}
