// CSV text ↔ table of cells. Parsing is Papa Parse's (quotes, embedded commas, quotes and line breaks,
// delimiter detection); writing quotes every cell, uses CRLF and a BOM, and defuses spreadsheet formulas.
import Papa from 'papaparse';

export type Delimiter = ',' | '\t' | ';';

/** A row the parser could not read as written, by the file's own row number. */
export type ParseIssue = { row: number; code: 'unclosedQuote' | 'badQuote' | 'malformed' };

/**
 * Rows with every cell empty are dropped; `rowNumbers` keeps each remaining row's own number in the file (as a
 * spreadsheet program counts its rows), so that a message names the row a user sees.
 */
export function parseTable(text: string, delimiter?: Delimiter): { rows: string[][]; rowNumbers: number[]; delimiter: string; errors: ParseIssue[] } {
  // The delimiter is guessed on the first rows with empty lines skipped (a trailing one would look like a row of one
  // field); the whole text is then read keeping every row, so that each keeps its number.
  const guessed = delimiter ?? Papa.parse<string[]>(text, { delimiter: '', delimitersToGuess: [',', '\t', ';'], skipEmptyLines: 'greedy', preview: 50 }).meta.delimiter;
  const result = Papa.parse<string[]>(text, { delimiter: guessed, skipEmptyLines: false });
  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  result.data.forEach((row, i) => {
    if (row.some((cell) => cell.trim() !== '')) {
      rows.push(row);
      rowNumbers.push(i + 1);
    }
  });
  const errors = result.errors
    .filter((e) => e.code !== 'UndetectableDelimiter')
    .map((e): ParseIssue => ({ row: (e.row ?? 0) + 1, code: e.code === 'MissingQuotes' ? 'unclosedQuote' : e.code === 'InvalidQuotes' ? 'badQuote' : 'malformed' }));
  return { rows, rowNumbers, delimiter: result.meta.delimiter, errors };
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
