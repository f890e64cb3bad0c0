// A table as an .xlsx sheet, laid out as offices print it: dates as real date cells, long and multi-line text
// wrapped, a named sheet with a filter on its header row; 附件1 with its title, borders, on A4 landscape one page wide.
// The layout the writer (write-excel-file) has no option for (filter, paper, fit to width) is added to the sheet's
// XML by a "feature" of that writer. Pure: the writers live in client/lib and server/transfer.
import type { Table } from './export.ts';

export type SheetCell = {
  value: string | number | Date;
  type?: typeof Date;
  format?: string;
  wrap?: boolean;
  fontWeight?: 'bold';
  fontSize?: number;
  align?: 'left' | 'center' | 'right';
  alignVertical?: 'top' | 'center' | 'bottom';
  borderStyle?: 'thin';
  columnSpan?: number;
  height?: number;
} | null;

export type BookSheet = {
  sheet: string;
  data: SheetCell[][];
  columns: { width: number }[];
  stickyRowsCount?: number;
  orientation?: 'portrait' | 'landscape';
  /** The header row (0-based) that gets a filter, over this many columns. */
  filter?: { row: number; columns: number };
  /** Print on A4, as many pages tall as it takes but one page wide. */
  fitToWidth?: boolean;
};

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const MAX_WIDTH = 60;

// A Chinese character takes two columns of a spreadsheet's width unit.
export const displayWidth = (text: string) => [...text].reduce((sum, ch) => sum + (/[\u2e80-\uffef]/.test(ch) ? 2 : 1), 0);

/** A value as a cell: a calendar date as a date cell, a moment as the local date and time it was, text wrapped when long. */
function cellOf(value: string | number | null, style: Partial<NonNullable<SheetCell>> = {}): SheetCell {
  if (value === null || value === '') return style.borderStyle ? { value: '', ...style } : null;
  if (typeof value === 'number') return { value, ...style };
  const date = DATE.exec(value);
  if (date) return { value: new Date(Date.UTC(Number(date[1]), Number(date[2]) - 1, Number(date[3]))), type: Date, format: 'yyyy-mm-dd', ...style };
  if (TIMESTAMP.test(value)) {
    const moment = new Date(value);
    // Excel has no time zones: the cell shows the moment as the clock on the wall showed it here.
    return { value: new Date(moment.getTime() - moment.getTimezoneOffset() * 60_000), type: Date, format: 'yyyy-mm-dd hh:mm:ss', ...style };
  }
  return { value, wrap: value.includes('\n') || displayWidth(value) > MAX_WIDTH, alignVertical: 'top', ...style };
}

function widthsOf(table: Table, max = MAX_WIDTH): { width: number }[] {
  const widths = table.header.map((h) => Math.min(max, Math.max(8, displayWidth(h) + 2)));
  for (const row of table.rows.slice(0, 200)) {
    row.forEach((cell, i) => {
      const text = typeof cell === 'string' && DATE.test(cell) ? '2022-11-02' : typeof cell === 'string' && TIMESTAMP.test(cell) ? '2022-11-02 00:00:00' : String(cell ?? '');
      const longest = Math.max(...text.split('\n').map(displayWidth));
      widths[i] = Math.min(max, Math.max(widths[i] ?? 8, longest + 2));
    });
  }
  return widths.map((width) => ({ width }));
}

/** A data table (an export, a grid as shown): bold frozen header with a filter, real dates, wrapped long text. */
export function tableSheet(table: Table, name: string): BookSheet {
  return {
    sheet: sheetName(name),
    data: [table.header.map((value) => ({ value, fontWeight: 'bold' as const })), ...table.rows.map((row) => row.map((value) => cellOf(value)))],
    columns: widthsOf(table),
    stickyRowsCount: 1,
    filter: { row: 0, columns: table.header.length },
  };
}

/** 附件1 as the report prints it: the title over the table, every cell bordered, A4 landscape, one page wide. */
export function summarySheet(table: Table, name: string, title: string): BookSheet {
  const border = { borderStyle: 'thin' as const };
  const widths = widthsOf(table, 50).map((w, i) => ({ width: i === 0 ? 6 : w.width }));
  return {
    sheet: sheetName(name),
    data: [
      [{ value: title, fontWeight: 'bold', fontSize: 16, align: 'center', columnSpan: table.header.length, height: 30 }, ...table.header.slice(1).map(() => null)],
      table.header.map((value) => ({ value, fontWeight: 'bold' as const, align: 'center' as const, alignVertical: 'center' as const, wrap: true, ...border })),
      ...table.rows.map((row) => row.map((value) => cellOf(value, { ...border, wrap: true, alignVertical: 'top' }))),
    ],
    columns: widths,
    stickyRowsCount: 2,
    orientation: 'landscape',
    fitToWidth: true,
  };
}

/** Sheet names: at most 31 characters, none of : \ / ? * [ ]. */
export function sheetName(name: string): string {
  return name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31) || 'Sheet1';
}

const colName = (n: number) => {
  let s = '';
  for (let i = n; i > 0; i = Math.floor((i - 1) / 26)) s = String.fromCharCode(65 + ((i - 1) % 26)) + s;
  return s;
};

/** The writer's extension that adds the filter row and the print layout (A4, one page wide) to each sheet's XML. */
export function layoutFeature(book: BookSheet[]) {
  return {
    files: {
      transform: {
        'xl/worksheets/sheet{id}.xml': {
          transform: (content: string, _options: unknown, { sheetIndex }: { sheetIndex: number }) => {
            const sheet = book[sheetIndex];
            if (!sheet) return content;
            let xml = content;
            if (sheet.filter && sheet.filter.columns > 0) {
              const row = sheet.filter.row + 1;
              xml = xml.replace('</sheetData>', `</sheetData><autoFilter ref="A${row}:${colName(sheet.filter.columns)}${row}"/>`);
            }
            if (sheet.fitToWidth) {
              xml = xml.replace(/<worksheet\b[^>]*>/, (open) => `${open}<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>`);
              const setup = `<pageSetup paperSize="9" orientation="${sheet.orientation ?? 'portrait'}" fitToWidth="1" fitToHeight="0"/>`;
              xml = /<pageSetup\b[^>]*\/>/.test(xml) ? xml.replace(/<pageSetup\b[^>]*\/>/, setup) : xml.replace(/(<\/worksheet>)/, `${setup}$1`);
            }
            return xml;
          },
        },
      },
    },
  };
}
