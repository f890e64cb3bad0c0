// Text ↔ value for each kind of field, so that a typed cell, a pasted cell and a CSV cell are read alike.
import { createTranslator, type Translate } from '../i18n/translate.ts';
import { parseDate } from './dates.ts';
import { type DepartmentKind, type DepartmentLevel, departmentKinds, departmentLevels } from './department.ts';
import type { ErrorCode } from './field-error.ts';
import { type MeasureType, measureTypes } from './measure.ts';
import { type Role, roles } from './problem.ts';
import { type Status, statuses } from './status.ts';

export type FieldKind =
  | 'text'
  | 'multiline'
  | 'lines'
  | 'date'
  | 'int'
  | 'percent'
  | 'status'
  | 'measureType'
  | 'level'
  | 'departmentKind'
  | 'yesNo'
  | 'area'
  | 'problem'
  | 'department'
  | 'departments'
  | 'role';

/** What a codec needs to turn names into ids and back. */
export type CodecContext = {
  t: Translate;
  findDepartment: (name: string) => string | undefined;
  departmentName: (id: string) => string | undefined;
  findArea: (name: string) => string | undefined;
  areaName: (id: string) => string | undefined;
  findProblem: (text: string) => string | undefined;
  problemName: (id: string) => string | undefined;
  problemNumber: (id: string) => number | undefined;
};

export type ParseResult = { ok: true; value: unknown } | { ok: false; code: ErrorCode; params?: Record<string, string | number> };

const LIST_SPLIT = /[、，,;；\n\r\t]+/;

const WIDE = /[\uFF01-\uFF5E\u3000]/;
/** Turns full-width digits and punctuation into their ASCII forms, as Chinese input methods often type them. */
export function normaliseWidth(text: string): string {
  // Most cells have nothing to turn: one test instead of two replacements each.
  if (!WIDE.test(text)) return text;
  return text
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ');
}

// An option is recognised by its code or by its label in any of the given catalogues, so that a
// coordinator working in Chinese can still paste a sheet written in English, and the other way round.
// A refusal lists the values allowed, in the reader's language: “整改状态”只能是：未启动、整改中…
function parseEnum(text: string, values: readonly string[], prefix: string, translators: Translate[], ctx: CodecContext): ParseResult {
  const wanted = text.trim().toLowerCase();
  for (const value of values) {
    if (wanted === value) return { ok: true, value };
    for (const t of translators) {
      if (wanted === t(`${prefix}.${value}` as Parameters<Translate>[0]).toLowerCase()) return { ok: true, value };
    }
  }
  const allowed = values.map((v) => ctx.t(`${prefix}.${v}` as Parameters<Translate>[0])).join(ctx.t('common.separator'));
  return { ok: false, code: 'invalidChoice', params: { allowed } };
}

// Words ledgers use for a status besides our own labels (已整改 is 已完成 in most offices' sheets).
const statusWords: Record<string, Status> = {
  已整改: 'completed',
  整改完成: 'completed',
  已完成整改: 'completed',
  完成: 'completed',
  已办结: 'completed',
  正在整改: 'in_progress',
  推进中: 'in_progress',
  进行中: 'in_progress',
  未开始: 'not_started',
  未整改: 'not_started',
  长期: 'ongoing',
  持续推进: 'ongoing',
  常态化推进: 'ongoing',
};

/** Whether a deadline cell says the work has no end date (长期坚持): the measure's status, not a date. */
export function isOngoingText(text: string): boolean {
  return /^(长期坚持|长期|持续推进|持续|常态化|常态化推进)$/.test(text.trim());
}

const bothLanguages = [createTranslator('zh-CN'), createTranslator('en')];

export function parseFieldText(kind: FieldKind, raw: string, ctx: CodecContext): ParseResult {
  const text = raw.replace(/\r\n?/g, '\n');
  const trimmed = text.trim();
  switch (kind) {
    case 'text':
      return /\n/.test(trimmed) ? { ok: false, code: 'noLineBreaks' } : { ok: true, value: trimmed };
    case 'multiline':
      return { ok: true, value: text.replace(/^\n+|\n+$/g, '') };
    case 'lines':
      return { ok: true, value: trimmed.split(/\n+/).map((s) => s.trim()).filter((s) => s !== '') };
    case 'date': {
      if (trimmed === '') return { ok: true, value: null };
      const date = parseDate(normaliseWidth(trimmed));
      return date ? { ok: true, value: date } : { ok: false, code: 'invalidDate' };
    }
    case 'int':
    case 'percent': {
      const cleaned = normaliseWidth(trimmed).replace(/[,\s]/g, '').replace(/%$/, '');
      if (!/^-?\d+(\.\d+)?$/.test(cleaned)) return { ok: false, code: 'invalidNumber' };
      return { ok: true, value: Math.round(Number(cleaned)) };
    }
    case 'status':
    case 'measureType':
    case 'level':
    case 'departmentKind': {
      const [values, prefix] = enumOf(kind);
      const word = kind === 'status' ? statusWords[normaliseWidth(trimmed).replace(/\s+/g, '')] : undefined;
      return word ? { ok: true, value: word } : parseEnum(trimmed, values, prefix, bothLanguages, ctx);
    }
    case 'yesNo': {
      // Empty is no: a switch that was never set is off.
      if (trimmed === '' || trimmed === 'false') return { ok: true, value: false };
      if (trimmed === 'true') return { ok: true, value: true };
      const parsed = parseEnum(trimmed, ['true', 'false'], 'yesNo', bothLanguages, ctx);
      return parsed.ok ? { ok: true, value: parsed.value === 'true' } : parsed;
    }
    case 'role': {
      if (trimmed === '' || trimmed === '—' || trimmed === '-') return { ok: true, value: null };
      return parseEnum(trimmed, roles, 'role', bothLanguages, ctx);
    }
    case 'area':
      return lookup(trimmed, ctx.findArea, 'unknownReference');
    case 'problem':
      return lookup(trimmed, ctx.findProblem, 'unknownReference');
    case 'department':
      return lookup(trimmed, ctx.findDepartment, 'unknownDepartment');
    case 'departments': {
      const ids: string[] = [];
      for (const name of trimmed.split(LIST_SPLIT).map((s) => s.trim()).filter((s) => s !== '')) {
        const id = ctx.findDepartment(name);
        if (!id) return { ok: false, code: 'unknownDepartment', params: { name } };
        if (!ids.includes(id)) ids.push(id);
      }
      return { ok: true, value: ids };
    }
  }
}

function enumOf(kind: 'status' | 'measureType' | 'level' | 'departmentKind'): [readonly string[], string] {
  if (kind === 'status') return [statuses, 'status'];
  if (kind === 'measureType') return [measureTypes, 'type'];
  if (kind === 'departmentKind') return [departmentKinds, 'departmentKind'];
  return [departmentLevels, 'level'];
}

function lookup(text: string, find: (name: string) => string | undefined, code: ErrorCode): ParseResult {
  if (text === '') return { ok: true, value: null };
  const id = find(text);
  return id ? { ok: true, value: id } : { ok: false, code, params: { name: text } };
}

function asText(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
}

export function formatFieldValue(kind: FieldKind, value: unknown, ctx: CodecContext): string {
  if (value === null || value === undefined) return '';
  switch (kind) {
    case 'status':
      return ctx.t(`status.${value as Status}`);
    case 'measureType':
      return ctx.t(`type.${value as MeasureType}`);
    case 'level':
      return ctx.t(`level.${value as DepartmentLevel}`);
    case 'departmentKind':
      return ctx.t(`departmentKind.${value as DepartmentKind}`);
    case 'role':
      return ctx.t(`role.${value as Role}`);
    case 'yesNo':
      return ctx.t(value === true || value === 'true' ? 'yesNo.true' : 'yesNo.false');
    case 'area':
      return ctx.areaName(asText(value)) ?? '';
    case 'problem':
      return ctx.problemName(asText(value)) ?? '';
    case 'department':
      return ctx.departmentName(asText(value)) ?? '';
    case 'departments':
      // Always 、: department names are Chinese, and the list must read back through parseFieldText.
      return (value as string[]).map((id) => ctx.departmentName(id) ?? '').join('、');
    case 'lines':
      return (value as string[]).join('\n');
    default:
      return asText(value);
  }
}
