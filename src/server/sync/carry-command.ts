// npm run cli -- import-changes <file> [--as <username>] [--lang zh-CN|en]: a device's exported unsynced changes
// (导出未同步的修改) brought to the server from the command line. Its photos are checked (hash, type, size) and
// kept, then its changes go through the ordinary push path as their author's, carried by the importer.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { canCarryChanges, type SessionUser } from '#shared/auth/permissions.ts';
import { describeReason } from '#shared/i18n/describe-error.ts';
import { createTranslator, DEFAULT_LOCALE, type Locale, locales } from '#shared/i18n/translate.ts';
import { MAX_ATTACHMENT_BYTES, sniffType } from '#shared/model/attachment.ts';
import { parseUnsyncedFile, summarizeCarry, type UnsyncedFile } from '#shared/sync/unsynced-file.ts';
import type { MutationResult } from '#shared/sync/protocol.ts';
import { type AccountStore, toSessionUser } from '#server/store/account-store.ts';
import type { AttachmentStore } from '#server/store/attachment-store.ts';
import type { SyncStore } from '#server/store/sync-store.ts';
import { carryChanges } from './carry.ts';

export const IMPORT_CHANGES_USAGE = 'import-changes <file> [--as <username>] [--lang zh-CN|en]';

type Context = { store: SyncStore; accounts: AccountStore; attachments: AttachmentStore; print: (line: string) => void };

/** The command line carries as the named coordinator, or as itself (an administrator's console) when not told. */
const CONSOLE: SessionUser = { id: '00000000-0000-4000-8000-000000000000', username: 'cli', displayName: '命令行导入', role: 'admin', departmentIds: [] };

export async function runImportChanges(args: string[], { store, accounts, attachments, print }: Context): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { as: { type: 'string' }, lang: { type: 'string' } } });
  const path = positionals[0];
  if (!path) throw new Error(`usage: ${IMPORT_CHANGES_USAGE}`);
  const locale: Locale = values.lang && (locales as readonly string[]).includes(values.lang) ? (values.lang as Locale) : DEFAULT_LOCALE;
  const t = createTranslator(locale);
  const carrier = values.as === undefined ? CONSOLE : await carrierNamed(accounts, values.as);
  const parsed = parseUnsyncedFile(await readFile(path, 'utf8'));
  if (!parsed.ok) {
    print(t(`carry.${parsed.code}`));
    return 1;
  }
  const now = new Date().toISOString();
  for (const refused of await keepFiles(attachments, parsed.file, carrier, now)) print(t('carry.fileRefused', { name: refused }));
  const results: MutationResult[] = [];
  for (const request of parsed.requests) {
    const outcome = await carryChanges(store, accounts, request, carrier, now);
    if (!outcome.ok) {
      print(t(outcome.code === 'unknownAuthor' ? 'carry.unknownAuthor' : 'carry.authorDisabled', { name: parsed.file.account?.username ?? '' }));
      return 1;
    }
    results.push(...outcome.results);
  }
  const summary = summarizeCarry(results);
  print(t('carry.summary', { author: parsed.file.account?.displayName ?? '', applied: summary.applied, already: summary.already, conflicts: summary.conflicts, refused: summary.refused.length }));
  for (const r of summary.refused) {
    const m = parsed.file.changes.find((c) => c.mutation.mutationId === r.mutationId)?.mutation;
    print(t('carry.refusedLine', { entity: m ? t(`entity.${m.entity}`) : '', id: m?.id ?? '', reason: describeReason(t, { code: (r.reason?.code ?? 'invalid'), params: r.reason?.params }) }));
  }
  return summary.refused.length > 0 ? 1 : 0;
}

async function carrierNamed(accounts: AccountStore, username: string): Promise<SessionUser> {
  const row = await accounts.findByUsername(username);
  const user = row && !row.disabled ? toSessionUser(row) : null;
  if (!user || !canCarryChanges(user)) throw new Error(`--as ${username}: not an enabled coordinator or administrator account`);
  return user;
}

/** The file's photos, kept if their bytes are what they say; the names of those refused. */
async function keepFiles(attachments: AttachmentStore, file: UnsyncedFile, carrier: SessionUser, now: string): Promise<string[]> {
  const refused: string[] = [];
  for (const f of file.files) {
    const data = new Uint8Array(Buffer.from(f.base64, 'base64'));
    const type = sniffType(data.subarray(0, 16));
    const hash = createHash('sha256').update(data).digest('hex');
    if (type === null || hash !== f.hash || data.byteLength > MAX_ATTACHMENT_BYTES || data.byteLength === 0) refused.push(f.name);
    else await attachments.commit({ hash, type, size: data.byteLength, data }, carrier.displayName, now);
  }
  return refused;
}
