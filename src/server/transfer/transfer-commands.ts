// The command line's import and export: arguments in, a report on the terminal (in the catalogue's language),
// and an exit code a script can trust: 0 only when the file was imported whole (or checked, on a dry run).
import { readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { type SessionUser, sessionUserSchema } from '#shared/auth/permissions.ts';
import { type Encoding, encodings } from '#shared/csv/decode.ts';
import { importEntities, type ImportEntity } from '#shared/csv/import-file.ts';
import { type ExportKind, exportKinds } from '#shared/csv/ledger-table.ts';
import { writeTable } from '#shared/csv/table.ts';
import { describeRefusal } from '#shared/csv/import-file.ts';
import { fieldLabel } from '#shared/i18n/describe-error.ts';
import { createTranslator, DEFAULT_LOCALE, type Locale, locales, type Translate } from '#shared/i18n/translate.ts';
import type { AccountStore } from '#server/store/account-store.ts';
import type { SyncStore } from '#server/store/sync-store.ts';
import { templateBook } from '#shared/csv/template.ts';
import { type ExportFormat, exportLedgerFile, importLedgerFile, workbookBytes } from './ledger-file.ts';

export const IMPORT_USAGE =
  'import <file.xlsx|file.csv> [--create-missing] [--dry-run] [--sheet 工作表] [--header-row N] [--map 列名=字段 ...] [--ignore 列名 ...] [--entity measure|problem|department] [--encoding utf-8|gb18030|utf-16le|utf-16be] [--create-departments] [--skip-bad-rows] [--as <username>] [--report <file.csv>] [--lang zh-CN|en]';
export const TEMPLATE_USAGE = 'template <file.xlsx> [--lang zh-CN|en]';
export const EXPORT_USAGE = 'export <file> [--format csv|xlsx|summary] [--entity measure|problem|department|summary] [--lang zh-CN|en]';

const SHOWN_ISSUES = 50;

type Context = { store: SyncStore; accounts: AccountStore; print: (line: string) => void };

/** The --lang of a command line, read before anything else so that even its errors are in that language. */
export function localeOf(args: readonly string[]): Locale {
  const i = args.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const value = i < 0 ? undefined : args[i]!.includes('=') ? args[i]!.split('=')[1] : args[i + 1];
  return value === 'en' ? 'en' : DEFAULT_LOCALE;
}

export function oneOf<T extends string>(t: Translate, value: string | undefined, allowed: readonly T[], option: string): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) throw new Error(t('cli.badOption', { option, value, allowed: allowed.join('、') }));
  return value as T;
}

/** The command line acts as an administrator unless told to act as an account (whose permissions then apply). */
export async function actor(t: Translate, accounts: AccountStore, username: string | undefined): Promise<SessionUser> {
  if (username === undefined) return { id: '00000000-0000-4000-8000-000000000000', username: 'cli', displayName: '命令行导入', role: 'admin', departmentIds: [] };
  const row = await accounts.findByUsername(username);
  if (!row || row.disabled) throw new Error(t('cli.unknownAccount', { username }));
  return sessionUserSchema.parse({ id: row.id, username: row.username, displayName: row.display_name, role: row.role, departmentIds: row.departmentIds });
}

export async function runImport(args: string[], { store, accounts, print }: Context): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      entity: { type: 'string' },
      encoding: { type: 'string' },
      'create-departments': { type: 'boolean', default: false },
      'create-missing': { type: 'boolean', default: false },
      sheet: { type: 'string' },
      'header-row': { type: 'string' },
      map: { type: 'string', multiple: true },
      ignore: { type: 'string', multiple: true },
      'skip-bad-rows': { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
      as: { type: 'string' },
      report: { type: 'string' },
      lang: { type: 'string' },
    },
  });
  const locale = localeOf(args);
  const t = createTranslator(locale);
  oneOf<Locale>(t, values.lang, locales, '--lang');
  const path = positionals[0];
  if (!path) throw new Error(t('cli.usage', { usage: IMPORT_USAGE }));
  const map = (values.map ?? []).map((pair) => {
    const at = pair.indexOf('=');
    if (at <= 0) throw new Error(t('cli.badMap', { value: pair }));
    return { column: pair.slice(0, at), field: pair.slice(at + 1) };
  });
  const headerRow = values['header-row'] === undefined ? undefined : Number(values['header-row']);
  if (headerRow !== undefined && !(Number.isInteger(headerRow) && headerRow > 0)) throw new Error(t('cli.badOption', { option: '--header-row', value: values['header-row'] ?? '', allowed: '1、2、3…' }));
  let report;
  try {
    report = await importLedgerFile(store, new Uint8Array(await readFile(path)), {
      user: await actor(t, accounts, values.as),
      locale,
      entity: oneOf<ImportEntity>(t, values.entity, importEntities, '--entity'),
      encoding: oneOf<Encoding>(t, values.encoding, encodings, '--encoding'),
      sheet: values.sheet,
      headerRow,
      map,
      ignore: values.ignore,
      fileName: basename(path),
      createDepartments: values['create-departments'],
      createMissing: values['create-missing'],
      skipBadRows: values['skip-bad-rows'],
      dryRun: values['dry-run'],
    });
  } catch (error) {
    const refusal = describeRefusal(t, error);
    if (!refusal) throw error;
    print(t('cli.refusedFile', { reason: refusal }));
    return 1;
  }
  printHowRead(t, report, print);
  print(t('import.counts', report.counts));
  if (report.created.problems + report.created.departments + report.created.areas > 0) {
    print(t('cli.willCreate', { problems: report.created.problems, measures: report.counts.creates, departments: report.created.departments, areas: report.created.areas }));
  } else if (report.missingProblems > 0) {
    print(t('cli.missingProblems', { count: report.missingProblems }));
  }
  for (const [row, column, , reason] of report.issues.rows.slice(0, SHOWN_ISSUES)) {
    const params = { row: String(row), column: String(column), reason: String(reason) };
    print(row === '' ? t('cli.issueFile', params) : column === '' ? t('cli.issueRow', params) : t('cli.issue', params));
  }
  if (report.issues.rows.length > SHOWN_ISSUES && !values.report) print(t('cli.issuesMore', { count: report.issues.rows.length - SHOWN_ISSUES }));
  if (values.report && report.issues.rows.length > 0) {
    await writeFile(values.report, writeTable(report.issues.header, report.issues.rows));
    print(t('cli.reportSaved', { file: values.report }));
  }
  if (report.committed) {
    print(t('cli.importCommitted', { applied: report.applied }));
    if (report.conflicts > 0) print(t('cli.importConflicts', { count: report.conflicts }));
    return 0;
  }
  const refused = report.refused + (values['skip-bad-rows'] ? 0 : report.counts.errorRows) + report.parseErrors;
  if (refused > 0) {
    print(t('cli.importRefused', { count: refused }));
    return 1;
  }
  print(values['dry-run'] && report.counts.creates + report.counts.updates > 0 ? t('cli.importDryRun') : t('cli.importNothing'));
  return 0;
}

/** How the file was read, so that a wrong guess can be seen and corrected with --sheet, --header-row and --map. */
function printHowRead(t: Translate, report: Awaited<ReturnType<typeof importLedgerFile>>, print: (line: string) => void): void {
  const { file } = report;
  print(
    file.format === 'xlsx'
      ? t('cli.fileXlsx', { sheet: file.sheet, sheets: file.sheets.length, names: file.sheets.join('、'), header: file.headerRow })
      : t('cli.fileCsv', { encoding: t(`encoding.${file.encoding}`), delimiter: t(`delimiter.${file.delimiter === '\t' ? 'tab' : file.delimiter === ';' ? 'semicolon' : 'comma'}`), header: file.headerRow }),
  );
  print(t('cli.mappingTitle'));
  file.header.forEach((column, i) => {
    const key = file.mapping[i];
    print(key ? t('cli.mapping', { column, field: fieldLabel(t, report.entity, key) }) : t('cli.mappingSkipped', { column }));
  });
  if (report.numberIsRowCounter) print(t('cli.rowCounter'));
}

export async function runExport(args: string[], { store, print }: Context): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { entity: { type: 'string' }, format: { type: 'string' }, lang: { type: 'string' } } });
  const locale = localeOf(args);
  const t = createTranslator(locale);
  oneOf<Locale>(t, values.lang, locales, '--lang');
  const path = positionals[0];
  if (!path) throw new Error(t('cli.usage', { usage: EXPORT_USAGE }));
  // --format summary is the report's table 附件1 (as --entity summary); the file type follows the name unless given.
  const asked = oneOf(t, values.format, ['csv', 'xlsx', 'summary'] as const, '--format');
  const format: ExportFormat = asked === 'csv' || asked === 'xlsx' ? asked : path.toLowerCase().endsWith('.xlsx') ? 'xlsx' : 'csv';
  const kind = asked === 'summary' ? 'summary' : (oneOf<ExportKind>(t, values.entity, exportKinds, '--entity') ?? 'measure');
  const { bytes, rows } = await exportLedgerFile(store, kind, format, locale);
  await writeFile(path, bytes);
  print(createTranslator(locale)('cli.exported', { rows, file: path }));
  return 0;
}

/** 下载导入模板 from the command line: the same workbook as the import dialog's. */
export async function runTemplate(args: string[], { print }: Context): Promise<number> {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: { lang: { type: 'string' } } });
  const t = createTranslator(localeOf(args));
  const path = positionals[0];
  if (!path) throw new Error(t('cli.usage', { usage: TEMPLATE_USAGE }));
  await writeFile(path, await workbookBytes(templateBook(t)));
  print(t('cli.templateSaved', { file: path }));
  return 0;
}
