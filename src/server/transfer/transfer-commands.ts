// The command line's import and export: arguments in, a report on the terminal (in the catalogue's language),
// and an exit code a script can trust: 0 only when the file was imported whole (or checked, on a dry run).
import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { type SessionUser, sessionUserSchema } from '#shared/auth/permissions.ts';
import { type Encoding, encodings } from '#shared/csv/decode.ts';
import { importEntities, type ImportEntity } from '#shared/csv/import-file.ts';
import { type ExportKind, exportKinds } from '#shared/csv/ledger-table.ts';
import { writeTable } from '#shared/csv/table.ts';
import { createTranslator, DEFAULT_LOCALE, type Locale, locales } from '#shared/i18n/translate.ts';
import type { AccountStore } from '#server/store/account-store.ts';
import type { SyncStore } from '#server/store/sync-store.ts';
import { type ExportFormat, exportLedgerFile, importLedgerFile } from './ledger-file.ts';

export const IMPORT_USAGE =
  'import <file> [--entity measure|problem|department] [--encoding utf-8|gb18030|utf-16le|utf-16be] [--create-departments] [--skip-bad-rows] [--dry-run] [--as <username>] [--report <file.csv>] [--lang zh-CN|en]';
export const EXPORT_USAGE = 'export <file> [--format csv|xlsx|summary] [--entity measure|problem|department|summary] [--lang zh-CN|en]';

const SHOWN_ISSUES = 50;

type Context = { store: SyncStore; accounts: AccountStore; print: (line: string) => void };

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], what: string): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) throw new Error(`${what}: ${value} (${allowed.join('|')})`);
  return value as T;
}

/** The command line acts as an administrator unless told to act as an account (whose permissions then apply). */
async function actor(accounts: AccountStore, username: string | undefined): Promise<SessionUser> {
  if (username === undefined) return { id: '00000000-0000-4000-8000-000000000000', username: 'cli', displayName: '命令行导入', role: 'admin', departmentIds: [] };
  const row = await accounts.findByUsername(username);
  if (!row || row.disabled) throw new Error(`unknown or disabled account: ${username}`);
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
      'skip-bad-rows': { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
      as: { type: 'string' },
      report: { type: 'string' },
      lang: { type: 'string' },
    },
  });
  const path = positionals[0];
  if (!path) throw new Error(`usage: ${IMPORT_USAGE}`);
  const locale = oneOf<Locale>(values.lang, locales, '--lang') ?? DEFAULT_LOCALE;
  const t = createTranslator(locale);
  const report = await importLedgerFile(store, new Uint8Array(await readFile(path)), {
    user: await actor(accounts, values.as),
    locale,
    entity: oneOf<ImportEntity>(values.entity, importEntities, '--entity'),
    encoding: oneOf<Encoding>(values.encoding, encodings, '--encoding'),
    createDepartments: values['create-departments'],
    skipBadRows: values['skip-bad-rows'],
    dryRun: values['dry-run'],
  });
  print(t('import.counts', report.counts));
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

export async function runExport(args: string[], { store, print }: Context): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { entity: { type: 'string' }, format: { type: 'string' }, lang: { type: 'string' } } });
  const path = positionals[0];
  if (!path) throw new Error(`usage: ${EXPORT_USAGE}`);
  // --format summary is the report's table 附件1 (as --entity summary); the file type follows the name unless given.
  const asked = oneOf(values.format, ['csv', 'xlsx', 'summary'] as const, '--format');
  const format: ExportFormat = asked === 'csv' || asked === 'xlsx' ? asked : path.toLowerCase().endsWith('.xlsx') ? 'xlsx' : 'csv';
  const locale = oneOf<Locale>(values.lang, locales, '--lang') ?? DEFAULT_LOCALE;
  const kind = asked === 'summary' ? 'summary' : (oneOf<ExportKind>(values.entity, exportKinds, '--entity') ?? 'measure');
  const { bytes, rows } = await exportLedgerFile(store, kind, format, locale);
  await writeFile(path, bytes);
  print(createTranslator(locale)('cli.exported', { rows, file: path }));
  return 0;
}
