// Messages between the page and the import/export worker. The worker keeps the file and its plan between
// steps, so that 100,000 rows cross the boundary once, as bytes, and never as objects.
import type { SessionUser } from '#shared/auth/permissions.ts';
import type { ColumnKey } from '#shared/csv/columns.ts';
import type { Encoding } from '#shared/csv/decode.ts';
import type { CreatedCounts, ImportEntity, PlanCounts } from '#shared/csv/import-file.ts';
import type { ExportKind } from '#shared/csv/ledger-table.ts';
import type { RowIssue, RowMatch } from '#shared/csv/plan-import.ts';
import type { Locale } from '#shared/i18n/translate.ts';
import type { Change } from '#shared/model/change.ts';
import type { FileFormat } from '#client/lib/spreadsheet-file.ts';
import type { RecordError } from '#client/storage/save-changes.ts';

export type TransferRequest =
  | { type: 'read'; bytes: ArrayBuffer; locale?: Locale; encoding?: Encoding; entity?: ImportEntity; sheet?: string; headerRow?: number }
  | { type: 'plan'; dbName: string; locale: Locale; entity: ImportEntity; mapping: (ColumnKey | null)[]; createDepartments: boolean; createMissing?: boolean; user: SessionUser | null }
  | { type: 'template'; locale: Locale }
  | { type: 'report'; locale: Locale }
  | { type: 'commit'; excludeBadRows: boolean }
  | { type: 'export'; dbName: string; locale: Locale; kind: ExportKind; format: FileFormat };

export type ReadSummary = {
  format: 'csv' | 'xlsx';
  encoding: Encoding;
  delimiter: string;
  sheets: string[];
  sheet: string;
  /** The header's row, and the first rows of the file to choose another from. */
  headerRow: number;
  headerChoices: { row: number; text: string }[];
  header: string[];
  /** The first rows, for the mapping screen. */
  sample: string[][];
  rowCount: number;
  entity: ImportEntity;
  mapping: (ColumnKey | null)[];
  parseErrors: string[];
};

/** A row as the preview shows it: what will happen to it, and what is wrong with it. */
export type PreviewRow = { row: number; op: 'create' | 'update' | 'unchanged' | 'error'; cells: string[]; issues: RowIssue[]; match?: RowMatch };

export type PlanSummary = {
  counts: PlanCounts;
  unknownDepartments: string[];
  /** Rows with issues first (up to a few hundred), then the first rows of the file. */
  preview: PreviewRow[];
  /** Departments the plan would create (only when asked to). */
  newDepartments: number;
  /** What committing the good rows creates besides them (problems, areas, units). */
  created: CreatedCounts;
  /** Problems the file names that the ledger lacks. */
  missingProblems: number;
  numberIsRowCounter: boolean;
};

export type CommitResult =
  | { ok: true; saved: number; inverse: Change[] }
  | { ok: false; reason: 'badRows'; errorRows: number }
  | { ok: false; reason: 'refused'; errors: RecordError[] };

export type TransferResult = ReadSummary | PlanSummary | CommitResult | { blob: Blob };

export type TransferResponse =
  | { id: number; type: 'progress'; phase: 'read' | 'load' | 'plan' | 'save' | 'export'; done: number; total: number }
  | { id: number; type: 'done'; result: TransferResult }
  | { id: number; type: 'failed'; message: string };
