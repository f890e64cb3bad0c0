// Checks the measures of the report body and of each department report against the seed: the sections
// taken are the ones the reports head as rectification or next steps, no line of them is dropped, and each
// report gives as many measures as it numbers items.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildSampleLedger } from './build-sample.ts';
import { bodyItems, unitItems } from './seed-items.ts';
import { lateUnitItems } from './seed-items-late.ts';
import { countMarkers } from './seed-measures.ts';
import { readReportItems } from './seed-parts.ts';
import { bodyCuration, type ReportCuration, reportCurations } from './seed-reports.ts';
import { cleanText, readLines, readReports, splitLines, wordsOnly } from './seed-text.ts';

const seed = readFileSync(new URL('./seed-report.txt', import.meta.url), 'utf8');
const lines = splitLines(seed);
const ledger = buildSampleLedger(seed);
const reports = readReports(lines);
const all = [bodyCuration, ...reportCurations];
const curations = { ...bodyItems, ...unitItems, ...lateUnitItems };
const measureOf = (key: string) => {
  const [document, label] = key.split(':');
  return ledger.measures.find((m) => m.label === label && m.source.startsWith(document === '正文' ? '报告正文' : `${document} `));
};
const department = (id: string | null) => ledger.departments.find((d) => d.id === id)?.name;
const problemNumber = (id: string) => ledger.problems.find((p) => p.id === id)?.number;
const reportRange = (attachment: number): [number, number] => {
  if (attachment === 0) return [1, reports[0]!.line - 1];
  const i = reports.findIndex((r) => r.attachment === attachment);
  return [reports[i]!.line, (reports[i + 1]?.line ?? lines.length + 1) - 1];
};

/** Section headings found in the text alone: 一、… naming 整改 (not the 营商环境评价's) or a next step, and （三）下步…. */
function headingsOf(attachment: number): number[] {
  const [from, to] = reportRange(attachment);
  const found: number[] = [];
  for (let n = from; n <= to; n++) {
    const line = (lines[n - 1] ?? '').trim();
    const top = /^[一二三四五六七八九十]+、/.test(line) && /整改|下一?步/.test(line) && !/营商环境评价/.test(line);
    const sub = /^（[一二三四五六七八九十]+）下一?步/.test(line);
    if (top || sub) found.push(n);
  }
  return found;
}

describe('the sections measures come from', () => {
  it.each(all.map((c) => [c.attachment, c] as const))('附件%i: are the ones the report heads as rectification or next steps', (attachment, c: ReportCuration) => {
    expect(c.sections.map(([heading]) => heading)).toEqual(headingsOf(attachment));
  });

  it.each(all.map((c) => [c.attachment, c] as const))('附件%i: every line of them is a measure, its heading, or an introduction', (_a, c: ReportCuration) => {
    const covered = new Set<number>();
    for (const part of c.parts) for (const [from, to] of [part.lines, part.heading ?? part.lines]) for (let n = from; n <= to; n++) covered.add(n);
    for (const [heading, last] of c.sections) {
      for (let n = heading + 1; n <= last; n++) {
        if ((lines[n - 1] ?? '').trim() === '') continue;
        expect(covered.has(n) || c.context.includes(n), `line ${n}`).toBe(true);
      }
      // A section ends where the next section of the report or the next report begins.
      expect(last).toBeLessThanOrEqual(reportRange(c.attachment)[1]);
    }
    for (const n of c.context) expect(covered.has(n), `context line ${n} is also a part`).toBe(false);
  });
});

describe('the measures of each report', () => {
  // What the reports number, counted here by hand from the seed (下一步 items included).
  const expected: Record<number, number> = { 0: 30, 2: 13, 3: 5, 4: 15, 5: 5, 6: 3, 7: 14, 8: 21, 9: 7, 10: 21, 11: 0, 12: 3, 13: 15, 14: 8, 15: 14, 16: 9, 17: 1 };

  it.each(all.map((c) => [c.attachment, c] as const))('附件%i: one measure per item the report numbers', (attachment, c: ReportCuration) => {
    const markers = c.parts.reduce((sum, part) => sum + countMarkers(readLines(lines, part.lines[0], part.lines[1]).replace(/^(?:整改情况：)?\s*(?:（[一二三四五六七八九十]+）|\([一二三四五六七八九十]+\)|\d{1,2}[.．](?!\d))\s*/, '')), 0);
    const items = readReportItems(lines, c);
    expect(items).toHaveLength(markers);
    expect(items).toHaveLength(expected[attachment]!);
    expect(new Set(items.map((i) => i.key)).size).toBe(items.length);
    const own = attachment === 0 ? items.filter((i) => !curations[i.key]?.restates) : items;
    const inLedger = ledger.measures.filter((m) => m.source.startsWith(attachment === 0 ? '报告正文' : `附件${attachment} `));
    expect(inLedger).toHaveLength(own.length);
    for (const m of inLedger) expect(m.label).not.toBe('');
  });

  it('puts each department report’s measures under the unit that reports it, unless the words name another', () => {
    for (const c of reportCurations) {
      const report = reports.find((r) => r.attachment === c.attachment)!;
      const owner = ledger.departments.find((d) => d.fullName === report.fullName)!;
      for (const m of ledger.measures.filter((x) => x.source.startsWith(`附件${c.attachment} `))) {
        expect(m.source).toContain(report.fullName);
        const key = `附件${c.attachment}:${m.label}`;
        expect(department(m.leadDepartmentId)).toBe(curations[key]?.lead ?? owner.name);
      }
    }
  });

  it('reads the spot values the reports give', () => {
    const of = (attachment: number, problem: number) => ledger.measures.filter((m) => m.source.startsWith(`附件${attachment} `) && problemNumber(m.problemId) === problem);
    expect(of(4, 1)).toHaveLength(15);
    expect(of(8, 2).map((m) => m.label)).toEqual(['（一）一是', '（一）二是', '（一）三是', '（一）四是', '（一）五是']);
    expect(of(8, 2)[0]!.source).toBe('附件8 商丘市自然资源和规划局报告（第602–604行）');
    expect(of(13, 7).filter((m) => !m.label.startsWith('下一步')).map((m) => m.label)).toEqual(['问题二（一）', '问题二（二）', '问题二（三）', '问题二（四）', '问题二（五）']);
    expect(of(6, 8)[0]!.title).toBe('严格执行现行市与三区土地收入分成办法');
    // 审批局's 一是 is unnumbered (its 二是 follows it), and its 二是 is cut off in the seed.
    expect(of(15, 7).map((m) => [m.label, m.title])).toEqual([['（三）一是', '印发《关于推进政务服务标准化和政务流程再造的通知》'], ['（三）二是', '升级改造一体化政务服务平台']]);
    expect(of(14, 4)).toHaveLength(8);
    expect(of(17, 3)[0]!.details).toContain('积极推广带电作业技术');
  });

  it('gives the 市交通运输局 no measure: its report answers none of 附件1’s problems', () => {
    const [from, to] = reportRange(11);
    const text = wordsOnly(lines.slice(from - 1, to).join(''));
    for (const p of ledger.problems) expect(text).not.toContain(wordsOnly(p.title));
    expect(ledger.problems.every((p) => !p.departmentsListed.includes('交通'))).toBe(true);
    expect(ledger.measures.filter((m) => m.source.startsWith('附件11 '))).toHaveLength(0);
  });

  it('adds a body item that restates 附件1 to those measures rather than repeating it', () => {
    for (const [key, c] of Object.entries(bodyItems)) {
      for (const target of c.restates ?? []) {
        const [n, label] = target.split(':');
        const m = ledger.measures.filter((x) => problemNumber(x.problemId) === Number(n) && x.source.startsWith('附件1 ')).find((x, i) => (x.label || `#${i + 1}`) === label)!;
        expect(m.source, key).toMatch(/；报告正文（第\d+(–\d+)?行）/);
      }
    }
    expect(ledger.measures.filter((m) => m.source.startsWith('报告正文')).map((m) => m.title)).toContain('加快实现“交房即交证”');
  });
});

describe('what the reports say of each measure', () => {
  it('quotes every status, deadline, title and figure from the measure’s words or the line it names', () => {
    for (const [key, c] of Object.entries(curations)) {
      if (c.restates) continue;
      const m = measureOf(key);
      expect(m, key).toBeDefined();
      if (c.status) expect(wordsOnly(m!.details), key).toContain(wordsOnly(c.status.quote));
      if (c.deadline) expect(m!.details, key).toContain(c.deadline);
      for (const i of c.indicators ?? []) {
        expect(lines[i.line - 1], key).toContain(i.quote);
        if (i.actual !== null) expect(wordsOnly(i.quote)).toContain(String(i.actual));
        if (!i.elsewhere) expect(wordsOnly(m!.details), `${key} ${i.name}`).toContain(wordsOnly(i.quote));
      }
      for (const e of c.evidence ?? []) expect(lines[e.line - 1], key).toContain(e.quote);
    }
  });

  it('turns the deadlines the seed states into dates, keeping the words', () => {
    const dated = ledger.measures.filter((m) => m.deadline !== null).map((m) => [m.source.slice(0, m.source.indexOf(' ')), m.label, m.deadline, m.deadlineNote]);
    expect(dated).toEqual([
      ['附件3', '下一步一是', '2022-12-31', '年底前'],
      ['附件3', '下一步二是', '2022-12-31', '年底前'],
      ['附件7', '（二）二是', '2022-09-30', '9月底前'],
      ['附件8', '（四）三是', '2022-12-31', '2022年年底前'],
    ]);
    // Every 底前 in the measures' words is one of them (2018年底前 states which land, not a deadline).
    const phrases = ledger.measures.flatMap((m) => [...m.details.matchAll(/\d{4}年年底前|\d{4}年底前|年底前|\d{1,2}月底前/g)].map((x) => x[0]));
    expect(phrases.sort()).toEqual(['2018年底前', '2022年年底前', '9月底前', '年底前', '年底前', '年底前']);
  });

  it('follows the report for statuses: done with its sentence as the note on the report’s date, standing work, and the rest under way', () => {
    const count = (status: string) => ledger.measures.filter((m) => m.status === status).length;
    expect([count('completed'), count('ongoing'), count('in_progress'), count('not_started')]).toEqual([26, 10, 166, 0]);
    const homes = ledger.measures.find((m) => m.title === '加快实现“交房即交证”')!;
    expect(homes).toMatchObject({ status: 'completed', progress: 100, progressNoteDate: '2022-11-02' });
    expect(homes.progressNote).toContain('目前已有1500户购房群众实现“交房即交证”');
    expect(homes.progressLog).toHaveLength(1);
    expect(homes.progressLog[0]).toMatchObject({ date: '2022-11-02', status: 'completed', progress: 100, text: homes.progressNote });
    const police = ledger.measures.find((m) => m.title === '坚持理性、文明、平和、规范执法')!;
    expect(police).toMatchObject({ status: 'ongoing', progressNote: '长期以来，公安机关坚持理性、文明、平和、规范执法' });
    for (const m of ledger.measures.filter((x) => x.status === 'in_progress')) expect(m).toMatchObject({ progress: 0, progressNote: '', progressLog: [] });
    expect(cleanText(ledger.measures.find((m) => m.label === '一是' && m.source.startsWith('附件1 汇总表（第112行'))!.progressNote)).toContain('300个标牌已经发放完毕');
  });
});
