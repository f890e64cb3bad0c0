// The columns of an export and how an import recognises them: every field's label in both languages plus
// the headers Chinese ledgers commonly use (序号, 责任单位, 整改时限, 完成情况 …).
import { fieldLabel } from '../i18n/describe-error.ts';
import { createTranslator } from '../i18n/translate.ts';
import type { z } from 'zod';
import type { EntityName } from '../model/entities.ts';
import type { FieldKind } from '../model/field-codec.ts';
import { fieldKinds } from '../model/field-kinds.ts';
import { attachmentSchema } from '../model/attachment.ts';
import { reportedFigureSchema, sourceDocumentSchema } from '../model/ledger-info.ts';
import { indicatorSchema } from '../model/measure.ts';
import { noticeSchema, reviewEntrySchema } from '../model/supervision.ts';
import { extensionSchema, progressEntrySchema } from '../model/measure-history.ts';

/** What a column holds: a field of the entity, or one of the columns that identify or place a row. */
export type ColumnKey = string;
export type ColumnSpec = { key: ColumnKey; kind: FieldKind | 'id' | 'rev' | 'seq' | 'timestamp' | 'json' | 'problemNumber' | 'problemArea'; headers: string[] };

const zh = createTranslator('zh-CN');
const en = createTranslator('en');

// Common headers in the ledgers people keep, beyond our own labels; first listed wins when several match.
const synonyms: Record<EntityName, Record<string, string[]>> = {
  measure: {
    id: ['编号', 'ID', 'id', '记录编号'],
    rev: ['版本', 'rev', 'Version'],
    problemNumber: ['问题序号', '序号', 'Problem no.', 'No.'],
    area: ['方面', '问题方面', '问题类别', '类别', 'Area'],
    seq: ['排序', 'Order'],
    problemId: ['问题', '执法检查报告中提出的问题', '存在问题', '问题描述', '主要问题', 'Problem'],
    title: ['整改措施', '措施', '措施名称', '整改任务', 'Measure'],
    details: ['措施内容', '具体措施', 'Details'],
    leadDepartmentId: ['牵头单位', '责任单位', '牵头责任单位', 'Lead', 'Department'],
    cooperatingDepartmentIds: ['配合单位', '协办单位', 'Cooperating'],
    owner: ['责任人', '联系人'],
    deadline: ['整改时限', '完成时限', '时限', '整改期限', 'Deadline'],
    status: ['整改状态', '状态', '完成状态', 'Status'],
    progressNote: ['最新进展', '整改进展', '进展情况', '完成情况', '备注', 'Latest progress'],
    evidence: ['佐证材料', '证明材料', 'Evidence'],
    updatedAt: ['更新时间', 'Updated'],
  },
  problem: {
    id: ['编号', 'ID', 'id'],
    rev: ['版本', 'rev', 'Version'],
    number: ['序号', 'No.'],
    description: ['执法检查报告中提出的问题', '问题描述'],
    recommendations: ['检查组提出的意见建议及市人大常委会委员提出的审议意见', '意见建议', '检查组意见建议'],
    rectificationSummary: ['整改落实情况'],
    departmentsListed: ['责任单位（原文）', '责任单位'],
    updatedAt: ['更新时间', 'Updated'],
  },
  department: {
    id: ['编号', 'ID', 'id'],
    rev: ['版本', 'rev', 'Version'],
    name: ['单位名称', '责任单位', '名称', 'Name'],
    updatedAt: ['更新时间', 'Updated'],
  },
  area: { id: ['编号', 'ID', 'id'], rev: ['版本', 'rev'], updatedAt: ['更新时间'] },
  ledgerInfo: { id: ['编号', 'ID', 'id'], rev: ['版本', 'rev'], updatedAt: ['更新时间'] },
  bulletin: { id: ['编号', 'ID', 'id'], rev: ['版本', 'rev'], updatedAt: ['更新时间'] },
};

function labelsOf(entity: EntityName, key: string): string[] {
  return [fieldLabel(zh, entity, key), fieldLabel(en, entity, key)];
}

/** Structured fields a CSV carries as JSON text, each checked with its own schema on the way in. */
export const jsonFields: { [E in EntityName]: Record<string, z.ZodType> } = {
  area: {},
  department: {},
  problem: {},
  measure: {
    indicators: indicatorSchema.array(),
    progressLog: progressEntrySchema.array(),
    extensions: extensionSchema.array(),
    attachments: attachmentSchema.array(),
    reviews: reviewEntrySchema.array(),
    notices: noticeSchema.array(),
  },
  ledgerInfo: { documents: sourceDocumentSchema.array(), reportedFigures: reportedFigureSchema.array() },
  bulletin: {},
};

/** Every column an entity's CSV may have, in export order. */
export function columnsOf(entity: EntityName): ColumnSpec[] {
  const kinds = fieldKinds[entity];
  const json = Object.keys(jsonFields[entity]);
  const keys = ['id', 'rev', ...(entity === 'measure' ? ['problemNumber', 'area', 'seq'] : []), ...Object.keys(kinds), ...json, 'updatedAt'];
  return keys.map((key) => {
    const kind: ColumnSpec['kind'] = json.includes(key)
      ? 'json'
      : key === 'id' || key === 'rev' || key === 'problemNumber' || (key === 'seq' && entity === 'measure')
        ? key
        : key === 'area' && entity === 'measure'
          ? 'problemArea'
          : key === 'updatedAt'
            ? 'timestamp'
            : (kinds[key] ?? 'text');
    const headers = [...new Set([...(synonyms[entity][key] ?? []), ...labelsOf(entity, key)])];
    return { key, kind, headers };
  });
}

const squash = (s: string) => s.replace(/[\s\u3000*（）()：:%％]/g, '').toLowerCase();

/**
 * Which column each header is: exact matches first, then ignoring spaces, brackets and case. Each field is
 * taken once (the first column that claims it); headers nothing recognises map to null.
 */
export function mapHeaders(entity: EntityName, headers: string[]): (ColumnKey | null)[] {
  const columns = columnsOf(entity);
  const taken = new Set<string>();
  const pick = (header: string, loose: boolean) => {
    const wanted = loose ? squash(header) : header.trim();
    for (const column of columns) {
      if (taken.has(column.key)) continue;
      if (column.headers.some((h) => (loose ? squash(h) : h) === wanted)) return column.key;
    }
    return null;
  };
  const first = headers.map((h) => {
    const key = pick(h, false);
    if (key) taken.add(key);
    return key;
  });
  return first.map((key, i) => {
    if (key) return key;
    const loose = pick(headers[i] ?? '', true);
    if (loose) taken.add(loose);
    return loose;
  });
}
