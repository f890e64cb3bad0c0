// An import from file to changes, in the steps the import dialog and the command line share: read the bytes,
// guess what the rows are, plan, report, and gather the changes to commit (all rows, or all but the bad ones).
import { describeReason } from '../i18n/describe-error.ts';
import type { Translate } from '../i18n/translate.ts';
import type { Change } from '../model/change.ts';
import type { EntityName } from '../model/entities.ts';
import { type ColumnKey, mapHeaders } from './columns.ts';
import { decodeBytes, type Encoding } from './decode.ts';
import type { Table } from './export.ts';
import type { ImportPlan } from './plan-import.ts';
import { parseTable } from './table.ts';

export const importEntities = ['measure', 'problem', 'department'] as const satisfies readonly EntityName[];
export type ImportEntity = (typeof importEntities)[number];

export type ReadFile = {
  encoding: Encoding;
  delimiter: string;
  /** Header first; rows with every cell empty are dropped. */
  rows: string[][];
  entity: ImportEntity;
  mapping: (ColumnKey | null)[];
  /** Structural problems the parser met (an unclosed quote…), by row. */
  parseErrors: string[];
};

const IDENTIFYING = new Set(['id', 'rev', 'updatedAt']);

/** Which entity a header describes best: the one whose fields it names most (measures win ties). */
export function guessEntity(header: string[]): ImportEntity {
  let best: ImportEntity = 'measure';
  let bestScore = -1;
  for (const entity of importEntities) {
    const score = mapHeaders(entity, header).filter((k) => k !== null && !IDENTIFYING.has(k)).length;
    if (score > bestScore) [best, bestScore] = [entity, score];
  }
  return best;
}

export function readFile(bytes: Uint8Array, options: { encoding?: Encoding; entity?: ImportEntity } = {}): ReadFile {
  const { text, encoding } = decodeBytes(bytes, options.encoding);
  const parsed = parseTable(text);
  const header = parsed.rows[0] ?? [];
  const entity = options.entity ?? guessEntity(header);
  return { encoding, delimiter: parsed.delimiter, rows: parsed.rows, entity, mapping: mapHeaders(entity, header), parseErrors: parsed.errors };
}

export type PlanCounts = { rows: number; creates: number; updates: number; unchanged: number; errorRows: number; warnings: number };

export function countPlan(plan: ImportPlan): PlanCounts {
  const counts: PlanCounts = { rows: plan.rows.length, creates: 0, updates: 0, unchanged: 0, errorRows: 0, warnings: 0 };
  for (const row of plan.rows) {
    if (row.issues.some((i) => i.severity === 'error')) counts.errorRows++;
    else if (row.change?.op === 'create') counts.creates++;
    else if (row.change?.op === 'update') counts.updates++;
    else counts.unchanged++;
    counts.warnings += row.issues.filter((i) => i.severity === 'warning').length;
  }
  return counts;
}

/** The error report a user downloads: one line per problem, naming row, column and reason. */
export function issuesTable(t: Translate, plan: ImportPlan): Table {
  return {
    header: [t('import.report.row'), t('import.report.column'), t('import.report.severity'), t('import.report.reason')],
    rows: plan.rows.flatMap((r) => r.issues.map((i) => [i.row, i.column, t(`import.severity.${i.severity}`), describeReason(t, i)])),
  };
}

/**
 * The changes to commit: the departments to create (only those a committed row uses), then every row's change.
 * With a bad row and no leave to exclude bad rows, nothing: a file imports whole or not at all.
 */
export function changesToCommit(plan: ImportPlan, excludeBadRows: boolean): Change[] | null {
  const bad = plan.rows.some((r) => r.issues.some((i) => i.severity === 'error'));
  if (bad && !excludeBadRows) return null;
  const rows = plan.rows.flatMap((r) => (r.change && !r.issues.some((i) => i.severity === 'error') ? [r.change] : []));
  const used = new Set(rows.flatMap((c) => Object.values(c.op === 'create' ? c.values : c.op === 'update' ? c.fields : {}).flat().filter((v): v is string => typeof v === 'string')));
  return [...plan.newDepartments.filter((d) => used.has(d.id)), ...rows];
}
