// Import and export on the server, for the command line: the same shared steps as the browser's import dialog,
// against the store, in one write that is rolled back whole when any change is refused, or on a dry run.
import { createHash } from 'node:crypto';
import type { SessionUser } from '#shared/auth/permissions.ts';
import type { ColumnKey } from '#shared/csv/columns.ts';
import type { Encoding } from '#shared/csv/decode.ts';
import type { Table } from '#shared/csv/export.ts';
import { type BookSheet, layoutFeature } from '#shared/csv/sheet.ts';
import { changesToCommit, countCreated, countPlan, type CreatedCounts, describeParseIssue, type ImportEntity, issuesTable, type PlanCounts, readFile, type ReadFile } from '#shared/csv/import-file.ts';
import { type ExportKind, ledgerSheet, ledgerTable } from '#shared/csv/ledger-table.ts';
import { type LedgerRecords, lookupsOf } from '#shared/csv/lookups.ts';
import { planImport } from '#shared/csv/plan-import.ts';
import { writeTable } from '#shared/csv/table.ts';
import { columnsOf } from '#shared/csv/columns.ts';
import { describeReason, fieldLabel } from '#shared/i18n/describe-error.ts';
import { createTranslator, type Locale, type Translate } from '#shared/i18n/translate.ts';
import type { Change } from '#shared/model/change.ts';
import { type AnyRecord, type EntityName, entityNames, type EntityRecordMap } from '#shared/model/entities.ts';
import { newId } from '#shared/model/ids.ts';
import type { Mutation, MutationResult } from '#shared/sync/protocol.ts';
import type { SyncStore } from '#server/store/sync-store.ts';
import { applyMutations } from '#server/sync/push.ts';

const PAGE = 5_000;

/** Every live record of every entity, as a device holds them: the data with the server's version as `rev`. */
export async function loadRecords(store: SyncStore): Promise<{ [E in EntityName]: EntityRecordMap[E][] }> {
  const all: Record<string, AnyRecord[]> = Object.fromEntries(entityNames.map((e) => [e, []]));
  for (let cursor = 0; ; ) {
    const page = await store.pull(cursor, PAGE);
    for (const r of page.records) if (!r.deleted) all[r.entity]?.push({ ...r.data, rev: r.version } as AnyRecord);
    cursor = page.cursor;
    if (!page.more) break;
  }
  return all as { [E in EntityName]: EntityRecordMap[E][] };
}

/** The ledger's four lists (what every report and export reads). */
export async function loadLedger(store: SyncStore): Promise<LedgerRecords> {
  const all = await loadRecords(store);
  return { areas: all.area, departments: all.department, problems: all.problem, measures: all.measure };
}

export type ImportOptions = {
  user: SessionUser;
  locale: Locale;
  entity?: ImportEntity;
  encoding?: Encoding;
  sheet?: string;
  headerRow?: number;
  /** Columns (by header) to map to a field other than the one guessed (the field by its label), or to none. */
  map?: { column: string; field: string }[];
  ignore?: string[];
  /** The file's name, recorded with its hash in the audit trail of what it creates. */
  fileName?: string;
  createDepartments: boolean;
  /** Create the problems, areas and units a flat ledger names that the ledger lacks. */
  createMissing?: boolean;
  /** Import the good rows and leave out the bad ones, instead of refusing the file. */
  skipBadRows: boolean;
  dryRun: boolean;
};

export type ImportReport = {
  entity: ImportEntity;
  /** How the file was read: its format, encoding and delimiter (or sheet), header row and column mapping. */
  file: Pick<ReadFile, 'format' | 'encoding' | 'delimiter' | 'sheet' | 'sheets' | 'headerRow' | 'mapping'> & { header: string[] };
  counts: PlanCounts;
  created: CreatedCounts;
  missingProblems: number;
  numberIsRowCounter: boolean;
  /** Row, column and reason of every problem found, the plan's and the server's. */
  issues: Table;
  /** Lines the parser could not read (an unclosed quote…): the file is refused. */
  parseErrors: number;
  /** Changes the server refused: the whole file is then rolled back. */
  refused: number;
  committed: boolean;
  applied: number;
  conflicts: number;
};

class Rollback extends Error {}

/** The mapping guessed, corrected by the user's --map 列名=字段 and --ignore 列名; a name that fits nothing is refused. */
export function correctMapping(t: Translate, entity: ImportEntity, header: string[], guessed: (ColumnKey | null)[], map: { column: string; field: string }[], ignore: string[]): (ColumnKey | null)[] {
  const columns = columnsOf(entity);
  const indexOf = (option: string, column: string) => {
    const i = header.findIndex((h) => h.trim() === column.trim());
    if (i < 0) throw new Error(t('cli.unknownColumn', { option, column, columns: header.join('、') }));
    return i;
  };
  const mapping = [...guessed];
  for (const { column, field } of map) {
    const wanted = field.trim().toLowerCase();
    const found = columns.find((c) => c.key.toLowerCase() === wanted || fieldLabel(t, entity, c.key).toLowerCase() === wanted || c.headers.some((h) => h.toLowerCase() === wanted));
    if (!found) throw new Error(t('cli.unknownField', { field, allowed: columns.map((c) => fieldLabel(t, entity, c.key)).join('、') }));
    const index = indexOf('--map', column);
    // A field is taken once: the column named gets it, whichever column had it before gives it up.
    for (let i = 0; i < mapping.length; i++) if (mapping[i] === found.key) mapping[i] = null;
    mapping[index] = found.key;
  }
  for (const column of ignore) mapping[indexOf('--ignore', column)] = null;
  return mapping;
}

export async function importLedgerFile(store: SyncStore, bytes: Uint8Array, options: ImportOptions): Promise<ImportReport> {
  const t = createTranslator(options.locale);
  const file = await readFile(bytes, { encoding: options.encoding, entity: options.entity, sheet: options.sheet, headerRow: options.headerRow });
  const header = file.rows[0] ?? [];
  const mapping = correctMapping(t, file.entity, header, file.mapping, options.map ?? [], options.ignore ?? []);
  const now = new Date().toISOString();
  const lookups = lookupsOf(await loadLedger(store), t);
  const plan = planImport(file.rows, mapping, lookups, {
    entity: file.entity,
    createDepartments: options.createDepartments,
    createMissing: options.createMissing,
    missingFix: t('import.fix.cli'),
    actor: options.user.displayName,
    now,
    user: options.user,
    rowNumbers: file.rowNumbers,
  });
  const issues = issuesTable(t, plan);
  issues.rows.unshift(...file.parseErrors.map((issue) => [issue.row, '', t('import.severity.error'), describeParseIssue(t, issue)]));
  const report: ImportReport = {
    entity: file.entity,
    file: { format: file.format, encoding: file.encoding, delimiter: file.delimiter, sheet: file.sheet, sheets: file.sheets, headerRow: file.headerRow, mapping, header },
    counts: countPlan(plan),
    created: countCreated(plan),
    missingProblems: plan.missingProblems,
    numberIsRowCounter: plan.numberIsRowCounter,
    issues,
    parseErrors: file.parseErrors.length,
    refused: 0,
    committed: false,
    applied: 0,
    conflicts: 0,
  };
  const changes = file.parseErrors.length > 0 ? null : changesToCommit(plan, options.skipBadRows);
  // A dry run checks (the plan applies every rule the server would) and writes nothing at all.
  if (!changes || changes.length === 0 || options.dryRun) return report;

  const rowOf = new Map(plan.rows.flatMap((r) => (r.change ? [[r.change.id, r.row] as const] : [])));
  const clientId = newId();
  // A row without a version column is based on what the server holds now; with one (an earlier export), on
  // that version, so that fields changed since then become conflicts instead of being overwritten.
  const mutations = changes.map((change) => mutationOf(change, lookups.get(change.entity, change.id)?.rev ?? 0, clientId, options.user.displayName, now));
  const source = { file: options.fileName ?? '', sha256: createHash('sha256').update(bytes).digest('hex') };
  let results: MutationResult[] = [];
  try {
    await store.write(async (tx) => {
      results = await applyMutations(tx, mutations, now, options.user, { source });
      if (results.some((r) => r.status === 'rejected')) throw new Rollback();
    });
    report.committed = true;
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }
  for (const [i, result] of results.entries()) {
    if (result.status !== 'rejected' || !result.reason) continue;
    const change = changes[i]!;
    const field = result.reason.field ? fieldLabel(t, change.entity, result.reason.field) : '';
    issues.rows.push([rowOf.get(change.id) ?? '', field, t('import.severity.error'), describeReason(t, result.reason)]);
  }
  report.refused = results.filter((r) => r.status === 'rejected').length;
  report.applied = report.committed ? results.filter((r) => r.status === 'applied' || r.status === 'conflict').length : 0;
  report.conflicts = results.reduce((n, r) => n + (r.conflicts?.length ?? 0), 0);
  return report;
}

function mutationOf(change: Change, current: number, clientId: string, actor: string, at: string): Mutation {
  const base = { mutationId: newId(), clientId, entity: change.entity, id: change.id, actor, at };
  switch (change.op) {
    case 'create':
      return { ...base, op: 'create', fields: change.values, baseVersion: 0 };
    case 'update':
      return { ...base, op: 'update', fields: change.fields, baseVersion: Math.min(change.base ?? current, current) };
    case 'delete':
      return { ...base, op: 'delete', fields: {}, baseVersion: 0 };
  }
}

export type ExportFormat = 'csv' | 'xlsx';

export async function exportLedgerFile(store: SyncStore, kind: ExportKind, format: ExportFormat, locale: Locale): Promise<{ bytes: Uint8Array; rows: number }> {
  const t = createTranslator(locale);
  const table = ledgerTable(await loadLedger(store), kind, t);
  const rows = table.rows.length;
  if (format === 'csv') return { bytes: new TextEncoder().encode(writeTable(table.header, table.rows)), rows };
  return { bytes: await workbookBytes([ledgerSheet(table, kind, t)]), rows };
}

/** A workbook's bytes, with the layout write-excel-file has no option for (filter row, A4 one page wide). */
export async function workbookBytes(book: BookSheet[]): Promise<Uint8Array> {
  const { default: writeExcelFile } = await import('write-excel-file/node');
  const sheets = book.map(({ filter: _filter, fitToWidth: _fit, ...sheet }) => sheet);
  return (writeExcelFile as unknown as (sheets: unknown[], options: unknown) => { toBuffer(): Promise<Uint8Array> })(sheets, { features: [layoutFeature(book)] }).toBuffer();
}
