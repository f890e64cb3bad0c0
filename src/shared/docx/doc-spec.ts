// A document as plain blocks (title, 期号 line, headings, paragraphs, tables): what the bulletin, 附件1 and the
// report are made of, written to .docx by docx-kit.ts and to the printed page by the browser, so both hold the same.
export type DocTable = { kind: 'table'; header: string[]; rows: string[][]; widths: number[] };
export type DocBlock =
  | { kind: 'title'; text: string }
  | { kind: 'issue'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string; indent?: boolean; align?: 'left' | 'right' | 'center' }
  | DocTable
  | { kind: 'pageBreak' };
export type DocSpec = { title: string; blocks: DocBlock[]; landscape?: boolean };

/** The spec's text, line by line: what a test or a reader without Word checks. */
export function docText(spec: DocSpec): string[] {
  return spec.blocks.flatMap((b) => (b.kind === 'table' ? [b.header.join('\t'), ...b.rows.map((r) => r.join('\t'))] : b.kind === 'pageBreak' ? [] : [b.text]));
}
