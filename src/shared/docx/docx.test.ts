// The Word files read back (word/document.xml unzipped): the bulletin's title, 期号 and table rows, header rows
// that repeat, 附件1 and the report; an issued bulletin's file unchanged by a later change of the ledger.
import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { createTranslator } from '../i18n/translate.ts';
import type { Bulletin } from '../model/bulletin.ts';
import { bulletinSchema } from '../model/bulletin.ts';
import { newId } from '../model/ids.ts';
import { buildSampleLedger } from '../sample/build-sample.ts';
import { computeAnnex } from '../report/annex.ts';
import { computeBulletin } from '../report/bulletin.ts';
import { bulletinDoc } from '../report/bulletin-doc.ts';
import { computeRectification } from '../report/rectification.ts';
import { annexDoc, rectificationDoc } from '../report/rectification-doc.ts';
import { packDocx } from './docx-kit.ts';

const t = createTranslator('zh-CN');
const sample = buildSampleLedger(readFileSync(new URL('../sample/seed-report.txt', import.meta.url), 'utf8'));
const ledger = sample.ledgerInfo[0]!.title;

/** The document's XML, and its text paragraph by paragraph and table row by row. */
function readDocx(bytes: Uint8Array) {
  const xml = new TextDecoder().decode(unzipSync(bytes)['word/document.xml']);
  const textOf = (part: string) => [...part.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
  const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => textOf(m[0]));
  const tables = [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((tbl) => [...tbl[0].matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((tr) => [...tr[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((tc) => textOf(tc[0]))));
  return { xml, paragraphs, tables };
}

describe('the bulletin as a Word document', () => {
  const data = computeBulletin(sample, { month: '2022-11', asOf: '2022-11-02', number: 1, ledger });

  it('has the title, the 期号 line, the sections and the unit table with a repeating header row', async () => {
    const doc = readDocx(await packDocx(bulletinDoc(data, t)));
    expect(doc.paragraphs[0]).toBe('商丘市优化营商环境执法检查问题整改台账工作通报');
    expect(doc.paragraphs[1]).toBe('第 1 期　　（2022-11，截至 2022-11-02）');
    expect(doc.paragraphs).toContain('一、总体推进情况');
    expect(doc.paragraphs).toContain('截至 2022-11-02，台账共有问题 10 个、整改措施 202 项，已完成 26 项（其中已销号 0 项），完成率 12.9%；逾期 1 项，红灯 1 项。');
    const [units, red] = doc.tables;
    expect(units![0]).toEqual(['排名', '牵头单位', '牵头措施', '已完成', '已销号', '逾期', '完成率']);
    expect(units!.slice(1, 3)).toEqual([
      ['1', '市中级人民法院', '1', '1', '0', '0', '100.0%'],
      ['2', '市自然资源和规划局', '32', '9', '0', '0', '28.1%'],
    ]);
    expect(units).toHaveLength(data.units.length + 1);
    expect(red).toEqual([
      ['序号', '问题序号', '整改措施', '牵头单位', '时限', '逾期天数'],
      ['1', '9', '（二）二是为企业用工提供平台', '市人力资源社会保障局', '2022-09-30', '33'],
    ]);
    expect(doc.paragraphs).toContain('本期为首期通报。');
    expect(doc.xml.match(/<w:tblHeader\/>/g)?.length).toBe(doc.tables.length);
    expect(doc.xml).toContain('w:eastAsia="方正小标宋简体"');
    expect(doc.xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
  });

  it('once issued never changes with the ledger; the next draft does', async () => {
    const issued: Bulletin = bulletinSchema.parse({ id: newId(), number: 1, month: '2022-11', data, createdAt: '2022-11-30T08:00:00.000Z', createdBy: '协调员', updatedAt: '2022-11-30T08:00:00.000Z', updatedBy: '协调员', rev: 1 });
    const first = (readDocx(await packDocx(bulletinDoc(issued.data, t)))).xml;
    const red = sample.measures.find((m) => m.title === '为企业用工提供平台')!;
    const changed = { ...sample, measures: sample.measures.map((m) => (m.id === red.id ? { ...m, status: 'completed' as const, updatedAt: '2022-11-01T00:00:00.000Z' } : m)) };
    const again = (readDocx(await packDocx(bulletinDoc(issued.data, t)))).xml;
    expect(again).toBe(first);
    const draft = readDocx(await packDocx(bulletinDoc(computeBulletin(changed, { month: '2022-11', asOf: '2022-11-02', number: 2, ledger, previous: issued.data }), t)));
    expect(draft.paragraphs[1]).toBe('第 2 期　　（2022-11，截至 2022-11-02）');
    expect(draft.paragraphs).toContain('本期无红灯措施。');
    expect(draft.paragraphs).toContain('与第 1 期相比：完成 +1 项，销号 0 项，逾期 -1 项，完成率 +0.5 个百分点。');
  });
});

describe('附件1 and the report as Word documents', () => {
  const annex = computeAnnex(sample, t);

  it('附件1: the title line and one row per problem after the seed’s header', async () => {
    const doc = readDocx(await packDocx(annexDoc(annex, t)));
    expect(doc.paragraphs[0]).toBe(t('export.summaryTitle'));
    expect(doc.tables[0]![0]).toEqual(['序号', '执法检查报告中提出的问题', '检查组提出的意见建议及市人大常委会委员提出的审议意见', '整改落实情况', '责任单位']);
    expect(doc.tables[0]!.map((r) => r[0])).toEqual(['序号', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect(doc.tables[0]![2]![4]).toBe('牵头：市政府、市行政审批和政务信息管理局配合：市自然资源和规划局、市住房城乡建设局、市生态环境局、市发展改革委');
    expect(doc.xml).toContain('w:orient="landscape"');
  });

  it('the report: addressee, 总体推进情况 counts, areas, 附件1 and a place for each unit', async () => {
    const report = computeRectification(sample, sample.ledgerInfo[0]!, '2022-11-02');
    const doc = readDocx(await packDocx(rectificationDoc(report, annex, t)));
    expect(doc.paragraphs.slice(0, 3)).toEqual(['商丘市人民政府', '商丘市人民政府关于优化营商环境执法检查问题整改情况的报告', '商丘市人大常委会：']);
    const overall = doc.paragraphs[doc.paragraphs.indexOf('一、总体推进情况') + 1];
    expect(overall).toContain('4 个方面 10 类问题');
    expect(overall).toContain('台账共列整改措施 202 项');
    expect(doc.paragraphs).toContain('（一）优化营商环境工作推进方面。');
    expect(doc.paragraphs).toContain('2022 年 11 月 2 日');
    expect(doc.tables).toHaveLength(1);
    expect(doc.tables[0]).toHaveLength(11);
    expect(doc.paragraphs).toContain(`附件 ${report.units.length + 1}`);
    expect(doc.paragraphs.filter((p) => p.startsWith('（此处附该单位报告原文'))).toHaveLength(report.units.length);
  });
});
