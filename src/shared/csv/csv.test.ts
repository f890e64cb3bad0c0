import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { type Change, applyChange, withoutMeta } from '../model/change.ts';
import type { AnyRecord } from '../model/entities.ts';
import { createTranslator } from '../i18n/translate.ts';
import type { Department } from '../model/department.ts';
import type { Problem } from '../model/problem.ts';
import { newId } from '../model/ids.ts';
import type { Measure } from '../model/measure.ts';
import { buildSampleLedger } from '../sample/build-sample.ts';
import { splitLines, wordsOnly } from '../sample/seed-text.ts';
import { mapHeaders } from './columns.ts';
import { decodeBytes } from './decode.ts';
import { computeAnnex } from '../report/annex.ts';
import { SUMMARY_HEADER, recordsTable } from './export.ts';
import { lookupsOf } from './lookups.ts';
import { type ImportLookups, planImport } from './plan-import.ts';
import { parseTable, writeTable, parseClipboard, writeClipboard } from './table.ts';

const seed = readFileSync(new URL('../sample/seed-report.txt', import.meta.url), 'utf8');
const sample = buildSampleLedger(seed);

function contextOf(records: { departments: { id: string; name: string }[]; problems: { id: string; number: number; title: string }[]; measures: AnyRecord[] }): ImportLookups {
  const departments = records.departments.map((d) => ({ shortName: '', fullName: '', ...d }) as Department);
  return lookupsOf({ areas: [], departments, problems: records.problems as Problem[], measures: records.measures as Measure[] }, createTranslator('zh-CN'));
}

const bytes = (text: string, encoding: string) => new Uint8Array(iconv.encode(text, encoding, { addBOM: encoding !== 'gb18030' && !encoding.startsWith('utf8') ? true : false }));

describe('reading bytes in the encoding they were written in', () => {
  const text = '序号,整改措施\r\n1,"编印《条例》读本，""一网通办""\n第二行"\r\n';
  it.each([
    ['GBK/GB18030 (Chinese Excel, WPS)', new Uint8Array(iconv.encode(text, 'gbk')), 'gb18030'],
    ['UTF-8 without BOM', new TextEncoder().encode(text), 'utf-8'],
    ['UTF-8 with BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]), 'utf-8'],
    ['UTF-16 LE with BOM (Excel "Unicode text")', bytes(text, 'utf-16le'), 'utf-16le'],
    ['UTF-16 BE with BOM', bytes(text, 'utf-16be'), 'utf-16be'],
  ])('%s', (_name, input, encoding) => {
    const decoded = decodeBytes(input);
    expect(decoded.encoding).toBe(encoding);
    expect(decoded.text).toBe(text);
    expect(parseTable(decoded.text).rows).toEqual([['序号', '整改措施'], ['1', '编印《条例》读本，"一网通办"\n第二行']]);
  });

  it('detects tabs and semicolons as delimiters', () => {
    expect(parseTable('序号\t整改措施\n1\t甲,乙\n').rows).toEqual([['序号', '整改措施'], ['1', '甲,乙']]);
    expect(parseTable('序号;整改措施\n1;甲,乙\n').delimiter).toBe(';');
  });
});

describe('writing for Excel and WPS', () => {
  it('writes a BOM, CRLF, quotes, and defuses formulas in text but not negative numbers', () => {
    const csv = writeTable(['名称', '数值'], [['=HYPERLINK("http://x")', -12.5], ['-整改', 3], ['@SUM(A1)', null]]);
    expect(csv.startsWith('\ufeff"名称","数值"\r\n')).toBe(true);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")",-12.5\r\n`);
    expect(csv).toContain(`"'-整改",3`);
    expect(csv).toContain(`"'@SUM(A1)",\r\n`);
  });
});

describe('headers', () => {
  it('recognises the headers Chinese ledgers use', () => {
    expect(mapHeaders('measure', ['序号', '问题', '整改措施', '责任单位', '配合单位', '责任人', '整改时限', '整改进展', '整改状态', '完成情况', '备注', '不认识的列'])).toEqual([
      'problemNumber', 'problemId', 'title', 'leadDepartmentId', 'cooperatingDepartmentIds', 'owner', 'deadline', 'progressNote', 'status', null, null, null,
    ]);
    expect(mapHeaders('measure', ['整改时限 ', '完成时限'])).toEqual(['deadline', null]);
  });
});

describe('planning an import', () => {
  const ctx = contextOf({ departments: sample.departments, problems: sample.problems, measures: sample.measures });
  const options = { entity: 'measure' as const, createDepartments: false, actor: '王芳', now: '2022-11-02T00:00:00.000Z' };

  it('reads dates in the forms people type, labels, and department names', () => {
    const table = [
      ['序号', '整改措施', '牵头单位', '整改时限', '整改状态'],
      ['1', '措施甲', '市财政局', '2022/11/2', '已完成'],
      ['2', '措施乙', '市税务局', '2022年11月3日', '整改中'],
      ['3', '措施丙', '市公安局', '44868', '未启动'],
    ];
    const plan = planImport(table, mapHeaders('measure', table[0]!), ctx, options);
    expect(plan.rows.map((r) => r.issues)).toEqual([[], [], []]);
    expect(plan.rows.map((r) => r.change && 'values' in r.change && [r.change.values.deadline, r.change.values.status])).toEqual([
      ['2022-11-02', 'completed'],
      ['2022-11-03', 'in_progress'],
      ['2022-11-03', 'not_started'],
    ]);
  });

  it('names the row, column and reason of each bad cell, and collects unknown departments', () => {
    const table = [
      ['序号', '整改措施', '牵头单位', '整改时限', '进度%'],
      ['1', '好的一行', '市财政局', '2022-12-31', '50'],
      ['1', '坏的一行', '市教育局', '2022-02-30', '150'],
    ];
    const plan = planImport(table, mapHeaders('measure', table[0]!), ctx, options);
    expect(plan.rows[0]?.issues).toEqual([]);
    expect(plan.rows[1]?.change).toBeNull();
    expect(plan.rows[1]?.issues.map((i) => [i.row, i.column, i.code])).toEqual([
      [3, '牵头单位', 'unknownDepartment'],
      [3, '整改时限', 'invalidDate'],
    ]);
    expect(plan.unknownDepartments).toEqual(['市教育局']);
    const creating = planImport(table, mapHeaders('measure', table[0]!), ctx, { ...options, createDepartments: true });
    expect(creating.newDepartments).toMatchObject([{ op: 'create', entity: 'department', values: { name: '市教育局' } }]);
    expect(creating.rows[1]?.issues.map((i) => i.code)).toEqual(['invalidDate']);
  });

  it('sends a change to a record edited since the export through the merge, based on the exported version', () => {
    const measure = { ...sample.measures[0]!, owner: '新值', updatedAt: '2022-12-01T00:00:00.000Z', rev: 7 };
    const stale = contextOf({ departments: sample.departments, problems: sample.problems, measures: [measure] });
    const table = [['编号', '版本', '责任人', '更新时间'], [measure.id, '3', '旧值', '2022-11-15T00:00:00.000Z']];
    const plan = planImport(table, mapHeaders('measure', table[0]!), stale, options);
    expect(plan.rows[0]).toMatchObject({
      change: { op: 'update', id: measure.id, fields: { owner: '旧值' }, base: 3 },
      issues: [{ code: 'changedSinceExport', severity: 'warning', column: '责任人', params: { base: 3, rev: 7 } }],
    });
  });

  it('with only an export time to go by, never overwrites a record changed after it', () => {
    const measure = { ...sample.measures[0]!, owner: '新值', updatedAt: '2022-12-01T00:00:00.000Z', rev: 7 };
    const stale = contextOf({ departments: sample.departments, problems: sample.problems, measures: [measure] });
    const table = [['编号', '责任人', '更新时间'], [measure.id, '旧值', '2022-11-15T00:00:00.000Z']];
    const plan = planImport(table, mapHeaders('measure', table[0]!), stale, options);
    expect(plan.rows[0]).toMatchObject({ change: null, issues: [{ code: 'staleValue', severity: 'warning', column: '责任人' }] });
  });
});

describe('matching rows to records', () => {
  const ctx = contextOf({ departments: sample.departments, problems: sample.problems, measures: sample.measures });
  const options = { entity: 'measure' as const, createDepartments: false, actor: '王芳', now: '2022-11-02T00:00:00.000Z' };

  it('updates the measure a row names by problem and title, and places new measures after the last', () => {
    const existing = sample.measures.find((m) => m.problemId === sample.problems[0]!.id)!;
    const last = Math.max(...sample.measures.filter((m) => m.problemId === existing.problemId).map((m) => m.seq));
    const table = [['序号', '整改措施', '责任人'], ['1', existing.title, '赵六'], ['1', '新增的措施', ''], ['1', '又一条', '']];
    const plan = planImport(table, mapHeaders('measure', table[0]!), ctx, options);
    expect(plan.rows[0]?.change).toEqual({ op: 'update', entity: 'measure', id: existing.id, fields: { owner: '赵六' } });
    expect(plan.rows.slice(1).map((r) => r.change?.op === 'create' && r.change.values.seq)).toEqual([last + 1, last + 2]);
  });

  it('refuses rows the importing account may not change, as the server would', () => {
    const finance = sample.departments.find((d) => d.name === '市财政局')!;
    const staff = { id: 'u1', username: 'cz', displayName: '财政局填报员', role: 'staff' as const, departmentIds: [finance.id] };
    const table = [['序号', '整改措施', '牵头单位'], ['1', '本单位的措施', '市财政局'], ['1', '别人的措施', '市税务局']];
    const plan = planImport(table, mapHeaders('measure', table[0]!), ctx, { ...options, user: staff });
    expect(plan.rows.map((r) => r.issues.map((i) => [i.row, i.column, i.code]))).toEqual([[], [[3, '牵头单位', 'forbidden']]]);
  });
});

describe('the seed’s summary table (附件1)', () => {
  const t = createTranslator('zh-CN');
  it('keeps the source text of every problem whose summary is marked as written by hand', () => {
    expect(SUMMARY_HEADER).toEqual(['序号', '执法检查报告中提出的问题', '检查组提出的意见建议及市人大常委会委员提出的审议意见', '整改落实情况', '责任单位']);
    const rows = computeAnnex({ ...sample, problems: sample.problems.map((p) => ({ ...p, summaryByHand: true })) }, t);
    const seedRows = splitLines(seed).filter((l) => /^\d+\t<p>/.test(l)).map((l) => l.split('\t'));
    expect(rows).toHaveLength(10);
    rows.forEach((row, i) => {
      const source = seedRows[i]!;
      expect(row.number).toBe(Number(source[0]));
      expect([row.problem, row.advice, row.rectification].map(wordsOnly)).toEqual([1, 2, 3].map((col) => wordsOnly(source[col] ?? '')));
    });
  });
});

describe('round trip', () => {
  const departments = [{ id: newId(), name: '市财政局' }, { id: newId(), name: '市税务局' }];
  const problems = [{ id: newId(), number: 1, title: '宣传不够' }, { id: newId(), number: 2, title: '融资难' }];
  const text = fc.string({ unit: fc.constantFrom('整', '改', '"', ',', '\n', ' ', 'a', '=', '-', '，', '“', '@', '\t', '1') });
  const line = fc.string({ unit: fc.constantFrom('整', '改', '"', ',', 'a', '=', '-', '1', '、') }).map((s) => s.trim()).filter((s) => s !== '');
  const measure = fc.record({
    problem: fc.constantFrom(...problems),
    title: line.filter((s) => s.trim() !== ''),
    details: text,
    owner: fc.constantFrom('', '王芳', '李强'),
    deadline: fc.option(fc.date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)), { nil: null }),
    status: fc.constantFrom('not_started', 'in_progress', 'completed', 'ongoing'),
    progress: fc.integer({ min: 0, max: 100 }),
    lead: fc.option(fc.constantFrom(...departments), { nil: null }),
    coop: fc.subarray(departments),
    note: text,
    evidence: fc.array(line.filter((s) => s.trim() !== ''), { maxLength: 3 }),
  });

  it('gives back identical records after export and import, Chinese, quotes, line breaks and empty fields included', () => {
    fc.assert(
      fc.property(fc.array(measure, { minLength: 1, maxLength: 8 }), (drafts) => {
        const records = drafts.map((d, i) => {
          const change: Change = {
            op: 'create', entity: 'measure', id: newId(),
            values: {
              problemId: d.problem.id, seq: i + 1, title: d.title.trim(), details: d.details, owner: d.owner, deadline: d.deadline, status: d.status,
              progress: d.status === 'completed' ? 100 : d.progress, leadDepartmentId: d.lead?.id ?? null,
              cooperatingDepartmentIds: d.coop.filter((c) => c.id !== d.lead?.id).map((c) => c.id), progressNote: d.note, evidence: d.evidence.map((e) => e.trim()),
            },
          };
          const out = applyChange(undefined, change, { actor: 'x', now: '2022-11-02T00:00:00.000Z' });
          if (!out.ok) throw new Error(JSON.stringify(out.errors));
          return out.next as Measure;
        });
        const ctx = contextOf({ departments, problems, measures: [] });
        const table = recordsTable('measure', records, ctx.codec);
        const csv = writeTable(table.header, table.rows);
        const parsed = parseTable(decodeBytes(new TextEncoder().encode(csv)).text).rows;
        const plan = planImport(parsed, mapHeaders('measure', parsed[0]!), ctx, { entity: 'measure', createDepartments: false, actor: 'x', now: '2022-11-02T00:00:00.000Z' });
        expect(plan.rows.flatMap((r) => r.issues)).toEqual([]);
        const back = plan.rows.map((r) => {
          const out = applyChange(undefined, r.change!, { actor: 'x', now: '2022-11-02T00:00:00.000Z' });
          if (!out.ok) throw new Error('refused');
          return out.next!;
        });
        expect(back.map(withoutMeta)).toEqual(records.map(withoutMeta));
        expect(back.map((r) => r.id)).toEqual(records.map((r) => r.id));
      }),
      { numRuns: 60 },
    );
  });
});

describe('the clipboard as Excel and WPS fill it', () => {
  it('reads a block with a quoted multi-line cell and the trailing line break', () => {
    expect(parseClipboard('甲\t"第一行\r\n第二行"\t3\r\n乙\t\t4\r\n')).toEqual([
      ['甲', '第一行\r\n第二行', '3'],
      ['乙', '', '4'],
    ]);
  });

  it('keeps one plain value whole, quotes included', () => {
    expect(parseClipboard('他说"好"\n')).toEqual([['他说"好"']]);
  });

  it('writes what it reads', () => {
    const rows = [['a\tb', '引号"里"', '两\n行'], ['', '2022-11-02', '市财政局、市税务局']];
    expect(parseClipboard(writeClipboard(rows))).toEqual(rows);
  });
});
