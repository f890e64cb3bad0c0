// Reads one sheet of an .xlsx workbook as a table of text cells, as the import reads a CSV: cell values by
// read-excel-file (dates as dates, numbers as numbers), merged ranges (which it leaves blank below their top-left
// cell) filled with their top-left value from the sheet's own <mergeCells>, read with fflate. Both are loaded only
// when a workbook is read. No I/O: bytes in, rows out.
import { formatIsoDate } from '../model/dates.ts';

export type Workbook = { sheets: string[]; sheet: string; rows: string[][]; rowNumbers: number[] };

/** Why a file cannot be read as a workbook, for a message in the catalogue (import.refusal.*). */
export type WorkbookRefusal = 'legacyExcel' | 'badWorkbook' | 'noSheet';

export class ImportRefusal extends Error {
  readonly code: WorkbookRefusal | 'notText';
  readonly params: Record<string, string>;
  constructor(code: WorkbookRefusal | 'notText', params: Record<string, string> = {}) {
    super(code);
    this.code = code;
    this.params = params;
  }
}

/** An .xlsx file is a zip archive (PK); .xls and WPS's .et are OLE2 compound files (D0 CF 11 E0). */
export function sniffFormat(bytes: Uint8Array): 'xlsx' | 'legacy' | 'text' {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return 'xlsx';
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return 'legacy';
  return 'text';
}

const decoder = new TextDecoder('utf-8');
const attr = (tag: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];
const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** The sheets in the workbook's order, each with the archive path of its XML. */
function sheetList(files: Record<string, Uint8Array>): { name: string; path: string }[] {
  const workbook = files['xl/workbook.xml'];
  const rels = files['xl/_rels/workbook.xml.rels'];
  if (!workbook || !rels) throw new ImportRefusal('badWorkbook');
  const targets = new Map<string, string>();
  for (const tag of decoder.decode(rels).match(/<Relationship\b[^>]*>/g) ?? []) {
    const id = attr(tag, 'Id');
    const target = attr(tag, 'Target');
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  return (decoder.decode(workbook).match(/<sheet\b[^>]*>/g) ?? []).flatMap((tag) => {
    const name = attr(tag, 'name');
    const path = targets.get(attr(tag, 'r:id') ?? '');
    return name !== undefined && path ? [{ name: unescape(name), path }] : [];
  });
}

type Range = { top: number; left: number; bottom: number; right: number };

function parseAddress(address: string): { row: number; column: number } | null {
  const m = /^([A-Z]+)(\d+)$/.exec(address);
  if (!m) return null;
  const column = [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return { row: Number(m[2]), column };
}

function mergedRanges(xml: string): Range[] {
  const start = xml.indexOf('<mergeCells');
  if (start < 0) return [];
  return (xml.slice(start).match(/<mergeCell\b[^>]*>/g) ?? []).flatMap((tag) => {
    const [from, to] = (attr(tag, 'ref') ?? '').split(':').map(parseAddress);
    return from && to ? [{ top: from.row, left: from.column, bottom: to.row, right: to.column }] : [];
  });
}

/** A cell as text: a date cell as its calendar date (its time of day only when it has one). */
function cellText(cell: unknown): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) {
    // A time of day is a fraction of a day in the file: rounded to the second, 08:00 stays 08:00.
    const value = new Date(Math.round(cell.getTime() / 1000) * 1000);
    const date = formatIsoDate(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
    const seconds = value.getUTCHours() * 3600 + value.getUTCMinutes() * 60 + value.getUTCSeconds();
    return seconds === 0 ? date : `${date} ${String(value.getUTCHours()).padStart(2, '0')}:${String(value.getUTCMinutes()).padStart(2, '0')}`;
  }
  if (typeof cell === 'number') return String(Math.round(cell * 1e9) / 1e9);
  return typeof cell === 'string' || typeof cell === 'boolean' ? String(cell) : '';
}

/** One sheet (the first unless named) of an .xlsx file; rows with every cell empty are dropped. */
export async function readWorkbook(bytes: Uint8Array, sheetName?: string): Promise<Workbook> {
  const [{ unzipSync }, { readSheet }] = await Promise.all([import('fflate'), import('read-excel-file/universal')]);
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (file) => file.name === 'xl/workbook.xml' || file.name === 'xl/_rels/workbook.xml.rels' || file.name.startsWith('xl/worksheets/') });
  } catch {
    throw new ImportRefusal('badWorkbook');
  }
  const sheets = sheetList(files);
  const chosen = sheetName === undefined ? sheets[0] : sheets.find((s) => s.name === sheetName);
  if (!chosen) throw new ImportRefusal(sheets.length === 0 ? 'badWorkbook' : 'noSheet', { sheet: sheetName ?? '' });
  let data: unknown[][];
  try {
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    data = (await readSheet(buffer, chosen.name));
  } catch {
    throw new ImportRefusal('badWorkbook');
  }
  const grid = data.map((row) => row.map(cellText));
  const xml = files[chosen.path];
  // read-excel-file's rows start at the sheet's first row, so that row i is the sheet's row i + 1.
  for (const range of xml ? mergedRanges(decoder.decode(xml)) : []) {
    const value = grid[range.top - 1]?.[range.left - 1] ?? '';
    for (let r = range.top; r <= range.bottom; r++) {
      const row = grid[r - 1];
      if (!row) continue;
      for (let c = range.left; c <= range.right; c++) if (c - 1 < row.length || value !== '') row[c - 1] = value;
    }
  }
  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  grid.forEach((row, i) => {
    for (let c = 0; c < row.length; c++) row[c] ??= '';
    if (row.some((cell) => cell.trim() !== '')) {
      rows.push(row);
      rowNumbers.push(i + 1);
    }
  });
  return { sheets: sheets.map((s) => s.name), sheet: chosen.name, rows, rowNumbers };
}
