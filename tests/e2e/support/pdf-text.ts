// The text a PDF shows, page by page, read with PDF.js (its Node build): what a printed sheet says, not what the
// page's DOM held before printing.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export async function pdfPages(bytes: Uint8Array): Promise<string[]> {
  // PDF.js takes the buffer over; a copy keeps the caller's bytes.
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  try {
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const content = await (await doc.getPage(n)).getTextContent();
      pages.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''));
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}

// CJK radicals (U+2E80–U+2EFF) that Noto CJK draws with the same glyph as the ideograph, so that a PDF's text may
// name the radical: 人⺠ for 人民. NFKC folds the Kangxi radicals (⾄ → 至) but not these; their unified ideographs
// (Unicode's EquivalentUnifiedIdeograph.txt), for those a ledger's Chinese uses.
const radicals: Record<string, string> = {
  '⺟': '母', '⺠': '民', '⻄': '西', '⻅': '见', '⻆': '角', '⻈': '讠', '⻉': '贝', '⻋': '车', '⻓': '长', '⻔': '门',
  '⻘': '青', '⻛': '风', '⻜': '飞', '⻝': '食', '⻠': '饣', '⻣': '骨', '⻤': '鬼', '⻥': '鱼', '⻦': '鸟', '⻨': '麦',
  '⻩': '黄', '⻬': '齐', '⻮': '齿', '⻰': '龙', '⻳': '龟',
};

/**
 * Text as compared with the PDF's: compatibility forms folded (a CJK font's ToUnicode map may name 至 as the
 * Kangxi radical ⾄, 民 as ⺠, the ideographic space as a space) and whitespace dropped (a narrow cell wraps a
 * unit's name over lines).
 */
export const comparable = (text: string): string =>
  text
    .normalize('NFKC')
    .replace(/[\u2e80-\u2eff]/g, (c) => radicals[c] ?? c)
    .replace(/\s+/g, '');
