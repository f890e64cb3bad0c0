import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import writeExcelFile from 'write-excel-file/node';
import { createTranslator } from '../i18n/translate.ts';
import { readFile } from './import-file.ts';
import { lookupsOf } from './lookups.ts';
import { planImport } from './plan-import.ts';
import { type BookSheet, layoutFeature, summarySheet, tableSheet } from './sheet.ts';
import { templateBook } from './template.ts';

const t = createTranslator('zh-CN');

async function write(book: BookSheet[]): Promise<Uint8Array> {
  const sheets = book.map(({ filter: _f, fitToWidth: _w, ...sheet }) => sheet);
  return (writeExcelFile as unknown as (s: unknown[], o: unknown) => { toBuffer(): Promise<Uint8Array> })(sheets, { features: [layoutFeature(book)] }).toBuffer();
}
const xml = (bytes: Uint8Array, name: string) => new TextDecoder().decode(unzipSync(bytes)[name]);

describe('the import template', () => {
  it('explains every column with its allowed values, and its example row imports into an empty ledger as it is', async () => {
    const book = templateBook(t);
    expect(book.map((s) => s.sheet)).toEqual(['整改台账', '填写说明']);
    const help = book[1]!.data.map((row) => row.map((c) => (c ? String(c.value) : '')));
    expect(help[0]).toEqual(['列名', '填写什么', '可填的值', '必填']);
    expect(help.find((r) => r[0] === '整改状态')?.[2]).toBe('未启动、整改中、已完成、已销号、长期坚持');

    const file = await readFile(await write(book));
    expect(file.sheets).toEqual(['整改台账', '填写说明']);
    expect(file.mapping).toEqual(['problemNumber', 'area', 'problemId', 'title', 'leadDepartmentId', 'cooperatingDepartmentIds', 'owner', 'deadline', 'status', 'progressNote']);
    const plan = planImport(file.rows, file.mapping, lookupsOf({ areas: [], departments: [], problems: [], measures: [] }, t), { entity: 'measure', createDepartments: false, createMissing: true, actor: '导入', now: '2023-01-01T00:00:00.000Z', rowNumbers: file.rowNumbers });
    expect(plan.rows.flatMap((r) => r.issues)).toEqual([]);
    expect(plan.rows[0]?.change).toMatchObject({ op: 'create', values: { title: '梳理公布政务服务事项清单，压缩办理时限', deadline: '2023-06-30', status: 'in_progress', owner: '张三' } });
  });
});

describe('xlsx exports as offices print them', () => {
  const table = { header: ['序号', '整改时限', '最新进展'], rows: [[1, '2022-12-31', '第一行\n第二行'], [2, null, '短']] };

  it('writes a named sheet with a filter on its header, date cells and wrapped multi-line text', async () => {
    const bytes = await write([tableSheet(table, '整改措施')]);
    expect(xml(bytes, 'xl/workbook.xml')).toContain('name="整改措施"');
    const sheet = xml(bytes, 'xl/worksheets/sheet1.xml');
    expect(sheet).toContain('<autoFilter ref="A1:C1"/>');
    // The date is a number (a serial) in a date-formatted cell, not text.
    expect(sheet).toMatch(/<c r="B2" s="\d+"><v>44926<\/v><\/c>/);
    expect(xml(bytes, 'xl/styles.xml')).toContain('formatCode="yyyy-mm-dd"');
    expect(xml(bytes, 'xl/styles.xml')).toContain('wrapText="1"');
    expect((await readFile(bytes)).rows[1]).toEqual(['1', '2022-12-31', '第一行\n第二行']);
  });

  it('lays 附件1 out on A4 landscape, one page wide, under its title, every cell bordered', async () => {
    const bytes = await write([summarySheet(table, '附件1', '附件1　汇总表')]);
    const sheet = xml(bytes, 'xl/worksheets/sheet1.xml');
    expect(sheet).toContain('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
    expect(sheet).toContain('<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>');
    expect(sheet).toContain('<mergeCell ref="A1:C1"/>');
    expect(xml(bytes, 'xl/styles.xml')).toContain('<left style="thin"');
    expect((await readFile(bytes)).headerRow).toBe(2);
  });
});
