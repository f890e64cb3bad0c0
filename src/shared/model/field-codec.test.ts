import { describe, expect, it } from 'vitest';
import { createTranslator } from '../i18n/translate.ts';
import { type CodecContext, formatFieldValue, parseFieldText } from './field-codec.ts';

const departments = new Map([['d1', '市财政局'], ['d2', '市税务局']]);
const ctx: CodecContext = {
  t: createTranslator('zh-CN'),
  findDepartment: (name) => [...departments].find(([, n]) => n === name)?.[0],
  departmentName: (id) => departments.get(id),
  findArea: () => undefined,
  areaName: () => undefined,
  findProblem: () => undefined,
  problemName: () => undefined,
  problemNumber: () => undefined,
};

describe('field codecs (typed, pasted and imported cells)', () => {
  it('reads statuses by Chinese label, English label or code', () => {
    expect(parseFieldText('status', '已完成', ctx)).toEqual({ ok: true, value: 'completed' });
    expect(parseFieldText('status', 'Closed', ctx)).toEqual({ ok: true, value: 'closed' });
    expect(parseFieldText('status', 'in_progress', ctx)).toEqual({ ok: true, value: 'in_progress' });
    expect(parseFieldText('status', '差不多了', ctx)).toEqual({ ok: false, code: 'invalidChoice', params: { allowed: '未启动、整改中、已完成、已销号、长期坚持' } });
    expect(parseFieldText('status', '已整改', ctx)).toEqual({ ok: true, value: 'completed' });
  });

  it('reads dates in the forms people type', () => {
    expect(parseFieldText('date', '2022/11/2', ctx)).toEqual({ ok: true, value: '2022-11-02' });
    expect(parseFieldText('date', '２０２２年１１月２日', ctx)).toEqual({ ok: true, value: '2022-11-02' });
    expect(parseFieldText('date', '', ctx)).toEqual({ ok: true, value: null });
    expect(parseFieldText('date', '明年', ctx)).toEqual({ ok: false, code: 'invalidDate' });
  });

  it('reads percentages and full-width digits', () => {
    expect(parseFieldText('percent', '80%', ctx)).toEqual({ ok: true, value: 80 });
    expect(parseFieldText('percent', '８０', ctx)).toEqual({ ok: true, value: 80 });
    expect(parseFieldText('percent', '八十', ctx)).toEqual({ ok: false, code: 'invalidNumber' });
  });

  it('turns department names into ids and names an unknown one', () => {
    expect(parseFieldText('departments', '市财政局、市税务局', ctx)).toEqual({ ok: true, value: ['d1', 'd2'] });
    expect(parseFieldText('departments', '市财政局，市教育局', ctx)).toEqual({ ok: false, code: 'unknownDepartment', params: { name: '市教育局' } });
    expect(parseFieldText('department', '', ctx)).toEqual({ ok: true, value: null });
  });

  it('reads roles for the matrix', () => {
    expect(parseFieldText('role', '牵头', ctx)).toEqual({ ok: true, value: 'lead' });
    expect(parseFieldText('role', '—', ctx)).toEqual({ ok: true, value: null });
  });

  it('refuses a line break in a single-line field and keeps them in a long text', () => {
    expect(parseFieldText('text', '一行\n两行', ctx)).toEqual({ ok: false, code: 'noLineBreaks' });
    expect(parseFieldText('multiline', '一行\r\n两行\n', ctx)).toEqual({ ok: true, value: '一行\n两行' });
    expect(parseFieldText('lines', '《甲》\n\n《乙》 ', ctx)).toEqual({ ok: true, value: ['《甲》', '《乙》'] });
  });

  it('formats values so that they read back to the same value', () => {
    for (const [kind, value] of [['departments', ['d2', 'd1']], ['status', 'ongoing'], ['lines', ['a', 'b']], ['date', '2022-01-31']] as const) {
      const text = formatFieldValue(kind, value, ctx);
      expect(parseFieldText(kind, text, ctx)).toEqual({ ok: true, value });
    }
  });
});

describe('the yes/no switch (整改落实情况手写)', () => {
  it('reads 是/否 in either language, empty as no, and refuses anything else naming the choices', () => {
    expect(['是', '否', 'yes', 'No', '', 'true'].map((s) => parseFieldText('yesNo', s, ctx))).toEqual([true, false, true, false, false, true].map((value) => ({ ok: true, value })));
    expect(parseFieldText('yesNo', '也许', ctx)).toEqual({ ok: false, code: 'invalidChoice', params: { allowed: '是、否' } });
    expect([formatFieldValue('yesNo', true, ctx), formatFieldValue('yesNo', false, ctx), formatFieldValue('yesNo', 'true', ctx)]).toEqual(['是', '否', '是']);
  });
});
