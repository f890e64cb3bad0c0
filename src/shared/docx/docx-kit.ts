// The one room of the `docx` library: a 公文-like Word document (A4, 小标宋 title, 期号 line, 仿宋 body, 黑体
// headings, tables whose header row repeats on every page) built from plain blocks, packed to bytes. Pure: the
// browser (lazily loaded) and the command line call the same builders.
import type { DocBlock, DocSpec, DocTable } from './doc-spec.ts';
import { AlignmentType, BorderStyle, Document, Packer, PageOrientation, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';

// 公文 fonts, with the fonts a machine without them falls back to (Word picks the east-Asian face by name).
const TITLE_FONT = '方正小标宋简体';
const HEADING_FONT = '黑体';
const BODY_FONT = '仿宋_GB2312';
const TABLE_FONT = '宋体';
const font = (name: string) => ({ ascii: name === BODY_FONT ? 'FangSong' : 'SimSun', eastAsia: name, hAnsi: 'SimSun' });
// Sizes in half-points: 二号 22pt title, 三号 16pt body, 小四 12pt tables.
const SIZE = { title: 44, body: 32, table: 21, issue: 32 };

const run = (text: string, fontName: string, size: number, bold = false) =>
  text.split('\n').map((line, i) => new TextRun({ text: line, font: font(fontName), size, bold, ...(i > 0 ? { break: 1 } : {}) }));

const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const borders = { top: border, bottom: border, left: border, right: border };

function cell(text: string, width: number, header: boolean): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.PERCENTAGE },
    borders,
    children: [new Paragraph({ alignment: header ? AlignmentType.CENTER : AlignmentType.LEFT, children: run(text, header ? HEADING_FONT : TABLE_FONT, SIZE.table, header) })],
  });
}

function table(block: DocTable): Table {
  const total = block.widths.reduce((a, b) => a + b, 0) || 1;
  const widths = block.widths.map((w) => Math.round((w / total) * 100));
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      // The header row repeats at the top of every page the table runs onto.
      new TableRow({ tableHeader: true, cantSplit: true, children: block.header.map((h, i) => cell(h, widths[i] ?? 10, true)) }),
      ...block.rows.map((row) => new TableRow({ children: row.map((c, i) => cell(c, widths[i] ?? 10, false)) })),
    ],
  });
}

function element(block: DocBlock): Paragraph | Table {
  switch (block.kind) {
    case 'title':
      return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 240, after: 240 }, children: run(block.text, TITLE_FONT, SIZE.title) });
    case 'issue':
      // 期号 line, underlined by a rule as a bulletin's masthead is.
      return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: 'C00000', space: 4 } }, children: run(block.text, BODY_FONT, SIZE.issue) });
    case 'heading':
      return new Paragraph({ spacing: { before: 200, after: 100 }, children: run(block.text, HEADING_FONT, SIZE.body) });
    case 'paragraph':
      return new Paragraph({
        alignment: block.align === 'right' ? AlignmentType.RIGHT : block.align === 'center' ? AlignmentType.CENTER : AlignmentType.JUSTIFIED,
        indent: block.indent === false ? undefined : { firstLine: 640 },
        spacing: { line: 560, lineRule: 'exact' },
        children: run(block.text, BODY_FONT, SIZE.body),
      });
    case 'table':
      return table(block);
    case 'pageBreak':
      return new Paragraph({ pageBreakBefore: true, children: [] });
  }
}

/** The Word document of a spec: one A4 section (landscape for wide tables), 公文 margins. */
export function buildDocument(spec: DocSpec): Document {
  const A4 = { width: 11906, height: 16838 };
  const margin = { top: 2098, bottom: 1984, left: 1587, right: 1474 };
  return new Document({
    creator: spec.title,
    title: spec.title,
    styles: { default: { document: { run: { font: font(BODY_FONT), size: SIZE.body } } } },
    sections: [
      {
        properties: { page: { size: { ...A4, orientation: spec.landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT }, margin } },
        children: spec.blocks.map(element),
      },
    ],
  });
}

/** The document as the bytes of a .docx file. */
export async function packDocx(spec: DocSpec): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toArrayBuffer(buildDocument(spec)));
}
