// npm run cli -- report weekly | dashboard: the shared report computation over the server's store, written as
// the same sheet the browser prints and exports (.xlsx, .csv) or as the figures themselves (.json).
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { createTranslator, DEFAULT_LOCALE, type Locale, locales } from '#shared/i18n/translate.ts';
import { isoDateSchema, todayIso } from '#shared/model/dates.ts';
import { type AuditRow, computeDashboard, computeWeekly, dashboardSheet, endOfDay, excelSheet, parseWeek, type ReportSheet, sheetCsv, weekOf, weeklySheet } from '#shared/report/index.ts';
import type { AccountStore } from '#server/store/account-store.ts';
import type { SyncStore } from '#server/store/sync-store.ts';
import { BULLETIN_USAGE, runBulletinReport } from './bulletin-commands.ts';
import { loadLedger } from './ledger-file.ts';
import { actor } from './transfer-commands.ts';

export const REPORT_USAGE = `${BULLETIN_USAGE} | report weekly [--week 2022-W44] --format xlsx|csv|json -o <file> | report dashboard [--as-of 2022-11-02] --format json|xlsx -o <file> [--lang zh-CN|en]`;

type Context = { store: SyncStore; accounts: AccountStore; print: (line: string) => void };

async function sheetBytes(sheet: ReportSheet, format: 'xlsx' | 'csv'): Promise<Uint8Array> {
  if (format === 'csv') return new TextEncoder().encode(sheetCsv(sheet));
  const { default: writeExcelFile } = await import('write-excel-file/node');
  const { rows, options } = excelSheet(sheet);
  return writeExcelFile(rows as never, options).toBuffer();
}

export async function runReport(args: string[], { store, accounts, print }: Context): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { week: { type: 'string' }, 'as-of': { type: 'string' }, format: { type: 'string' }, o: { type: 'string' }, output: { type: 'string' }, lang: { type: 'string' }, month: { type: 'string' }, issue: { type: 'boolean', default: false }, as: { type: 'string' }, number: { type: 'string' } },
  });
  const kind = positionals[0];
  const out = values.o ?? values.output;
  const format = values.format ?? 'json';
  const locale: Locale = (locales as readonly string[]).includes(values.lang ?? '') ? (values.lang as Locale) : DEFAULT_LOCALE;
  const t = createTranslator(locale);
  if (out && (kind === 'monthly' || kind === 'summary' || kind === 'rectification')) {
    const user = await actor(t, accounts, values.as);
    print(await runBulletinReport(kind, store, { number: values.number, month: values.month, asOf: values['as-of'], format: values.format ?? (kind === 'summary' ? 'csv' : 'docx'), out, issue: values.issue, user, t }));
    return 0;
  }
  if (!out || (kind !== 'weekly' && kind !== 'dashboard')) throw new Error(t('cli.usage', { usage: REPORT_USAGE }));
  const records = await loadLedger(store);
  const today = todayIso();
  if (kind === 'weekly') {
    if (!['xlsx', 'csv', 'json'].includes(format)) throw new Error(`--format: ${format} (xlsx|csv|json)`);
    const week = values.week ? parseWeek(values.week) : weekOf(today);
    if (!week) throw new Error(t('weekly.badWeek', { week: values.week ?? '' }));
    const report = computeWeekly(records, week, { today });
    const bytes = format === 'json' ? new TextEncoder().encode(JSON.stringify(report, null, 2)) : await sheetBytes(weeklySheet(report, t), format as 'xlsx' | 'csv');
    await writeFile(out, bytes);
    print(`${week.label}: ${t('weekly.summary', { ...report.totals })} → ${out}`);
    return 0;
  }
  if (!['xlsx', 'json'].includes(format)) throw new Error(`--format: ${format} (json|xlsx)`);
  const asOf = values['as-of'] ?? today;
  if (!isoDateSchema.safeParse(asOf).success) throw new Error(`--as-of: ${asOf} (YYYY-MM-DD)`);
  // The server holds the audit trail: a past day's figures also undo every change received after it.
  const audit: AuditRow[] = (await accounts.listAuditSince(new Date(endOfDay(asOf)).toISOString())).map((row) => ({
    seq: row.change_seq,
    receivedAt: row.received_at,
    entity: row.entity as AuditRow['entity'],
    recordId: row.record_id,
    op: row.op as AuditRow['op'],
    field: row.field,
    oldValue: row.old_value === null ? null : (JSON.parse(row.old_value) as unknown),
  }));
  const dashboard = computeDashboard(records, { asOf, audit });
  const bytes = format === 'json' ? new TextEncoder().encode(JSON.stringify(dashboard, null, 2)) : await sheetBytes(dashboardSheet(dashboard, t), 'xlsx');
  await writeFile(out, bytes);
  print(`${asOf}: ${dashboard.measures.count} ${t('dashboard.measures')}, ${t('dashboard.completion')} ${dashboard.completion.done.count}/${dashboard.completion.total.count} → ${out}`);
  return 0;
}
