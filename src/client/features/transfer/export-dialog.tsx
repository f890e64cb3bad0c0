// 导出 Export: the full data of the ledger (measures, problems, departments) or the report's summary table
// 附件1, as CSV or XLSX; built in the worker, so that 100,000 measures never freeze the page.
import { useState } from 'react';
import { useSettings, useStorage, useT } from '#client/context/ledger-context.tsx';
import { downloadBlob } from '#client/lib/download.ts';
import { type FileFormat, fileName } from '#client/lib/spreadsheet-file.ts';
import { Dialog } from '#client/ui/dialog.tsx';
import { useToast } from '#client/ui/toast.tsx';
import { ProgressLine } from './progress-line.tsx';
import type { Progress } from './transfer-client.ts';
import { useTransferClient } from './use-transfer-client.ts';
import { type ExportKind, exportKinds } from '#shared/csv/ledger-table.ts';

export function ExportDialog({ open, onClose, onDone }: { open: boolean; onClose: () => void; onDone: () => void }) {
  const t = useT();
  const storage = useStorage();
  const settings = useSettings();
  const toast = useToast();
  const client = useTransferClient(open);
  const [kind, setKind] = useState<ExportKind>('measure');
  const [format, setFormat] = useState<FileFormat>('xlsx');
  const [progress, setProgress] = useState<Progress | null>(null);

  const run = async () => {
    const c = client.current;
    if (!c) return;
    setProgress({ phase: 'load', done: 0, total: 1 });
    try {
      const { blob } = await c.run({ type: 'export', dbName: storage.db.name, locale: settings.locale, kind, format }, setProgress);
      const name = fileName(t(`export.file.${kind}`), format);
      downloadBlob(name, blob);
      toast.show({ kind: 'info', text: t('export.done', { name }) });
      onDone();
    } catch (error) {
      toast.show({ kind: 'error', text: t('export.failed', { message: error instanceof Error ? error.message : String(error) }) });
    } finally {
      setProgress(null);
    }
  };

  return (
    <Dialog
      open={open}
      title={t('export.title')}
      onClose={() => progress === null && onClose()}
      actions={
        <>
          <button type="button" className="button" disabled={progress !== null} onClick={onClose}>
            {t('action.cancel')}
          </button>
          <button type="button" className="button button--primary" disabled={progress !== null} onClick={() => void run()}>
            {t('export.run')}
          </button>
        </>
      }
    >
      <fieldset className="choice">
        <legend>{t('export.what')}</legend>
        {exportKinds.map((k) => (
          <label key={k} className="check">
            <input type="radio" name="export-kind" value={k} checked={kind === k} onChange={() => setKind(k)} />
            {t(`export.kind.${k}`)}
          </label>
        ))}
      </fieldset>
      <fieldset className="choice">
        <legend>{t('export.format')}</legend>
        {(['xlsx', 'csv'] as const).map((f) => (
          <label key={f} className="check">
            <input type="radio" name="export-format" value={f} checked={format === f} onChange={() => setFormat(f)} />
            {t(`export.format.${f}`)}
          </label>
        ))}
      </fieldset>
      <p className="note">{t('export.note')}</p>
      {progress && <ProgressLine progress={progress} />}
    </Dialog>
  );
}
