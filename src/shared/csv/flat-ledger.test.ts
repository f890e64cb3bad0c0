import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { describeReason } from '../i18n/describe-error.ts';
import { createTranslator } from '../i18n/translate.ts';
import type { Change } from '../model/change.ts';
import { buildSampleLedger } from '../sample/build-sample.ts';
import { changesToCommit, countCreated, describeParseIssue, readFile } from './import-file.ts';
import { type LedgerRecords, lookupsOf } from './lookups.ts';
import { planImport } from './plan-import.ts';

const t = createTranslator('zh-CN');
const sample = buildSampleLedger(readFileSync(new URL('../sample/seed-report.txt', import.meta.url), 'utf8'));
const empty: LedgerRecords = { areas: [], departments: [], problems: [], measures: [] };

const flatLedger = [
  '优化营商环境执法检查问题整改台账,,,,,,,',
  '填报单位：市营商办,,,,,,,',
  '序号,方面,问题,整改措施,责任单位,配合单位,整改时限,整改状态',
  '1,宣传贯彻方面,对《条例》宣传不够深入。群众知晓率低,编印《条例》读本,市司法局,市财政局、市教育局,2022/11/2 0:00,整改中',
  ',,,开展“以案释法”活动,市司法局,,2022年12月底前,已整改',
  '2,执法监管方面,政务服务“一网通办”覆盖不全,梳理事项清单,市政务服务和大数据管理局,,长期坚持,',
  ',,,规范涉企检查,市市场监督管理局,市司法局,2023年1月,未启动',
].join('\r\n');

async function plan(text: string, records: LedgerRecords, createMissing: boolean) {
  const file = await readFile(new Uint8Array(iconv.encode(text, 'gbk')));
  const result = planImport(file.rows, file.mapping, lookupsOf(records, t), { entity: file.entity, createDepartments: false, createMissing, actor: '导入', now: '2022-11-02T00:00:00.000Z', rowNumbers: file.rowNumbers });
  return { file, plan: result, reasons: result.rows.flatMap((r) => r.issues.map((i) => `${i.row} ${i.column}：${describeReason(t, i)}`)) };
}

const valuesOf = (changes: Change[], entity: string) => changes.flatMap((c) => (c.op === 'create' && c.entity === entity ? [c.values] : []));

describe('a flat ledger (one row per measure, problems merged down) into an empty ledger', () => {
  it('finds the header under the title rows, and names the fix for every row when nothing may be created', async () => {
    const { file, reasons } = await plan(flatLedger, empty, false);
    expect(file.headerRow).toBe(3);
    expect(file.rowNumbers).toEqual([3, 4, 5, 6, 7]);
    expect(reasons).toContain('4 责任单位：没有名为“市司法局”的责任单位');
    expect(reasons.filter((r) => r.includes('序号'))).toEqual([
      '4 序号：没有序号为 1 的问题：勾选“创建文件中的新问题”，或先导入问题表',
      '5 序号：没有序号为 1 的问题：勾选“创建文件中的新问题”，或先导入问题表',
      '6 序号：没有序号为 2 的问题：勾选“创建文件中的新问题”，或先导入问题表',
      '7 序号：没有序号为 2 的问题：勾选“创建文件中的新问题”，或先导入问题表',
    ]);
  });

  it('builds the whole ledger when asked: areas, units, problems, then measures, in one list', async () => {
    const { plan: result, reasons } = await plan(flatLedger, empty, true);
    expect(reasons).toEqual([]);
    const changes = changesToCommit(result, false)!;
    expect(changes.map((c) => c.entity)).toEqual(['area', 'area', 'department', 'department', 'department', 'department', 'department', 'problem', 'problem', 'measure', 'measure', 'measure', 'measure']);
    expect(countCreated(result)).toEqual({ problems: 2, areas: 2, departments: 5 });
    const departments = new Map(valuesOf(changes, 'department').map((d, i) => [changes[2 + i]!.id, d.name]));
    const areas = new Map(changes.slice(0, 2).map((c) => [c.id, c.op === 'create' ? c.values.name : '']));
    const problems = valuesOf(changes, 'problem').map((p) => ({
      number: p.number,
      title: p.title,
      description: p.description,
      area: areas.get(p.areaId as string),
      lead: departments.get(p.leadDepartmentId as string),
      cooperating: (p.cooperatingDepartmentIds as string[]).map((id) => departments.get(id)),
    }));
    expect(problems).toEqual([
      { number: 1, title: '对《条例》宣传不够深入', description: '对《条例》宣传不够深入。群众知晓率低', area: '宣传贯彻方面', lead: '市司法局', cooperating: ['市财政局', '市教育局'] },
      { number: 2, title: '政务服务“一网通办”覆盖不全', description: '', area: '执法监管方面', lead: '市政务服务和大数据管理局', cooperating: ['市市场监督管理局', '市司法局'] },
    ]);
    const measures = valuesOf(changes, 'measure').map((m) => [m.title, m.deadline, m.status ?? '(default)', m.seq]);
    expect(measures).toEqual([
      ['编印《条例》读本', '2022-11-02', 'in_progress', 1],
      ['开展“以案释法”活动', '2022-12-31', 'completed', 2],
      ['梳理事项清单', null, 'ongoing', 1],
      ['规范涉企检查', '2023-01-31', 'not_started', 2],
    ]);
    expect(result.rows.map((r) => r.match?.problem?.label)).toEqual(['1. 对《条例》宣传不够深入', '1. 对《条例》宣传不够深入', '2. 政务服务“一网通办”覆盖不全', '2. 政务服务“一网通办”覆盖不全']);
    expect(result.rows[0]!.match?.departments).toEqual([{ name: '市司法局', created: true }, { name: '市财政局', created: true }, { name: '市教育局', created: true }]);
  });
});

describe('matching what the file says', () => {
  const [first, second, third] = [...sample.problems].sort((a, b) => a.number - b.number);
  const ledger: LedgerRecords = { areas: sample.areas, departments: sample.departments, problems: sample.problems, measures: sample.measures };

  it('takes a row-counter 序号 as no problem number: each row goes to the problem its 问题 text names', async () => {
    const text = ['序号,问题,整改措施', `1,${third!.title},甲措施`, `2,,乙措施`, `3,${first!.title},丙措施`].join('\n');
    const { plan: result, reasons } = await plan(text, ledger, false);
    expect(reasons).toEqual([]);
    expect(result.numberIsRowCounter).toBe(true);
    expect(result.rows.map((r) => r.match?.problem?.label)).toEqual([`${third!.number}. ${third!.title}`, `${third!.number}. ${third!.title}`, `${first!.number}. ${first!.title}`]);
  });

  it('refuses a row whose 序号 and 问题 disagree, naming both', async () => {
    const text = ['序号,问题,整改措施', `${second!.number},${first!.title},甲措施`].join('\n');
    const { reasons } = await plan(text, ledger, true);
    expect(reasons).toEqual([`2 序号：序号为 ${second!.number}，但问题“${first!.title}”在台账中的序号是 ${first!.number}`]);
  });

  it('names fields by their labels and lists the allowed values', async () => {
    const text = ['序号,整改措施,整改状态', `${first!.number},,差不多了`].join('\n');
    const { reasons } = await plan(text, ledger, false);
    expect(reasons).toEqual(['2 整改状态：只能是：未启动、整改中、已完成、已销号、长期坚持']);
    const blank = await plan(['序号,整改状态', `${first!.number},整改中`].join('\n'), ledger, false);
    expect(blank.reasons).toEqual(['2 整改措施：不能为空']);
  });

  it('says in Chinese where a quote is not closed', async () => {
    const { file } = await plan('序号,整改措施\n1,"没有结尾的引号\n2,下一行\n', ledger, false);
    expect(file.parseErrors.map((e) => describeParseIssue(t, e))).toEqual(['第 2 行：引号没有成对（一个以引号开头的单元格没有结尾的引号），这一行之后的内容无法读取']);
  });
});
