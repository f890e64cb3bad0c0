// Splits a problem's 整改落实情况 into measures (一是/二是…, ①②③, 1./2.) and reads what each one cites.
import type { MeasureType } from '../model/measure.ts';

export type MeasureText = {
  /** The source's numbering: 一是, 一是①, 1. — or '' when the text is not numbered. */
  label: string;
  /** The item's words without its number. */
  text: string;
};

// After a sentence, a clause (；：) or, once in the seed, a comma (持续不断坚持下去，一是…).
const CHINESE_ORDINAL = /(?:^|(?<=[。；;：，\n]))\s*([一二三四五六七八九十]是)/g;
const ARABIC_ORDINAL = /(?:^|(?<=[。；;：\n]))\s*(\d{1,2})[.．](?!\d)/g;
const PAREN_ORDINAL = /(?:^|(?<=[。；;：\n]))\s*[（(](\d{1,2})[)）]/g;
const CIRCLED = /[①②③④⑤⑥⑦⑧⑨⑩]/g;

type Cut = { label: string; start: number; end: number; at: number };

function cutsOf(text: string, pattern: RegExp, labelOf: (m: RegExpExecArray) => string): Cut[] {
  const cuts: Cut[] = [];
  for (const m of text.matchAll(new RegExp(pattern.source, pattern.flags))) {
    const start = (m.index ?? 0) + m[0].length;
    if (cuts.length > 0) cuts[cuts.length - 1]!.end = m.index ?? 0;
    cuts.push({ label: labelOf(m), start, end: text.length, at: m.index ?? 0 });
  }
  return cuts;
}

/** The numbered items inside one item (①②③, 1./2., (1)(2)), each labelled after its parent. */
function subItems(label: string, body: string): MeasureText[] {
  for (const [pattern, labelOf] of [
    [CIRCLED, (m: RegExpExecArray) => m[0]],
    [ARABIC_ORDINAL, (m: RegExpExecArray) => `${m[1] ?? ''}.`],
    [PAREN_ORDINAL, (m: RegExpExecArray) => `(${m[1] ?? ''})`],
  ] as const) {
    const subs = cutsOf(body, pattern, labelOf);
    if (subs.length > 1) return subs.map((sub) => ({ label: `${label}${sub.label}`, text: body.slice(sub.start, sub.end).trim() }));
  }
  return [{ label, text: body }];
}

/**
 * One item per 一是/二是… (or 1./2.) in the text; an item holding ①②③ (or 1./2., (1)(2)) gives one item per
 * number instead, labelled 一是① and so on. Text with no numbering at all is one item. When the numbering
 * starts after 一是 (the source wrote the first item without its number), the text before it is 一是.
 */
export function splitMeasures(text: string): MeasureText[] {
  let top = cutsOf(text, CHINESE_ORDINAL, (m) => m[1] ?? '');
  if (top.length === 0) top = cutsOf(text, ARABIC_ORDINAL, (m) => `${m[1] ?? ''}.`);
  if (top.length === 0) return [{ label: '', text: text.trim() }];
  const first = top[0]!;
  const implied = impliedFirst(first.label);
  if (implied !== null && text.slice(0, first.at).trim() !== '') top.unshift({ label: implied, start: 0, end: first.at, at: 0 });
  return top.flatMap((cut) => subItems(cut.label, text.slice(cut.start, cut.end).trim()));
}

/** The label the unnumbered first item has when numbering starts at 二是 or 2. (null when it starts at one). */
function impliedFirst(label: string): string | null {
  if (label === '二是') return '一是';
  if (label === '2.') return '1.';
  return null;
}

/** How many items the numbering in a text gives, counted from the markers alone (for checking the split). */
export function countMarkers(text: string): number {
  const top = [...text.matchAll(CHINESE_ORDINAL)];
  const list = top.length > 0 ? top.map((m) => m[1] ?? '') : [...text.matchAll(ARABIC_ORDINAL)].map((m) => `${m[1] ?? ''}.`);
  if (list.length === 0) return 1;
  const starts = top.length > 0 ? top : [...text.matchAll(ARABIC_ORDINAL)];
  let count = impliedFirst(list[0]!) !== null && text.slice(0, starts[0]!.index).trim() !== '' ? 1 : 0;
  starts.forEach((m, i) => {
    const body = text.slice((m.index ?? 0) + m[0].length, starts[i + 1]?.index ?? text.length);
    const circled = body.match(CIRCLED)?.length ?? 0;
    const arabic = [...body.matchAll(ARABIC_ORDINAL)].length;
    const paren = [...body.matchAll(PAREN_ORDINAL)].length;
    count += circled > 1 ? circled : arabic > 1 ? arabic : paren > 1 ? paren : 1;
  });
  return count;
}

const TITLE_MAX = 40;

/** Where the text's first piece ends at one of `stops`, outside quotes, brackets and book-title marks. */
function pieceEnd(text: string, stops: string, from = 0): number {
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    const c = text.charAt(i);
    if (c === '“' || c === '《' || c === '（') depth++;
    else if (c === '”' || c === '》' || c === '）') depth = Math.max(0, depth - 1);
    else if (depth === 0 && stops.includes(c)) return i;
  }
  return text.length;
}

/** A short title: the item's first clause, outside quotes and book-title marks, at most 40 characters. */
export function firstClause(text: string): string {
  const clause = text.slice(0, pieceEnd(text, '。；，：,;')).trim();
  return clause.length > TITLE_MAX ? `${clause.slice(0, TITLE_MAX - 1)}…` : clause;
}

/**
 * A measure's title in the source's own words, never cut: its first sentence when that is short (40
 * characters at most), else its first clause, lengthened by the next while it is too short to say anything.
 */
export function titleOf(text: string): string {
  const bare = (s: string) => s.trim().replace(/[，、；：,;]+$/, '');
  const sentence = bare(text.slice(0, pieceEnd(text, '。；\n')));
  if (sentence.length <= TITLE_MAX) return sentence;
  let end = pieceEnd(text, '，：,;');
  while (end < sentence.length && text.slice(0, end).trim().length < 6) end = pieceEnd(text, '，：,;', end + 1);
  return bare(text.slice(0, Math.min(end, sentence.length)));
}

// Laws and regulations are the basis of a problem, not a department's evidence of work done; newspapers
// are where work was reported, and permits and licences (《建设工程规划许可证》) the kinds of paper a
// procedure issues, not what a department did.
const NOT_EVIDENCE = /条例》$|^《条例》$|^《(?:河南省|国务院|国家|中华人民共和国).*(?:办法|法)》$|调查处理.*办法》$|[日晚]报》$|^《市场监管报》$|(?:许可证|营业执照|决定书|核实意见)》$/;
const TITLE = /《(?:[^《》]|《[^《》]*》)+》/g;
const NUMBER = /[\u4e00-\u9fff]{2,}〔\d{4}〕\d+）?号/g;

/** A document number as the seed should have written it: 商人常办〔2022〕27）号 → 商人常办〔2022〕27号. */
export function normaliseNumber(number: string): string {
  return number.replace('）号', '号');
}

/** Every document number the text cites (发文字号), normalised. */
export function readNumbers(text: string): string[] {
  return [...new Set([...text.matchAll(NUMBER)].map((m) => normaliseNumber(m[0])))];
}

/**
 * Documents a measure cites: 《titles》 of what was issued, signed or compiled, with the document number that
 * follows a title in brackets (《…》（商政办〔2019〕35号）), and numbers cited alone.
 */
export function readEvidence(text: string): string[] {
  const found: string[] = [];
  const numbered = new Set<string>();
  for (const m of text.matchAll(TITLE)) {
    const title = m[0];
    if (NOT_EVIDENCE.test(title)) continue;
    const after = text.slice((m.index ?? 0) + title.length);
    const number = /^（([\u4e00-\u9fff]{2,}〔\d{4}〕\d+）?号)）/.exec(after)?.[1];
    const entry = number ? `${title}（${normaliseNumber(number)}）` : title;
    if (number) numbered.add(normaliseNumber(number));
    if (!found.includes(entry)) found.push(entry);
  }
  for (const number of readNumbers(text)) if (!numbered.has(number) && !found.includes(number)) found.push(number);
  return found;
}

/**
 * The date a deadline phrase of the report names: 年底前 → that year's 12-31, 9月底前 → 09-30, 2022年年底前 →
 * 2022-12-31. `year` is the report's year, for phrases that name none. Null for a phrase that is no deadline.
 */
export function readDeadline(phrase: string, year: number): string | null {
  const m = /^(?:(\d{4})年)?(?:年底|(\d{1,2})月底)前$/.exec(phrase.trim());
  if (!m) return null;
  const y = m[1] ? Number(m[1]) : year;
  const month = m[2] ? Number(m[2]) : 12;
  if (month < 1 || month > 12) return null;
  const day = new Date(Date.UTC(y, month, 0)).getUTCDate();
  return `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const LAWS = [
  { pattern: /国务院《优化营商环境条例》/y, name: '国务院《优化营商环境条例》' },
  { pattern: /《?河南省优化营商环境条例》/y, name: '《河南省优化营商环境条例》' },
  { pattern: /《?商丘市优化营商环境条例》/y, name: '《商丘市优化营商环境条例》' },
];

/** The articles a problem says were breached, one entry per article: 国务院《优化营商环境条例》第38条. */
export function readLegalBasis(description: string): string[] {
  const found: string[] = [];
  for (let i = 0; i < description.length; i++) {
    for (const law of LAWS) {
      law.pattern.lastIndex = i;
      const m = law.pattern.exec(description);
      if (!m) continue;
      // The article list runs until the next law or the end of the clause: 第60和第61条, 第17条和第13条.
      const rest = description.slice(i + m[0].length);
      const clause = /^((?:第\d+条?|和|、)+)/.exec(rest)?.[1] ?? '';
      for (const n of clause.matchAll(/\d+/g)) {
        const entry = `${law.name}第${n[0]}条`;
        if (!found.includes(entry)) found.push(entry);
      }
      i += m[0].length - 1;
      break;
    }
  }
  return found;
}

/**
 * The report counts policy documents, special campaigns and mechanisms; this sorts a measure by what its
 * title says first, then its text. A heuristic a coordinator can correct in the grid.
 */
export function classifyMeasure(title: string, text: string): MeasureType {
  const rules: [MeasureType, RegExp][] = [
    ['mechanism', /机制|制度/],
    ['policy', /印发|出台|制定|《[^》]*(?:通知|方案|意见|细则|办法)》/],
    ['campaign', /专项|行动|活动|宣传周|招聘|整治/],
  ];
  for (const source of [title, text]) for (const [type, pattern] of rules) if (pattern.test(source)) return type;
  return 'other';
}
