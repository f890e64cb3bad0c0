// The command line over the server's store: accounts, and import and export of the ledger.
//   npm run cli -- import <file> [--dry-run] [--skip-bad-rows] [--create-departments] [--entity …] [--as <username>]
//   npm run cli -- export <file.csv|file.xlsx> [--entity measure|problem|department|summary]
//   npm run cli -- import-changes <file.json> [--as <username>]   (a device's 导出未同步的修改 file)
//   npm run cli -- report weekly --week 2022-W44 --format xlsx|csv|json -o <file>   (本周调度表)
//   npm run cli -- report dashboard --as-of 2022-11-02 --format json|xlsx -o <file>  (总览)
//   npm run cli -- report monthly --month 2022-11 [--issue] --format docx|xlsx|json -o <file>  (每月通报; --issue: 发布为下一期)
//   npm run cli -- report summary --format docx|xlsx|csv -o <file>   (附件1, from the live ledger)
//   npm run cli -- report rectification --format docx -o <file>      (整改情况报告 draft)
//   npm run cli -- user add <username> --role admin|coordinator|staff|viewer [--name 张三] [--department 市财政局 ...]
//   npm run cli -- user passwd <username>        (asks for the password; or pipe it in)
//   npm run cli -- user list
//   npm run cli -- template <file.xlsx>               (the import template)
// Messages are Chinese unless --lang en is given.
// The password is read from the terminal without echo, or from standard input when piped.
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { roles, type Role } from '#shared/auth/permissions.ts';
import { createTranslator } from '#shared/i18n/translate.ts';
import { addUser, setPassword } from './auth/accounts.ts';
import { FIRST_ADMIN, forgetInitialPassword, initialPasswordFile } from './auth/initial-password.ts';
import { loadConfig } from './config.ts';
import { createAccountStore } from './store/account-store.ts';
import { createAttachmentStore } from './store/attachment-store.ts';
import { openDatabase } from './store/database.ts';
import { createSyncStore } from './store/sync-store.ts';
import { IMPORT_CHANGES_USAGE, runImportChanges } from './sync/carry-command.ts';
import { REPORT_USAGE, runReport } from './transfer/report-commands.ts';
import { EXPORT_USAGE, IMPORT_USAGE, localeOf, runExport, runImport, runTemplate, TEMPLATE_USAGE } from './transfer/transfer-commands.ts';

async function readPassword(prompt: string): Promise<string> {
  if (!process.stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
  }
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  // Echo nothing while the password is typed.
  (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => {
    if (s.includes(prompt)) process.stdout.write(prompt);
  };
  const answer = await new Promise<string>((resolve) => rl.question(prompt, resolve));
  rl.close();
  process.stdout.write('\n');
  return answer;
}

async function main(argv: string[]): Promise<number> {
  const [group, command, ...rest] = argv;
  const t = createTranslator(localeOf(argv));
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const accounts = createAccountStore(database.db);
  const context = { store: createSyncStore(database.db, database.dialect), accounts, print: (line: string) => console.log(line) };
  const lang = { lang: { type: 'string' as const } };
  try {
    if (group === 'import') return await runImport(argv.slice(1), context);
    if (group === 'export') return await runExport(argv.slice(1), context);
    if (group === 'template') return await runTemplate(argv.slice(1), context);
    if (group === 'report') return await runReport(argv.slice(1), context);
    if (group === 'import-changes') return await runImportChanges(argv.slice(1), { ...context, attachments: createAttachmentStore(database.db) });
    if (group === 'user' && command === 'add') {
      const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { role: { type: 'string' }, name: { type: 'string' }, department: { type: 'string', multiple: true }, ...lang } });
      const username = positionals[0];
      const role = values.role as Role | undefined;
      if (!username || !role || !roles.includes(role)) throw new Error(t('cli.usage', { usage: `user add <username> --role ${roles.join('|')} [--name 显示名] [--department 单位 ...]` }));
      const names = values.department ?? [];
      const found = await accounts.departmentIdsByName(names);
      const unknown = names.filter((n) => !found.has(n));
      if (unknown.length > 0) throw new Error(t('cli.unknownDepartments', { names: unknown.join('、') }));
      if (await accounts.findByUsername(username)) throw new Error(t('account.error.exists', { username }));
      const password = await readPassword(t('cli.password', { username }));
      if (password.length < 8) throw new Error(t('account.error.shortPassword'));
      const user = await addUser(accounts, { username, displayName: values.name, password, role, departmentIds: names.map((n) => found.get(n) ?? '') });
      console.log(t('cli.userCreated', { username: user.username, role: t(`account.role.${user.role}`) }));
    } else if (group === 'user' && command === 'passwd') {
      const username = rest.find((a) => !a.startsWith('--') && a !== 'en' && a !== 'zh-CN');
      if (!username) throw new Error(t('cli.usage', { usage: 'user passwd <username>' }));
      if (!(await accounts.findByUsername(username))) throw new Error(t('account.error.missing', { username }));
      const password = await readPassword(t('cli.newPassword', { username }));
      if (password.length < 8) throw new Error(t('account.error.shortPassword'));
      await setPassword(accounts, username, password);
      if (username === FIRST_ADMIN) await forgetInitialPassword(initialPasswordFile(config.dataDir));
      console.log(t('cli.passwordChanged', { username }));
    } else if (group === 'user' && command === 'list') {
      for (const u of await accounts.listUsers()) {
        console.log(t('cli.userLine', { username: u.username, role: t(`account.role.${u.role}`), name: u.displayName, departments: u.departmentIds.length, disabled: u.disabled ? t('cli.userDisabled') : '' }));
      }
    } else {
      throw new Error([t('cli.commands'), IMPORT_USAGE, EXPORT_USAGE, TEMPLATE_USAGE, IMPORT_CHANGES_USAGE, REPORT_USAGE, 'user add | user passwd | user list'].join('\n  '));
    }
    return 0;
  } finally {
    await database.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
