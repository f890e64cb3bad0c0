// Splits a problem's 整改落实情况 into measures (一是/二是…, ①②③, 1./2.) and reads what each one cites.
import type { MeasureType } from '../model/measure.ts';

export type MeasureText = {
  /** The source's numbering: 一是, 一是①, 1. — or '' when the text is not numbered. */
  label: string;
  /** The item's words without its number. */
  text: string;
};

const CHINESE_ORDINAL = /(?:^|(?<=[。；;]))\s*([一二三四五六七八九十]是)/g;
const ARABIC_ORDINAL = /(?:^|(?<=[。；;]))\s*(\d{1,2})[.．](?!\d)/g;
const CIRCLED = /[①②③④⑤⑥⑦⑧⑨⑩]/g;

type Cut = { label: string; start: number; end: number };

function cutsOf(text: string, pattern: RegExp, labelOf: (m: RegExpExecArray) => string): Cut[] {
  const cuts: Cut[] = [];
  for (const m of text.matchAll(new RegExp(pattern.source, pattern.flags))) {
    const start = (m.index ?? 0) + m[0].length;
    if (cuts.length > 0) cuts[cuts.length - 1]!.end = m.index ?? 0;
    cuts.push({ label: labelOf(m), start, end: text.length });
  }
  return cuts;
}

/**
 * One item per 一是/二是… (or 1./2.) in the text; an item holding ①②③ gives one item per circled number
 * instead, labelled 一是① and so on. Text with no numbering at all is one item.
 */
export function splitMeasures(text: string): MeasureText[] {
  let top = cutsOf(text, CHINESE_ORDINAL, (m) => m[1] ?? '');
  if (top.length === 0) top = cutsOf(text, ARABIC_ORDINAL, (m) => `${m[1] ?? ''}.`);
  if (top.length === 0) return [{ label: '', text: text.trim() }];
  const items: MeasureText[] = [];
  for (const cut of top) {
    const body = text.slice(cut.start, cut.end).trim();
    const subs = cutsOf(body, CIRCLED, (m) => m[0]);
    if (subs.length === 0) {
      items.push({ label: cut.label, text: body });
      continue;
    }
    for (const sub of subs) items.push({ label: `${cut.label}${sub.label}`, text: body.slice(sub.start, sub.end).trim() });
  }
  return items;
}

const TITLE_MAX = 40;

/** A short title: the item's first clause, outside quotes and book-title marks, at most 40 characters. */
export function firstClause(text: string): string {
  let depth = 0;
  let end = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (c === '“' || c === '《' || c === '（') depth++;
    else if (c === '”' || c === '》' || c === '）') depth = Math.max(0, depth - 1);
    else if (depth === 0 && '。；，：,;'.includes(c)) {
      end = i;
      break;
    }
  }
  const clause = text.slice(0, end).trim();
  return clause.length > TITLE_MAX ? `${clause.slice(0, TITLE_MAX - 1)}…` : clause;
}

// Laws and regulations are the basis of a problem, not a department's evidence of work done.
const NOT_EVIDENCE = /条例》$|^《条例》$|办法》$/;

/** Documents a measure cites: 《titles》 of what was issued, signed or compiled, and document numbers. */
export function readEvidence(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(/《(?:[^《》]|《[^《》]*》)+》/g)) {
    const title = m[0];
    if (!NOT_EVIDENCE.test(title) && !found.includes(title)) found.push(title);
  }
  for (const m of text.matchAll(/[\u4e00-\u9fff]{2,}〔\d{4}〕\d+号/g)) if (!found.includes(m[0])) found.push(m[0]);
  return found;
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
