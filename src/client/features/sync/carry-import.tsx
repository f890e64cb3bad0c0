// 导入未同步的修改: a coordinator brings in the file another device exported when it had no network. The server
// checks each change as its author's and records who carried it; importing a file twice changes nothing twice.
import { useState } from 'react';
import { describeReason } from '#shared/i18n/describe-error.ts';
import { useDevice } from '#client/context/device-context.tsx';
import { useStorage, useT } from '#client/context/ledger-context.tsx';
import { recordTitle } from '#client/storage/format-value.ts';
import { describeServerError } from '#client/sync/describe-server-error.ts';
import type { CarryReport } from '#client/sync/carry.ts';
import type { EntityName } from '#shared/model/entities.ts';

export function CarryImport() {
  const { sync } = useDevice();
  const { cache } = useStorage();
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [lines, setLines] = useState<string[]>([]);

  const describe = (report: CarryReport): string[] => {
    if (!report.ok) return [t(`carry.${report.code}`)];
    const { summary } = report;
    return [
      t('carry.summary', { author: report.author, applied: summary.applied, already: summary.already, conflicts: summary.conflicts, refused: summary.refused.length }),
      ...report.filesRefused.map((name) => t('carry.fileRefused', { name })),
      ...summary.refused.map((r) => {
        const target = report.mutations.get(r.mutationId);
        const entity = (target?.entity ?? 'measure') as EntityName;
        return t('carry.refusedLine', { entity: t(`entity.${entity}`), id: target ? recordTitle(cache, entity, target.id) : '', reason: describeReason(t, { code: (r.reason?.code ?? 'invalid'), params: r.reason?.params }) });
      }),
    ];
  };

  const pick = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    try {
      setLines(describe(await sync.importChanges(await file.text())));
    } catch (error) {
      setLines([describeServerError(t, error)]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="menu-section" data-testid="carry-import">
      <h3>{t('carry.title')}</h3>
      <p className="note">{t('carry.help')}</p>
      <label className="button">
        {busy ? t('carry.importing') : t('carry.pick')}
        <input type="file" accept="application/json,.json" hidden disabled={busy} onChange={(e) => void pick(e.target.files?.[0]).finally(() => (e.target.value = ''))} />
      </label>
      {lines.map((line) => (
        <p key={line} role="status" className="note">
          {line}
        </p>
      ))}
    </section>
  );
}
