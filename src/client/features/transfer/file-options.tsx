// How the chosen file was read, and the choices that correct it: what it imports as, the sheet of a workbook, the
// header row (found under title rows, shown for correction) and a CSV's encoding.
import { encodings, type Encoding } from '#shared/csv/decode.ts';
import { importEntities, type ImportEntity } from '#shared/csv/import-file.ts';
import { useT } from '#client/context/ledger-context.tsx';
import type { ReadSummary } from './transfer-protocol.ts';

export type FileChoice = { encoding: Encoding | ''; sheet: string; headerRow: number | undefined };

type Props = {
  read: ReadSummary;
  entity: ImportEntity;
  choice: FileChoice;
  busy: boolean;
  onEntity: (entity: ImportEntity) => void;
  onChoice: (choice: FileChoice) => void;
};

export function FileOptions({ read, entity, choice, busy, onEntity, onChoice }: Props) {
  const t = useT();
  const delimiter = read.delimiter === '\t' ? 'tab' : read.delimiter === ';' ? 'semicolon' : 'comma';
  return (
    <>
      <div className="menu-row">
        <label className="field">
          <span>{t('import.entity')}</span>
          <select value={entity} disabled={busy} onChange={(e) => onEntity(e.target.value as ImportEntity)}>
            {importEntities.map((e) => (
              <option key={e} value={e}>
                {t(`entity.${e}`)}
              </option>
            ))}
          </select>
        </label>
        {read.sheets.length > 1 && (
          <label className="field">
            <span>{t('import.sheet')}</span>
            <select value={read.sheet} disabled={busy} onChange={(e) => onChoice({ ...choice, sheet: e.target.value, headerRow: undefined })}>
              {read.sheets.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </label>
        )}
        <label className="field">
          <span>{t('import.headerRow')}</span>
          <select value={read.headerRow} disabled={busy} onChange={(e) => onChoice({ ...choice, headerRow: Number(e.target.value) })}>
            {read.headerChoices.map((c) => (
              <option key={c.row} value={c.row}>
                {t('import.headerRowOption', { row: c.row, cells: c.text })}
              </option>
            ))}
          </select>
        </label>
        {read.format === 'csv' && (
          <label className="field">
            <span>{t('import.encoding')}</span>
            <select value={choice.encoding} disabled={busy} onChange={(e) => onChoice({ ...choice, encoding: e.target.value as Encoding | '' })}>
              <option value="">{t('import.encodingAuto', { encoding: t(`encoding.${read.encoding}`) })}</option>
              {encodings.map((e) => (
                <option key={e} value={e}>
                  {t(`encoding.${e}`)}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      <p className="note" data-testid="import-file-summary">
        {read.format === 'xlsx'
          ? t('import.workbookSummary', { sheet: read.sheet, header: read.headerRow, rows: read.rowCount, columns: read.header.length })
          : t('import.csvSummary', { header: read.headerRow, rows: read.rowCount, columns: read.header.length, encoding: t(`encoding.${read.encoding}`), delimiter: t(`delimiter.${delimiter}`) })}
      </p>
    </>
  );
}
