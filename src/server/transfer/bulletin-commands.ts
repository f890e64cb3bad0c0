// npm run cli -- report monthly | summary | rectification: the 每月通报 (a draft, or --issue to freeze it as the
// next 期 in the store, synced to every device), 附件1 from the live ledger and the 整改情况报告 draft, written by the
// same shared builders as the browser (.docx, .xlsx, .csv, .json).
import { writeFile } from 'node:fs/promises';
import { packDocx } from '#shared/docx/docx-kit.ts';
import { ledgerSheet } from '#shared/csv/ledger-table.ts';
import { writeTable } from '#shared/csv/table.ts';
import { describeReason } from '#shared/i18n/describe-error.ts';
import type { Translate } from '#shared/i18n/translate.ts';
import type { LedgerRecords } from '#shared/csv/lookups.ts';
import type { BulletinData } from '#shared/model/bulletin.ts';
import type { LedgerInfo } from '#shared/model/ledger-info.ts';
import { isoDateSchema, todayIso } from '#shared/model/dates.ts';
import { newId } from '#shared/model/ids.ts';
import { annexDoc, annexTable, bulletinDoc, bulletinSheets, computeAnnex, computeRectification, draftBulletin, excelBook, monthDays, rectificationDoc, type ReportSheet } from '#shared/report/index.ts';
import type { SessionUser } from '#shared/auth/permissions.ts';
import type { Mutation } from '#shared/sync/protocol.ts';
import type { SyncStore } from '#server/store/sync-store.ts';
import { applyMutations } from '#server/sync/push.ts';
import { loadRecords, workbookBytes } from './ledger-file.ts';

export const BULLETIN_USAGE = 'report monthly --month 2022-11 [--as-of 2022-11-30] [--issue] --format docx|xlsx|json -o <file> | report monthly --number N --format docx|xlsx|json -o <file> | report summary --format docx|xlsx|csv -o <file> | report rectification [--as-of 2022-11-02] --format docx -o <file>';

export type BulletinOptions = { number?: string; month?: string; asOf?: string; format: string; out: string; issue: boolean; user: SessionUser; t: Translate };

function check(format: string, allowed: readonly string[], t: Translate) {
  if (!allowed.includes(format)) throw new Error(t('cli.badOption', { option: '--format', value: format, allowed: allowed.join('、') }));
}

async function booksBytes(sheets: ReportSheet[]): Promise<Uint8Array> {
  const { default: writeExcelFile } = await import('write-excel-file/node');
  return (writeExcelFile as unknown as (sheets: unknown[]) => { toBuffer(): Promise<Uint8Array> })(excelBook(sheets)).toBuffer();
}

/** Freezes the bulletin as the next 期: one record created in the store, as the acting account, refused by its rights. */
async function issue(store: SyncStore, data: BulletinData, user: SessionUser, t: Translate): Promise<void> {
  const at = new Date().toISOString();
  const mutation: Mutation = { mutationId: newId(), clientId: newId(), entity: 'bulletin', id: newId(), op: 'create', fields: { number: data.number, month: data.month, data }, baseVersion: 0, actor: user.displayName, at };
  await store.write(async (tx) => {
    const [result] = await applyMutations(tx, [mutation], at, user);
    // Thrown inside the write: nothing of a refused issue is kept.
    if (result?.status !== 'applied') throw new Error(result?.reason?.code === 'forbidden' || !result?.reason ? t('bulletin.view.noRight') : describeReason(t, result.reason));
  });
}

/** 附件1 from the live ledger as a file. */
export async function annexBytes(records: LedgerRecords, format: string, t: Translate): Promise<Uint8Array> {
  const table = annexTable(records, t);
  if (format === 'docx') return packDocx(annexDoc(computeAnnex(records, t), t));
  if (format === 'xlsx') return workbookBytes([ledgerSheet(table, 'summary', t)]);
  return new TextEncoder().encode(writeTable(table.header, table.rows));
}

/** The 整改情况报告 draft as a .docx, 附件1 in it. */
export async function rectificationBytes(records: LedgerRecords, info: LedgerInfo | null, asOf: string, t: Translate): Promise<Uint8Array> {
  return packDocx(rectificationDoc(computeRectification(records, info, asOf), computeAnnex(records, t), t));
}

/** A bulletin (a draft or an issued one's figures) as a file. */
export async function bulletinBytes(data: BulletinData, format: string, t: Translate): Promise<Uint8Array> {
  if (format === 'docx') return packDocx(bulletinDoc(data, t));
  if (format === 'xlsx') return booksBytes(bulletinSheets(data, t));
  return new TextEncoder().encode(JSON.stringify(data, null, 2));
}

export async function runBulletinReport(kind: 'monthly' | 'summary' | 'rectification', store: SyncStore, options: BulletinOptions): Promise<string> {
  const { t, format, out } = options;
  const all = await loadRecords(store);
  const records = { areas: all.area, departments: all.department, problems: all.problem, measures: all.measure };
  const info = all.ledgerInfo[0] ?? null;
  const asOf = options.asOf ?? todayIso();
  if (options.asOf !== undefined && !isoDateSchema.safeParse(options.asOf).success) throw new Error(`--as-of: ${options.asOf} (YYYY-MM-DD)`);
  if (kind === 'summary') {
    check(format, ['docx', 'xlsx', 'csv'], t);
    await writeFile(out, await annexBytes(records, format, t));
    return t('cli.exported', { rows: records.problems.length, file: out });
  }
  if (kind === 'rectification') {
    check(format, ['docx'], t);
    const { counts } = computeRectification(records, info, asOf);
    await writeFile(out, await rectificationBytes(records, info, asOf, t));
    return `${t('rectification.summary', { problems: counts.problems, measures: counts.measures, done: counts.done })} → ${out}`;
  }
  check(format, ['docx', 'xlsx', 'json'], t);
  const month = options.month ?? todayIso().slice(0, 7);
  if (!monthDays(month)) throw new Error(t('bulletin.badMonth', { month }));
  // --number: an issued bulletin as it was issued; otherwise the next one's draft (issued with --issue).
  const issued = options.number === undefined ? null : all.bulletin.find((b) => String(b.number) === options.number);
  if (options.number !== undefined && !issued) throw new Error(t('bulletin.notIssued', { number: options.number }));
  const data = issued ? issued.data : draftBulletin(records, all.bulletin, info?.title ?? '', month, options.asOf);
  if (options.issue && !issued) await issue(store, data, options.user, t);
  await writeFile(out, await bulletinBytes(data, format, t));
  const line = t('bulletin.summary', { number: data.number, month: data.month, asOf: data.asOf, measures: data.overall.measures, done: data.overall.done, red: data.overall.red });
  return `${options.issue && !issued ? `${t('bulletin.issued', { number: data.number })}. ` : ''}${line} → ${out}`;
}
