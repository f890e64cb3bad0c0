// Reads the seed report's raw text: the summary table (附件1), the area paragraphs and the attached reports.
// Pure text work; it knows the layout of this one document and nothing about storage.

/** A summary-table row as it stands in the source, its cells cleaned of markup. */
export type SeedRow = {
  number: number;
  /** 1-based line of the source file where the row stands. */
  line: number;
  description: string;
  recommendations: string;
  rectification: string;
  departments: string;
};

export type SeedArea = { seq: number; name: string; line: number; quotedProblems: string[] };
export type SeedReport = { attachment: number; fullName: string; line: number };

const CJK = '\\u3000-\\u303f\\u4e00-\\u9fff\\uff00-\\uffef“”‘’《》（）';
const SPACE_NEXT_TO_CJK = new RegExp(`(?<=[${CJK}])[ \\t\\u00a0]+|[ \\t\\u00a0]+(?=[${CJK}])`, 'g');

// A jointly issued document names its issuers with a space between them (《商丘市人民政府 商丘市中级人民法院关于…》):
// that space is the source's, not the extraction's, and is kept.
const JOINT_ISSUERS = /(?<=(?:政府|法院|检察院|办公室|厅|局|委员会))[ \t\u00a0]+(?=(?:商丘|中共|河南|国家))/g;
const KEPT_SPACE = '\u0000';

/**
 * Drops the PDF extraction's artefacts, the `<p>` markup and the spaces it put between Chinese characters
 * and figures ("第 38 条", "市自然资源和 规划局"), and keeps every word. Never renders anything as HTML.
 */
export function cleanText(raw: string): string {
  return raw
    .replace(/<\/?p>/g, '')
    .replace(/\u00a0/g, ' ')
    .replace(JOINT_ISSUERS, KEPT_SPACE)
    .replace(SPACE_NEXT_TO_CJK, '')
    .replace(/[ \t]{2,}/g, ' ')
    .replaceAll(KEPT_SPACE, ' ')
    .trim();
}

/**
 * The text of seed lines `from`–`to` (1-based, inclusive), cleaned. A page break of the PDF left an empty
 * line inside a sentence ("建立实", "", "行覆盖"): lines are joined directly unless the earlier one ends a
 * sentence, where a line break is kept.
 */
export function readLines(lines: readonly string[], from: number, to: number): string {
  let text = '';
  for (let n = from; n <= to; n++) {
    const line = cleanText(lines[n - 1] ?? '');
    if (line === '') continue;
    text += text === '' || !/[。！？：；”]$/.test(text) ? line : `\n${line}`;
  }
  return text;
}

/** The same text with all white space removed: what "keeps every word" is checked against. */
export function wordsOnly(text: string): string {
  return text.replace(/<\/?p>/g, '').replace(/\s+/g, '');
}

export function splitLines(text: string): string[] {
  return text.replace(/\r\n?/g, '\n').split('\n');
}

/** The 1-based line of 附件1's heading: the report body ends before it. */
export function summaryTableLine(lines: readonly string[]): number {
  const start = lines.findIndex((l) => /^附件\s*1\s*$/.test(l.trim()));
  if (start < 0) throw new Error('seed: 附件1 not found');
  return start + 1;
}

/** The rows of 附件1: tab-separated lines that start with the row's number. */
export function readSummaryTable(lines: readonly string[]): SeedRow[] {
  const start = summaryTableLine(lines) - 1;
  const rows: SeedRow[] = [];
  for (let i = start; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (rows.length > 0 && readReportTitle(line) !== null) break;
    const cells = line.split('\t');
    if (cells.length !== 5 || !/^\d+$/.test(cells[0]?.trim() ?? '')) continue;
    const [number, description, recommendations, rectification, departments] = cells as [string, string, string, string, string];
    rows.push({
      number: Number(number.trim()),
      line: i + 1,
      description: cleanText(description),
      recommendations: cleanText(recommendations),
      rectification: cleanText(rectification),
      // Kept apart from cleanText: the spaces here separate units, and the artefacts split unit names.
      departments: departments.replace(/<\/?p>/g, '').trim(),
    });
  }
  return rows;
}

/** The four area paragraphs of part 二, with the problem names each one quotes. */
export function readAreas(lines: readonly string[]): SeedArea[] {
  const areas: SeedArea[] = [];
  lines.forEach((line, index) => {
    const m = /^（([一二三四五六七八九十])）(.+?)方面。/.exec(line.trim());
    if (!m || areas.length >= 4) return;
    // A page break can cut the paragraph; its rest follows after an empty line.
    let paragraph = line.trim();
    for (let j = index + 1; j < lines.length && !/^\d+\.\s/.test(lines[j] ?? ''); j++) paragraph += (lines[j] ?? '').trim();
    const lead = paragraph.slice(0, paragraph.indexOf('等问题') > 0 ? paragraph.indexOf('等问题') : undefined);
    const quotedProblems = [...lead.matchAll(/“((?:[^“”]|“[^“”]*”)+)”/g)].map((q) => cleanText(q[1] ?? ''));
    areas.push({ seq: areas.length + 1, name: cleanText(m[2] ?? ''), line: index + 1, quotedProblems });
  });
  return areas;
}

/** Title line of an attached department report, e.g. "商丘市公安局 关于贯彻实施优化营商环境条例暨 …". */
function readReportTitle(line: string): string | null {
  const m = /^(\S+?)\s+关于贯彻实施优化营商环境/.exec(line.trim());
  return m ? (m[1] ?? null) : null;
}

/** The attached department reports (附件2–17), in order, with the unit that wrote each. */
export function readReports(lines: readonly string[]): SeedReport[] {
  const reports: SeedReport[] = [];
  lines.forEach((line, index) => {
    const fullName = readReportTitle(line);
    if (fullName !== null) reports.push({ attachment: reports.length + 2, fullName, line: index + 1 });
  });
  return reports;
}
