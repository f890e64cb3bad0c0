// 导入 Import: choose a workbook or CSV file, check how it was read and how its columns map, preview every row (the
// problem and units each is matched to, what will be created), then commit all of it (or all but the bad rows) in
// one transaction. The work runs in a worker; this is only its face.
import { useState } from 'react';
import { type ColumnKey, mapHeaders } from '#shared/csv/columns.ts';
import type { ImportEntity } from '#shared/csv/import-file.ts';
import { describeFieldError } from '#shared/i18n/describe-error.ts';
import { useSettings, useStorage, useT } from '#client/context/ledger-context.tsx';
import { downloadBlob } from '#client/lib/download.ts';
import { Dialog } from '#client/ui/dialog.tsx';
import { useToast } from '#client/ui/toast.tsx';
import { type FileChoice, FileOptions } from './file-options.tsx';
import { MappingStep } from './mapping-step.tsx';
import { PreviewStep } from './preview-step.tsx';
import type { Progress, TransferClient } from './transfer-client.ts';
import { useTransferClient } from './use-transfer-client.ts';
import { ProgressLine } from './progress-line.tsx';
import type { PlanSummary, ReadSummary } from './transfer-protocol.ts';

type Step = { kind: 'choose' } | { kind: 'mapping'; read: ReadSummary } | { kind: 'preview'; read: ReadSummary; plan: PlanSummary };

export function ImportDialog({ open, onClose, onDone }: { open: boolean; onClose: () => void; onDone: () => void }) {
  const t = useT();
  const storage = useStorage();
  const settings = useSettings();
  const toast = useToast();
  const [file, setFile] = useState<File | null>(null);
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const [entity, setEntity] = useState<ImportEntity>('measure');
  const [choice, setChoice] = useState<FileChoice>({ encoding: '', sheet: '', headerRow: undefined });
  const [mapping, setMapping] = useState<(ColumnKey | null)[]>([]);
  const [createDepartments, setCreateDepartments] = useState(false);
  const [createMissing, setCreateMissing] = useState(false);
  const [excludeBadRows, setExcludeBadRows] = useState(false);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [messages, setMessages] = useState<string[]>([]);
  const client = useTransferClient(open, () => {
    setStep({ kind: 'choose' });
    setFile(null);
    setChoice({ encoding: '', sheet: '', headerRow: undefined });
    setMessages([]);
    setCreateDepartments(false);
    setCreateMissing(false);
    setExcludeBadRows(false);
  });


  const work = async <T,>(task: (c: TransferClient) => Promise<T>): Promise<T | null> => {
    const c = client.current;
    if (!c) return null;
    setMessages([]);
    setProgress({ phase: 'read', done: 0, total: 1 });
    try {
      return await task(c);
    } catch (error) {
      setMessages([t('import.failed', { message: error instanceof Error ? error.message : String(error) })]);
      return null;
    } finally {
      setProgress(null);
    }
  };

  const read = async (chosen: File, next: FileChoice) => {
    setChoice(next);
    const bytes = await chosen.arrayBuffer();
    const result = await work(async (c) => c.run({ type: 'read', bytes, locale: settings.locale, encoding: next.encoding || undefined, sheet: next.sheet || undefined, headerRow: next.headerRow }, setProgress));
    if (!result) {
      setStep({ kind: 'choose' });
      return;
    }
    setEntity(result.entity);
    setMapping(result.mapping);
    setStep({ kind: 'mapping', read: result });
    if (result.rowCount === 0) setMessages([t('import.empty')]);
    else if (result.parseErrors.length > 0) setMessages([t('import.parseErrors'), ...result.parseErrors]);
  };

  const plan = async (readSummary: ReadSummary, create: boolean, missing: boolean) => {
    const result = await work((c) =>
      c.run({ type: 'plan', dbName: storage.db.name, locale: settings.locale, entity, mapping, createDepartments: create, createMissing: missing, user: settings.account }, setProgress),
    );
    if (result) setStep({ kind: 'preview', read: readSummary, plan: result });
  };

  const commit = async () => {
    const result = await work((c) => c.run({ type: 'commit', excludeBadRows }, setProgress));
    if (!result) return;
    if (result.ok) {
      // Saved by the worker: the import is still one step of this tab's undo.
      storage.undo.record(result.inverse);
      toast.show({ kind: 'info', text: t('toast.imported', { count: result.saved }), action: { label: t('action.undo'), run: () => void storage.save(result.inverse) } });
      onDone();
    } else if (result.reason === 'badRows') {
      setMessages([t('import.badRowsBlock', { count: result.errorRows })]);
    } else {
      setMessages([
        t('import.refused'),
        ...result.errors.flatMap((r) => r.errors.map((e) => describeFieldError(t, r.entity, e, t('error.rowOf', { entity: t(`entity.${r.entity}`), name: r.id })))),
      ]);
    }
  };

  const report = async () => {
    const result = await work((c) => c.run({ type: 'report', locale: settings.locale }));
    if (result) downloadBlob(t('import.reportFile'), result.blob);
  };

  const template = async () => {
    const result = await work((c) => c.run({ type: 'template', locale: settings.locale }));
    if (result) downloadBlob(t('import.templateFile'), result.blob);
  };

  const busy = progress !== null;
  const mappedColumns = mapping.flatMap((k, i) => (k ? [i] : []));
  const counts = step.kind === 'preview' ? step.plan.counts : null;
  const committable = counts ? counts.creates + counts.updates : 0;
  const blocked = counts !== null && counts.errorRows > 0 && !excludeBadRows;

  return (
    <Dialog
      open={open}
      wide
      title={t('import.title')}
      onClose={() => !busy && onClose()}
      actions={
        <>
          <button type="button" className="button" disabled={busy} onClick={onClose}>
            {t('action.cancel')}
          </button>
          {step.kind === 'preview' && (
            <button type="button" className="button" disabled={busy} onClick={() => setStep({ kind: 'mapping', read: step.read })}>
              {t('import.back')}
            </button>
          )}
          {step.kind === 'mapping' && (
            <button type="button" className="button button--primary" disabled={busy || mappedColumns.length === 0 || step.read.rowCount === 0} onClick={() => void plan(step.read, createDepartments, createMissing)}>
              {t('import.check')}
            </button>
          )}
          {step.kind === 'preview' && (
            <button type="button" className="button button--primary" disabled={busy || blocked || committable === 0} onClick={() => void commit()}>
              {t('import.commit', { count: committable })}
            </button>
          )}
        </>
      }
    >
      <section className="transfer-options">
        <div className="menu-row">
          <label className="field">
            <span>{t('import.chooseFile')}</span>
            <input
              type="file"
              accept=".xlsx,.xls,.et,.csv,.tsv,.txt,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv,text/tab-separated-values,text/plain"
              disabled={busy}
              onChange={(e) => {
                const chosen = e.target.files?.[0];
                if (!chosen) return;
                setFile(chosen);
                void read(chosen, { encoding: '', sheet: '', headerRow: undefined });
              }}
            />
          </label>
          <button type="button" className="button" disabled={busy} onClick={() => void template()}>
            {t('import.template')}
          </button>
        </div>
        <p className="note">{t('import.fileNote')}</p>
        {step.kind !== 'choose' && (
          <FileOptions
            read={step.read}
            entity={entity}
            choice={choice}
            busy={busy || !file}
            onEntity={(next) => {
              setEntity(next);
              setMapping(mapHeaders(next, step.read.header));
              setStep({ kind: 'mapping', read: step.read });
            }}
            onChoice={(next) => file && void read(file, next)}
          />
        )}
      </section>
      {progress && <ProgressLine progress={progress} />}
      {messages.length > 0 && (
        <div className="transfer-messages" role="alert">
          {messages.map((m, i) => (
            <p key={i}>{m}</p>
          ))}
        </div>
      )}
      {step.kind === 'mapping' && <MappingStep read={step.read} entity={entity} mapping={mapping} onChange={setMapping} />}
      {step.kind === 'preview' && (
        <>
          {step.plan.missingProblems > 0 && (
            <div className="transfer-departments">
              <p>{t('import.missingProblems', { count: step.plan.missingProblems })}</p>
              <label className="check">
                <input
                  type="checkbox"
                  checked={createMissing}
                  disabled={busy}
                  onChange={(e) => {
                    setCreateMissing(e.target.checked);
                    void plan(step.read, createDepartments, e.target.checked);
                  }}
                />
                {t('import.createMissing')}
              </label>
            </div>
          )}
          {step.plan.unknownDepartments.length > 0 && !createMissing && (
            <div className="transfer-departments">
              <p>{t('import.unknownDepartments', { count: step.plan.unknownDepartments.length, names: step.plan.unknownDepartments.slice(0, 20).join('、') })}</p>
              <label className="check">
                <input
                  type="checkbox"
                  checked={createDepartments}
                  disabled={busy}
                  onChange={(e) => {
                    setCreateDepartments(e.target.checked);
                    void plan(step.read, e.target.checked, createMissing);
                  }}
                />
                {t('import.createDepartments')}
              </label>
            </div>
          )}
          {step.plan.created.problems + step.plan.created.departments > 0 && (
            <p className="transfer-create" data-testid="import-creates">
              {t('import.willCreate', { problems: step.plan.created.problems, measures: step.plan.counts.creates, departments: step.plan.created.departments })}
              {step.plan.created.areas > 0 && t('import.willCreateAreas', { count: step.plan.created.areas })}
            </p>
          )}
          {step.plan.numberIsRowCounter && <p className="note">{t('import.rowCounter')}</p>}
          {(step.plan.counts.errorRows > 0 || step.plan.counts.warnings > 0) && (
            <div className="menu-row">
              {step.plan.counts.errorRows > 0 && (
                <label className="check">
                  <input type="checkbox" checked={excludeBadRows} disabled={busy} onChange={(e) => setExcludeBadRows(e.target.checked)} />
                  {t('import.excludeBadRows', { count: step.plan.counts.errorRows })}
                </label>
              )}
              <button type="button" className="button" disabled={busy} onClick={() => void report()}>
                {t('import.downloadReport')}
              </button>
            </div>
          )}
          {blocked && <p className="transfer-blocked">{t('import.badRowsBlock', { count: step.plan.counts.errorRows })}</p>}
          <PreviewStep plan={step.plan} header={step.read.header} mappedColumns={mappedColumns} />
        </>
      )}
    </Dialog>
  );
}
