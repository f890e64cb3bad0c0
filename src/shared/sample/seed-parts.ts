// Reads the items of the report parts the curation names (seed-reports.ts): one item per number the source
// gives (（一）, 1., 一是, ①…), with its label, its words and the problem it answers.
import type { ReportCuration, ReportPart } from './seed-reports.ts';
import { splitMeasures, titleOf } from './seed-measures.ts';
import { readLines } from './seed-text.ts';

export type ReportItem = {
  /** 正文:label for the report body, 附件N:label for an attached report: unique, and the key curation uses. */
  key: string;
  attachment: number;
  /** The source's numbering with the part's prefix, e.g. 二（一）下一步一是. */
  label: string;
  /** The item's words without its number. */
  text: string;
  problem: number;
  planned: boolean;
  /** The subsection heading the item stands under ('' when none). */
  heading: string;
  /** The lines of the part the item is read from. */
  lines: [number, number];
};

// A part may open with its own number: （一） or (一) with its heading sentence, 1. or 一是.
const LEAD = /^(?:整改情况：)?\s*(（[一二三四五六七八九十]+）|\([一二三四五六七八九十]+\)|\d{1,2}[.．](?!\d))\s*/;

export function itemKey(attachment: number, label: string): string {
  return attachment === 0 ? `正文:${label}` : `附件${attachment}:${label}`;
}

function normaliseLead(lead: string): string {
  return lead.replace(/^\((.+)\)$/, '（$1）').replace('．', '.');
}

/** The heading's words without its number or the closing 。: what titles an unnumbered item. */
function headingWords(text: string): string {
  return text.replace(LEAD, '').replace(/[。：]$/, '').trim();
}

export function readPartItems(lines: readonly string[], attachment: number, part: ReportPart): ReportItem[] {
  let text = readLines(lines, part.lines[0], part.lines[1]);
  let label = part.prefix ?? '';
  let heading = part.heading ? headingWords(readLines(lines, part.heading[0], part.heading[1])) : '';
  const lead = LEAD.exec(text);
  if (lead) {
    label += normaliseLead(lead[1] ?? '');
    text = text.slice(lead[0].length);
    if (heading === '') heading = titleOf(text);
  }
  return splitMeasures(text).map((item) => ({
    key: itemKey(attachment, `${label}${item.label}`),
    attachment,
    label: `${label}${item.label}`,
    text: item.text,
    problem: part.problemOf?.[item.label.slice(0, 2)] ?? part.problem,
    planned: part.planned === true,
    heading,
    lines: part.lines,
  }));
}

export function readReportItems(lines: readonly string[], curation: ReportCuration): ReportItem[] {
  return curation.parts.flatMap((part) => readPartItems(lines, curation.attachment, part));
}
