// 报告口径: a read-only view of the ledger's information — the documents it rests on and the report's own
// figures, each with its source — for setting beside what the ledger counts.
import { useState } from 'react';
import type { LedgerInfo } from '#shared/model/ledger-info.ts';
import { useRecords, useSettings, useT } from '#client/context/ledger-context.tsx';
import { Dialog } from '#client/ui/dialog.tsx';
import { formatNumber } from '#client/lib/format.ts';

function formatValue(locale: string, value: number, unit: string): string {
  return `${formatNumber(locale, value, 2)} ${unit}`.trim();
}

function InfoTables({ info }: { info: LedgerInfo }) {
  const t = useT();
  const { locale } = useSettings();
  return (
    <>
      <h3>{info.title}</h3>
      <h3>{t('ledgerInfo.documents')}</h3>
      <table className="transfer-table transfer-table--static" data-testid="ledger-info-documents">
        <thead>
          <tr>
            <th>{t('ledgerInfo.col.number')}</th>
            <th>{t('ledgerInfo.col.title')}</th>
            <th>{t('ledgerInfo.col.issuer')}</th>
            <th>{t('ledgerInfo.col.date')}</th>
            <th>{t('ledgerInfo.col.role')}</th>
          </tr>
        </thead>
        <tbody>
          {info.documents.map((d) => (
            <tr key={`${d.number}${d.title}`}>
              <td>{d.number}</td>
              <td>{d.title}</td>
              <td>{d.issuer}</td>
              <td>{d.date ?? ''}</td>
              <td>{d.role}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t('ledgerInfo.figures')}</h3>
      <p className="note">{t('ledgerInfo.hint')}</p>
      <table className="transfer-table transfer-table--static" data-testid="ledger-info-figures">
        <thead>
          <tr>
            <th>{t('ledgerInfo.col.name')}</th>
            <th>{t('ledgerInfo.col.value')}</th>
            <th>{t('ledgerInfo.col.quote')}</th>
            <th>{t('ledgerInfo.col.asOf')}</th>
            <th>{t('ledgerInfo.col.source')}</th>
          </tr>
        </thead>
        <tbody>
          {info.reportedFigures.map((f) => (
            // A name may repeat with another source (1100 余项 / 1150 项): name and source tell them apart.
            <tr key={`${f.name}${f.source}`}>
              <td>{f.name}</td>
              <td>{formatValue(locale, f.value, f.unit)}</td>
              <td>{f.quote}</td>
              <td>{f.asOf ?? ''}</td>
              <td>{f.source}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

export function LedgerInfoButton() {
  const t = useT();
  const [open, setOpen] = useState(false);
  const records = useRecords('ledgerInfo');
  return (
    <>
      <button type="button" className="button" onClick={() => setOpen(true)}>
        {t('ledgerInfo.open')}
      </button>
      {open && (
        <Dialog
          open
          wide
          title={t('ledgerInfo.title')}
          onClose={() => setOpen(false)}
          actions={
            <button type="button" className="button" onClick={() => setOpen(false)}>
              {t('ledgerInfo.close')}
            </button>
          }
        >
          {records.length === 0 ? <p>{t('ledgerInfo.empty')}</p> : records.map((info) => <InfoTables key={info.id} info={info} />)}
        </Dialog>
      )}
    </>
  );
}
