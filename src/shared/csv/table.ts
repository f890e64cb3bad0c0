// CSV text ↔ table of cells. Parsing is Papa Parse's (quotes, embedded commas, quotes and line breaks,
// delimiter detection); writing quotes every cell, uses CRLF and a BOM, and defuses spreadsheet formulas.
import Papa from 'papaparse';

export type Delimiter = ',' | '\t' | ';';

export function parseTable(text: string, delimiter?: Delimiter): { rows: string[][]; delimiter: string; errors: string[] } {
  const result = Papa.parse<string[]>(text, { delimiter: delimiter ?? '', delimitersToGuess: [',', '\t', ';'], skipEmptyLines: 'greedy' });
  const errors = result.errors.filter((e) => e.code !== 'UndetectableDelimiter').map((e) => `${e.row === undefined ? '' : `row ${e.row + 1}: `}${e.message}`);
  return { rows: result.data, delimiter: result.meta.delimiter, errors };
}

// A cell starting with one of these is a formula to Excel and WPS (full-width forms too, which they convert).
const FORMULA_START = /^[=+\-@\t\r＝＋－＠]/;

/** Makes a text cell inert: a leading apostrophe, which spreadsheets show as text and do not evaluate. */
export function neutralise(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export type Cell = string | number | null;

/**
 * CSV for Excel and WPS: UTF-8 with a BOM (so Chinese opens right), CRLF, every cell quoted. Text cells (the
 * header included) are neutralised against formula injection; numbers are written as numbers, so a negative
 * figure stays a negative figure.
 */
export function writeTable(header: string[], rows: Cell[][]): string {
  const cell = (value: Cell) => {
    if (value === null) return '';
    if (typeof value === 'number') return String(value);
    return `"${neutralise(value).replace(/"/g, '""')}"`;
  };
  return `\ufeff${[header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}

/** Undoes `neutralise` when reading our own export back: a quoted apostrophe before a formula sign. */
export function restoreNeutralised(text: string): string {
  return /^'[=+\-@\t\r＝＋－＠]/.test(text) ? text.slice(1) : text;
}

/**
 * A block copied from Excel or WPS: tab-separated, a cell with a tab, quote or line break quoted, rows ended by
 * CRLF and the last one too. One plain value (no tab, no line break) stays whole, quotes and all.
 */
export function parseClipboard(text: string): string[][] {
  const body = text.replace(/\r?\n$/, '');
  if (!/[\t\n\r]/.test(body)) return [[body]];
  const result = Papa.parse<string[]>(body, { delimiter: '\t', quoteChar: '"', newline: body.includes('\r\n') ? '\r\n' : '\n' });
  return result.data;
}

/** Rows as Excel and WPS paste them: tab-separated, CRLF, a cell with a tab, quote or line break quoted. */
export function writeClipboard(rows: string[][]): string {
  const cell = (text: string) => (/[\t\n\r"]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  return rows.map((row) => row.map(cell).join('\t')).join('\r\n');
}
