// An import from file to changes, in the steps the import dialog and the command line share: read the bytes,
// guess what the rows are, plan, report, and gather the changes to commit (all rows, or all but the bad ones).
import { describeReason } from '../i18n/describe-error.ts';
import type { Translate } from '../i18n/translate.ts';
import type { Change } from '../model/change.ts';
import { type EntityName, entityReferences } from '../model/entities.ts';
import { type ColumnKey, mapHeaders } from './columns.ts';
import { decodeBytes, type Encoding } from './decode.ts';
import type { Table } from './export.ts';
import type { ImportPlan } from './plan-import.ts';
import { type ParseIssue, parseTable } from './table.ts';
import { ImportRefusal, readWorkbook, sniffFormat } from './workbook.ts';

export const importEntities = ['measure', 'problem', 'department'] as const satisfies readonly EntityName[];
export type ImportEntity = (typeof importEntities)[number];

export type ReadFile = {
  format: 'csv' | 'xlsx';
  encoding: Encoding;
  delimiter: string;
  /** A workbook's sheets, and the one read (empty for a CSV). */
  sheets: string[];
  sheet: string;
  /** Every row with a value, header and rows above it included, and each one's own number in the file. */
  grid: string[][];
  gridRows: number[];
  /** The header's own row number: found (the row naming most fields) or chosen. */
  headerRow: number;
  /** From the header on, header first. */
  rows: string[][];
  rowNumbers: number[];
  entity: ImportEntity;
  mapping: (ColumnKey | null)[];
  /** Rows the parser could not read as written (an unclosed quote…): the file is refused. */
  parseErrors: ParseIssue[];
};

export type ReadOptions = { encoding?: Encoding; entity?: ImportEntity; sheet?: string; headerRow?: number };

const IDENTIFYING = new Set(['id', 'rev', 'updatedAt']);
const HEADER_SEARCH = 30;

const fieldsNamed = (entity: ImportEntity, header: string[]) => mapHeaders(entity, header).filter((k) => k !== null && !IDENTIFYING.has(k)).length;

/** Which entity a header describes best: the one whose fields it names most (measures win ties). */
export function guessEntity(header: string[]): ImportEntity {
  let best: ImportEntity = 'measure';
  let bestScore = -1;
  for (const entity of importEntities) {
    const score = fieldsNamed(entity, header);
    if (score > bestScore) [best, bestScore] = [entity, score];
  }
  return best;
}

/** The header among the first rows: the one naming most fields (a title or a note above it names none). */
export function findHeader(grid: string[][]): number {
  let best = 0;
  let bestScore = 1;
  for (let i = 0; i < Math.min(grid.length, HEADER_SEARCH); i++) {
    const score = Math.max(...importEntities.map((e) => fieldsNamed(e, grid[i] ?? [])));
    if (score > bestScore) [best, bestScore] = [i, score];
  }
  return best;
}

// Cells as a sheet shows them: no edge spaces (full-width ones included) in a header, no empty columns at the end.
function tidy(rows: string[][]): string[][] {
  let width = 0;
  for (const row of rows) for (let c = row.length - 1; c >= width; c--) if ((row[c] ?? '').trim() !== '') width = c + 1;
  return rows.map((row) => Array.from({ length: width }, (_, c) => row[c] ?? ''));
}

/** The file's rows from bytes: a workbook's sheet, or CSV text in the encoding it was written in. */
export async function readFile(bytes: Uint8Array, options: ReadOptions = {}): Promise<ReadFile> {
  const format = sniffFormat(bytes);
  if (format === 'legacy') throw new ImportRefusal('legacyExcel');
  let base: Pick<ReadFile, 'format' | 'encoding' | 'delimiter' | 'sheets' | 'sheet' | 'grid' | 'gridRows' | 'parseErrors'>;
  if (format === 'xlsx') {
    const book = await readWorkbook(bytes, options.sheet);
    base = { format, encoding: 'utf-8', delimiter: '', sheets: book.sheets, sheet: book.sheet, grid: tidy(book.rows), gridRows: book.rowNumbers, parseErrors: [] };
  } else {
    const { text, encoding } = decodeBytes(bytes, options.encoding);
    // A binary file read as text (a picture, a PDF) is full of NULs: no spreadsheet program writes them.
    if (encoding === 'utf-8' && text.slice(0, 4096).includes('\u0000')) throw new ImportRefusal('notText');
    const parsed = parseTable(text);
    base = { format: 'csv', encoding, delimiter: parsed.delimiter, sheets: [], sheet: '', grid: tidy(parsed.rows), gridRows: parsed.rowNumbers, parseErrors: parsed.errors };
  }
  return withHeaderRow({ ...base, headerRow: 0, rows: [], rowNumbers: [], entity: 'measure', mapping: [] }, options.headerRow, options.entity);
}

/** The same file read with another header row (a user's correction), or the one found when none is given. */
export function withHeaderRow(file: ReadFile, headerRow?: number, entity?: ImportEntity): ReadFile {
  const chosen = headerRow === undefined ? -1 : file.gridRows.indexOf(headerRow);
  const index = chosen >= 0 ? chosen : findHeader(file.grid);
  const header = (file.grid[index] ?? []).map((h) => h.trim());
  const kind = entity ?? guessEntity(header);
  return {
    ...file,
    headerRow: file.gridRows[index] ?? 1,
    rows: [header, ...file.grid.slice(index + 1)],
    rowNumbers: file.gridRows.slice(index),
    entity: kind,
    mapping: mapHeaders(kind, header),
  };
}

export type PlanCounts = { rows: number; creates: number; updates: number; unchanged: number; errorRows: number; warnings: number };

export function countPlan(plan: ImportPlan): PlanCounts {
  const counts: PlanCounts = { rows: plan.rows.length, creates: 0, updates: 0, unchanged: 0, errorRows: 0, warnings: 0 };
  for (const row of plan.rows) {
    if (row.issues.some((i) => i.severity === 'error')) counts.errorRows++;
    else if (row.change?.op === 'create') counts.creates++;
    else if (row.change?.op === 'update') counts.updates++;
    else counts.unchanged++;
    counts.warnings += row.issues.filter((i) => i.severity === 'warning').length;
  }
  return counts;
}

/** What committing the good rows creates besides them: N 个问题、K 个责任单位 (and the areas of the new problems). */
export type CreatedCounts = { problems: number; areas: number; departments: number };

export function countCreated(plan: ImportPlan): CreatedCounts {
  const changes = changesToCommit(plan, true) ?? [];
  const count = (entity: string) => changes.filter((c) => c.op === 'create' && c.entity === entity).length;
  return { problems: count('problem'), areas: count('area'), departments: count('department') };
}

/** The error report a user downloads: one line per problem, naming row, column and reason. */
export function issuesTable(t: Translate, plan: ImportPlan): Table {
  return {
    header: [t('import.report.row'), t('import.report.column'), t('import.report.severity'), t('import.report.reason')],
    rows: plan.rows.flatMap((r) => r.issues.map((i) => [i.row, i.column, t(`import.severity.${i.severity}`), describeReason(t, i)])),
  };
}

/**
 * The changes to commit, in an order every reference can follow: the areas, units and problems to create (only
 * those a committed row uses), then every row's change. With a bad row and no leave to exclude bad rows, nothing:
 * a file imports whole or not at all.
 */
export function changesToCommit(plan: ImportPlan, excludeBadRows: boolean): Change[] | null {
  const bad = plan.rows.some((r) => r.issues.some((i) => i.severity === 'error'));
  if (bad && !excludeBadRows) return null;
  const rows = plan.rows.flatMap((r) => (r.change && !r.issues.some((i) => i.severity === 'error') ? [r.change] : []));
  // The ids a change refers to, read from its reference fields only (a 100,000-row file has many values).
  const idsIn = (changes: Change[]) => {
    const ids = new Set<string>();
    for (const c of changes) {
      const values = c.op === 'create' ? c.values : c.op === 'update' ? c.fields : {};
      for (const ref of entityReferences[c.entity]) {
        const value = values[ref.field];
        if (typeof value === 'string') ids.add(value);
        else if (Array.isArray(value)) for (const id of value) if (typeof id === 'string') ids.add(id);
      }
    }
    return ids;
  };
  const named = idsIn(rows);
  const problems = plan.newProblems.filter((p) => named.has(p.id));
  const used = idsIn([...rows, ...problems]);
  return [...plan.newAreas.filter((a) => used.has(a.id)), ...plan.newDepartments.filter((d) => used.has(d.id)), ...problems, ...rows];
}

/** A file the import cannot read (an .xls, a picture…), in the reader's words. */
export function describeRefusal(t: Translate, error: unknown): string | null {
  return error instanceof ImportRefusal ? t(`import.refusal.${error.code}`, error.params) : null;
}

/** A row the parser could not read, in the reader's words. */
export function describeParseIssue(t: Translate, issue: ParseIssue): string {
  return t(`import.parse.${issue.code}`, { row: issue.row });
}
