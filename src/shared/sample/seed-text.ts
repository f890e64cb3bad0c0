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

/**
 * Drops the PDF extraction's artefacts, the `<p>` markup and the spaces it put between Chinese characters
 * and figures ("第 38 条", "市自然资源和 规划局"), and keeps every word. Never renders anything as HTML.
 */
export function cleanText(raw: string): string {
  return raw
    .replace(/<\/?p>/g, '')
    .replace(/\u00a0/g, ' ')
    .replace(SPACE_NEXT_TO_CJK, '')
    .replace(/[ \t]{2,}/g, ' ')
    .trim();
}

/** The same text with all white space removed: what "keeps every word" is checked against. */
export function wordsOnly(text: string): string {
  return text.replace(/<\/?p>/g, '').replace(/\s+/g, '');
}

export function splitLines(text: string): string[] {
  return text.replace(/\r\n?/g, '\n').split('\n');
}

/** The rows of 附件1: tab-separated lines that start with the row's number. */
export function readSummaryTable(lines: readonly string[]): SeedRow[] {
  const start = lines.findIndex((l) => /^附件\s*1\s*$/.test(l.trim()));
  if (start < 0) throw new Error('seed: 附件1 not found');
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
