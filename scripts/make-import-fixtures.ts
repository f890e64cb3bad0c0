// Makes the import fixtures with a real spreadsheet program: a flat ledger as an office keeps it (two title rows,
// 序号/问题/方面 merged down over their measures, date cells beside dates typed as text, an Excel serial, a full-width
// space) is written as flat ODF, and LibreOffice saves it as .xlsx and as a GBK CSV. The generated files are committed;
// tests never run LibreOffice. Run after changing the rows (needs `apt-get install libreoffice-calc-nogui`):
//   npx tsx scripts/make-import-fixtures.ts
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const out = join(import.meta.dirname, '../tests/fixtures/import');

type Cell = string | number | { date: string; shown: string } | { span: number; value: string | number } | null;

// 序号, 方面, 问题, 整改措施, 责任单位, 配合单位, 责任人, 整改时限, 整改状态, 整改进展. A span opens a merge down; null is a cell it covers.
const rows: Cell[][] = [
  [{ span: 3, value: 1 }, { span: 5, value: '宣传贯彻方面' }, { span: 3, value: '对《优化营商环境条例》宣传不够深入，部分市场主体知晓率低' }, '编印《条例》学习读本并发放到企业', '市司法局', '市财政局、市教育局', '王芳', { date: '2022-12-31', shown: '2022/12/31' }, '整改中', '已印制 5000 册'],
  [null, null, null, '开展“以案释法”进企业活动', '市司法局', '', '李强', '2023年3月底前', '未启动', ''],
  [null, null, null, '在政务服务大厅设置宣传专区', '市政务服务和大数据管理局', '市司法局\u3000', '赵敏', { date: '2023-01-15', shown: '2023/1/15' }, '已整改', '专区已启用'],
  [{ span: 2, value: 2 }, null, { span: 2, value: '政务服务“一网通办”事项覆盖不全' }, '梳理公布“一网通办”事项清单', '市政务服务和大数据管理局', '市发展和改革委员会', '孙丽', '2023/9/30', '整改中', ''],
  [null, null, null, '推进电子证照共享互认', '市政务服务和大数据管理局', '', '孙丽', '长期坚持', '', ''],
  [{ span: 3, value: 3 }, { span: 3, value: '执法监管方面' }, { span: 3, value: '涉企检查频次过高，存在重复检查' }, '推行“综合查一次”联合检查', '市市场监督管理局', '市司法局、市应急管理局', '周杰', '2023年12月31日', '已完成', '已完成 3 次联合检查'],
  [null, null, null, '建立涉企检查计划备案制度', '市司法局', '', '吴刚', '2023-11-30', '整改中', ''],
  [null, null, null, '编制包容审慎监管清单', '市市场监督管理局', '', '周杰', 45291, '整改中', ''],
];
const header = ['序号', '方面', '问题', '整改措施', '责任单位', '配合单位', '责任人', '整改时限', '整改状态', '整改进展'];

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const text = (value: string | number) => `<text:p>${esc(String(value))}</text:p>`;
function cell(c: Cell): string {
  if (c === null) return '<table:covered-table-cell/>';
  if (typeof c === 'number') return `<table:table-cell office:value-type="float" office:value="${c}">${text(c)}</table:table-cell>`;
  if (typeof c === 'string') return c === '' ? '<table:table-cell/>' : `<table:table-cell office:value-type="string">${text(c)}</table:table-cell>`;
  if ('date' in c) return `<table:table-cell table:style-name="date" office:value-type="date" office:date-value="${c.date}">${text(c.shown)}</table:table-cell>`;
  const value = typeof c.value === 'number' ? `office:value-type="float" office:value="${c.value}"` : 'office:value-type="string"';
  return `<table:table-cell table:style-name="top" table:number-rows-spanned="${c.span}" ${value}>${text(c.value)}</table:table-cell>`;
}
const wide = (value: string) => `<table:table-row><table:table-cell table:number-columns-spanned="${header.length}" office:value-type="string">${text(value)}</table:table-cell><table:covered-table-cell table:number-columns-repeated="${header.length - 1}"/></table:table-row>`;
const row = (cells: Cell[]) => `<table:table-row>${cells.map(cell).join('')}</table:table-row>`;

const fods = `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:automatic-styles>
<number:date-style style:name="ymd"><number:year number:style="long"/><number:text>/</number:text><number:month/><number:text>/</number:text><number:day/></number:date-style>
<style:style style:name="date" style:family="table-cell" style:data-style-name="ymd"/>
<style:style style:name="top" style:family="table-cell"><style:table-cell-properties style:vertical-align="top"/></style:style>
</office:automatic-styles>
<office:body><office:spreadsheet>
<table:table table:name="整改台账">
${wide('优化营商环境执法检查问题整改台账')}
${wide('填报单位：市优化营商环境工作领导小组办公室\u3000\u3000填报日期：2023年1月5日')}
${row(header)}
${rows.map(row).join('\n')}
</table:table>
<table:table table:name="说明">
${row(['本台账按问题分组，序号、方面、问题合并单元格。'])}
</table:table>
</office:spreadsheet></office:body></office:document>
`;

const work = mkdtempSync(join(tmpdir(), 'fixtures-'));
const source = join(work, '整改台账.fods');
writeFileSync(source, fods);
const soffice = (filter: string) => execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${work}/profile`, '--convert-to', filter, '--outdir', work, source], { stdio: 'inherit' });
soffice('xlsx:Calc MS Excel 2007 XML');
// CSV: comma, double quotes, GBK (as Chinese Excel and WPS save it); the first sheet, as shown.
soffice('csv:Text - txt - csv (StarCalc):44,34,85,1'); // 85: LibreOffice's number for GBK
copyFileSync(join(work, '整改台账.xlsx'), join(out, 'flat-ledger.xlsx'));
copyFileSync(join(work, '整改台账.csv'), join(out, 'flat-ledger-gbk.csv'));
rmSync(work, { recursive: true, force: true });
console.log(`wrote ${out}/flat-ledger.xlsx and flat-ledger-gbk.csv`);
