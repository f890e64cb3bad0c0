// Writes docs/examples/: the 每月通报 (第 1 期, 2022-11 as of the seed's report day), 附件1 and the 整改情况报告
// draft made from the sample ledger, with the command line's own writers, so a reader can open them.
//   npx tsx scripts/write-examples.ts
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createTranslator } from '../src/shared/i18n/translate.ts';
import { draftBulletin } from '../src/shared/report/bulletin.ts';
import { buildSampleLedger } from '../src/shared/sample/build-sample.ts';
import { annexBytes, bulletinBytes, rectificationBytes } from '../src/server/transfer/bulletin-commands.ts';

const t = createTranslator('zh-CN');
const sample = buildSampleLedger(readFileSync(new URL('../src/shared/sample/seed-report.txt', import.meta.url), 'utf8'));
const info = sample.ledgerInfo[0] ?? null;
const asOf = '2022-11-02';
const dir = new URL('../docs/examples/', import.meta.url);
mkdirSync(dir, { recursive: true });
const bulletin = draftBulletin(sample, [], info?.title ?? '', '2022-11', asOf);
const files: [string, Uint8Array][] = [
  ['bulletin-2022-11-no1.docx', await bulletinBytes(bulletin, 'docx', t)],
  ['bulletin-2022-11-no1.xlsx', await bulletinBytes(bulletin, 'xlsx', t)],
  ['annex-1-summary.docx', await annexBytes(sample, 'docx', t)],
  ['annex-1-summary.xlsx', await annexBytes(sample, 'xlsx', t)],
  ['annex-1-summary.csv', await annexBytes(sample, 'csv', t)],
  ['rectification-report-draft.docx', await rectificationBytes(sample, info, asOf, t)],
];
for (const [name, bytes] of files) {
  writeFileSync(new URL(name, dir), bytes);
  console.log(`docs/examples/${name}  ${(bytes.length / 1024).toFixed(1)} kB`);
}
