// The import/export worker: decodes, parses, plans and commits imports, and builds full-data exports, off the
// page's thread so that 100,000 rows never freeze the grid. One import at a time per worker.
/// <reference lib="webworker" />
import '#client/lib/zod-config.ts';
import { ledgerTable } from '#shared/csv/ledger-table.ts';
import { changesToCommit, countPlan, type ImportEntity, issuesTable, type ReadFile, readFile } from '#shared/csv/import-file.ts';
import { lookupsOf } from '#shared/csv/lookups.ts';
import { type ImportPlan, planImport } from '#shared/csv/plan-import.ts';
import { createTranslator } from '#shared/i18n/translate.ts';
import { tableBlob } from '#client/lib/spreadsheet-file.ts';
import { describeStorageError } from '#client/storage/storage-error.ts';
import { openWorkerStorage, type WorkerStorage } from '#client/storage/worker-storage.ts';
import type { CommitResult, PlanSummary, PreviewRow, ReadSummary, TransferRequest, TransferResponse } from './transfer-protocol.ts';

declare const self: DedicatedWorkerGlobalScope;

const PREVIEW_ISSUES = 500;
const PREVIEW_FIRST = 50;

let file: ReadFile | null = null;
let planned: { plan: ImportPlan; entity: ImportEntity } | null = null;
let storage: { name: string; open: Promise<WorkerStorage> } | null = null;

function storageFor(name: string): Promise<WorkerStorage> {
  if (storage?.name !== name) storage = { name, open: openWorkerStorage(name) };
  return storage.open;
}

type Progress = (phase: Extract<TransferResponse, { type: 'progress' }>['phase'], done: number, total: number) => void;

async function handle(request: TransferRequest, progress: Progress): Promise<ReadSummary | PlanSummary | CommitResult | { blob: Blob }> {
  switch (request.type) {
    case 'read': {
      progress('read', 0, 1);
      file = readFile(new Uint8Array(request.bytes), { encoding: request.encoding, entity: request.entity });
      planned = null;
      return {
        encoding: file.encoding,
        delimiter: file.delimiter,
        header: file.rows[0] ?? [],
        sample: file.rows.slice(1, 6),
        rowCount: Math.max(0, file.rows.length - 1),
        entity: file.entity,
        mapping: file.mapping,
        parseErrors: file.parseErrors.slice(0, 20),
      };
    }
    case 'plan': {
      if (!file) throw new Error('no file read');
      progress('load', 0, 1);
      const records = await (await storageFor(request.dbName)).loadRecords();
      const t = createTranslator(request.locale);
      const plan = planImport(file.rows, request.mapping, lookupsOf(records, t), {
        entity: request.entity,
        createDepartments: request.createDepartments,
        actor: request.user?.displayName ?? '',
        now: new Date().toISOString(),
        user: request.user ?? undefined,
        onProgress: (done, total) => progress('plan', done, total),
      });
      planned = { plan, entity: request.entity };
      return summarise(plan, file.rows);
    }
    case 'report': {
      if (!planned) throw new Error('nothing planned');
      return { blob: await tableBlob(issuesTable(createTranslator(request.locale), planned.plan), 'csv') };
    }
    case 'commit': {
      if (!planned || !storage) throw new Error('nothing planned');
      const changes = changesToCommit(planned.plan, request.excludeBadRows);
      if (!changes) return { ok: false, reason: 'badRows', errorRows: countPlan(planned.plan).errorRows };
      progress('save', 0, changes.length);
      const result = await (await storage.open).save(changes);
      if (!result.ok) return { ok: false, reason: 'refused', errors: result.errors.slice(0, 200) };
      planned = null;
      return { ok: true, saved: changes.length, inverse: result.inverse };
    }
    case 'export': {
      progress('load', 0, 1);
      const records = await (await storageFor(request.dbName)).loadRecords();
      progress('export', 0, 1);
      return { blob: await tableBlob(ledgerTable(records, request.kind, createTranslator(request.locale)), request.format) };
    }
  }
}

function summarise(plan: ImportPlan, rows: string[][]): PlanSummary {
  const previewOf = (i: number): PreviewRow => {
    const planned = plan.rows[i]!;
    const bad = planned.issues.some((x) => x.severity === 'error');
    return { row: planned.row, op: bad ? 'error' : (planned.change?.op as 'create' | 'update' | undefined) ?? 'unchanged', cells: rows[i + 1] ?? [], issues: planned.issues };
  };
  const withIssues = plan.rows.flatMap((r, i) => (r.issues.length > 0 ? [i] : [])).slice(0, PREVIEW_ISSUES);
  const first = plan.rows.slice(0, PREVIEW_FIRST).map((_, i) => i).filter((i) => !withIssues.includes(i));
  return {
    counts: countPlan(plan),
    unknownDepartments: plan.unknownDepartments,
    newDepartments: plan.newDepartments.length,
    preview: [...withIssues, ...first].map(previewOf),
  };
}

self.onmessage = (event: MessageEvent<{ id: number; request: TransferRequest }>) => {
  const { id, request } = event.data;
  const post = (response: TransferResponse) => self.postMessage(response);
  handle(request, (phase, done, total) => post({ id, type: 'progress', phase, done, total })).then(
    (result) => post({ id, type: 'done', result }),
    (error: unknown) => post({ id, type: 'failed', message: describeStorageError(createTranslator('locale' in request ? request.locale : 'zh-CN'), error) }),
  );
};
