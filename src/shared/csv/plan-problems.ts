// How the rows of a flat ledger (one row per measure) find their problem: by the 问题 text the file carries, 序号 then
// only a check, or by 序号 alone when there is no 问题 column. A blank 序号, 问题 or 方面 cell continues the row above,
// as merged cells read. Problems the ledger lacks (and their areas) are planned for creation, or refused with the
// fix named. Pure: the caller turns the plan into changes.
import type { Translate } from '../i18n/translate.ts';
import type { Area } from '../model/area.ts';
import type { ErrorCode } from '../model/field-error.ts';
import { normaliseWidth } from '../model/field-codec.ts';
import { newId } from '../model/ids.ts';
import type { Problem } from '../model/problem.ts';

export type ProblemColumns = { number?: { index: number; header: string }; text?: { index: number; header: string }; area?: { index: number; header: string } };

export type ProblemMatch =
  | { kind: 'existing'; id: string }
  | { kind: 'new'; id: string }
  | { kind: 'error'; column: string; code: ErrorCode; params?: Record<string, string | number> };

/** A problem the file names and the ledger lacks. */
export type NewProblem = { id: string; number: number; title: string; description: string; areaName: string; areaId: string | null };

export type ProblemPlan = {
  /** Per data row (header excluded). */
  matches: ProblemMatch[];
  problems: NewProblem[];
  /** Areas to create for the new problems, by name. */
  areas: { id: string; name: string; seq: number }[];
  /** How many problems the file names that the ledger lacks (planned for creation only when asked). */
  missing: number;
  /** 序号 did not follow 问题 one to one (a row counter, as in most ledgers): it was not read as the problem's number. */
  numberIsRowCounter: boolean;
};

export type ProblemContext = {
  t: Translate;
  problems: readonly Problem[];
  areas: readonly Area[];
  findArea: (name: string) => string | undefined;
  /** Whether to plan the missing problems for creation; otherwise each of their rows is refused, naming `fix`. */
  create: boolean;
  fix: string;
};

/** Text as compared: no spaces of any width, full-width digits and punctuation as ASCII. */
const key = (text: string) => normaliseWidth(text).replace(/\s+/g, '');
const short = (text: string) => (text.length > 30 ? `${text.slice(0, 30)}…` : text);

/** A problem's title from the file's text: its first sentence when short, else its first words. */
export function titleOf(text: string): string {
  const line = (text.split('\n')[0] ?? '').trim();
  const sentence = /^(.{4,60}?)[。；;！!？?]/.exec(line)?.[1];
  if (sentence) return sentence;
  return line.length <= 60 ? line : `${line.slice(0, 59)}…`;
}

/** Each data row's cells of the problem columns, a blank continuing the row above. */
function continued(rows: string[][], columns: ProblemColumns): { number: string; text: string; area: string }[] {
  let last = { number: '', text: '', area: '' };
  return rows.map((cells) => {
    const read = (c?: { index: number }) => (c ? (cells[c.index] ?? '').trim() : '');
    const here = { number: read(columns.number), text: read(columns.text), area: read(columns.area) };
    last = { number: here.number || last.number, text: here.text || last.text, area: here.area || last.area };
    return last;
  });
}

/** Whether 序号 is the problem's number: one 序号 per 问题 text and one text per 序号 (not a row counter). */
function numberFollowsText(cells: { number: string; text: string }[]): boolean {
  const texts = new Map<string, string>();
  const numbers = new Map<string, string>();
  for (const { number, text } of cells) {
    if (number === '' || text === '') continue;
    if (!/^\d+$/.test(normaliseWidth(number))) return false;
    const k = key(text);
    if ((texts.get(k) ?? number) !== number || (numbers.get(number) ?? k) !== k) return false;
    texts.set(k, number);
    numbers.set(number, k);
  }
  return true;
}

export function planProblems(rows: string[][], columns: ProblemColumns, ctx: ProblemContext): ProblemPlan {
  const cells = continued(rows, columns);
  const useNumber = columns.number !== undefined && (columns.text === undefined || numberFollowsText(cells));
  const byNumber = new Map(ctx.problems.map((p) => [p.number, p]));
  const byText = new Map<string, Problem>();
  for (const p of ctx.problems) for (const text of [p.description, p.title]) if (typeof text === 'string' && text.trim() !== '') byText.set(key(text), p);
  const label = (p: { number: number; title: string }) => `${p.number}. ${p.title}`;
  const textColumn = columns.text?.header ?? columns.number?.header ?? ctx.t('field.measure.problemId');
  const numberColumn = columns.number?.header ?? textColumn;

  const wanted = new Map<string, { text: string; number: number | null; area: string }>();
  const matches = cells.map(({ number, text, area }): ProblemMatch | { kind: 'wanted'; key: string } => {
    const n = useNumber && /^\d+$/.test(normaliseWidth(number)) ? Number(normaliseWidth(number)) : null;
    if (text !== '') {
      const numbered = /^(\d+)[.．、]\s*(.+)$/s.exec(text);
      const found = byText.get(key(text)) ?? (numbered && key(byNumber.get(Number(numbered[1]))?.title ?? '') === key(numbered[2] ?? '') ? byNumber.get(Number(numbered[1])) : undefined);
      if (found) {
        if (n !== null && n !== found.number) return { kind: 'error', column: numberColumn, code: 'problemMismatch', params: { number: n, title: short(text), actual: found.number } };
        return { kind: 'existing', id: found.id };
      }
      const taken = n === null ? undefined : byNumber.get(n);
      if (taken) return { kind: 'error', column: textColumn, code: 'problemNumberTaken', params: { number: n ?? '', existing: short(label(taken)), title: short(text) } };
      const k = key(text);
      if (!wanted.has(k)) wanted.set(k, { text, number: n, area });
      return { kind: 'wanted', key: k };
    }
    if (n !== null) {
      const found = byNumber.get(n);
      if (found) return { kind: 'existing', id: found.id };
      return { kind: 'error', column: numberColumn, code: columns.text ? 'required' : 'missingProblemNoText', params: { number: n } };
    }
    return { kind: 'error', column: textColumn, code: 'required' };
  });

  // Numbers: the file's own where free, then the next after the highest in use, in the order the file names them.
  const used = new Set(ctx.problems.map((p) => p.number));
  const numbers = new Map<string, number>();
  for (const [k, w] of wanted) {
    if (w.number !== null && !used.has(w.number)) {
      numbers.set(k, w.number);
      used.add(w.number);
    }
  }
  let next = Math.max(0, ...used);
  const areas: ProblemPlan['areas'] = [];
  let areaSeq = Math.max(0, ...ctx.areas.map((a) => a.seq));
  const problems = new Map<string, NewProblem>();
  for (const [k, w] of wanted) {
    const number = numbers.get(k) ?? ++next;
    let areaId: string | null = null;
    if (w.area !== '') {
      areaId = ctx.findArea(w.area) ?? areas.find((a) => a.name === w.area)?.id ?? null;
      if (!areaId) {
        areaId = newId();
        areas.push({ id: areaId, name: w.area, seq: ++areaSeq });
      }
    }
    const title = titleOf(w.text);
    problems.set(k, { id: newId(), number, title, description: w.text === title ? '' : w.text, areaName: w.area, areaId });
  }

  const resolved = matches.map((m): ProblemMatch => {
    if (m.kind !== 'wanted') return m;
    const p = problems.get(m.key)!;
    if (ctx.create) return { kind: 'new', id: p.id };
    const asked = wanted.get(m.key)?.number;
    return asked !== null && asked !== undefined
      ? { kind: 'error', column: numberColumn, code: 'missingProblem', params: { number: asked, fix: ctx.fix } }
      : { kind: 'error', column: textColumn, code: 'missingProblemTitle', params: { title: short(p.title), fix: ctx.fix } };
  });
  return { matches: resolved, problems: ctx.create ? [...problems.values()] : [], areas: ctx.create ? areas : [], missing: wanted.size, numberIsRowCounter: columns.number !== undefined && columns.text !== undefined && !useNumber };
}
