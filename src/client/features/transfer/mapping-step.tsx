// The mapping screen: each column of the file, a few of its values, and the field it goes to (or none).
import { type ColumnKey, columnsOf } from '#shared/csv/columns.ts';
import type { ImportEntity } from '#shared/csv/import-file.ts';
import { fieldLabel } from '#shared/i18n/describe-error.ts';
import { useT } from '#client/context/ledger-context.tsx';
import type { ReadSummary } from './transfer-protocol.ts';

type Props = { read: ReadSummary; entity: ImportEntity; mapping: (ColumnKey | null)[]; onChange: (mapping: (ColumnKey | null)[]) => void };

export function MappingStep({ read, entity, mapping, onChange }: Props) {
  const t = useT();
  const columns = columnsOf(entity);
  return (
    <table className="transfer-table" aria-label={t('import.mapping.title')}>
      <thead>
        <tr>
          <th>{t('import.mapping.column')}</th>
          <th>{t('import.mapping.sample')}</th>
          <th>{t('import.mapping.field')}</th>
        </tr>
      </thead>
      <tbody>
        {read.header.map((header, index) => {
          const key = mapping[index] ?? null;
          const taken = new Set(mapping.filter((k, i) => k !== null && i !== index));
          return (
            <tr key={index} className={key === null ? 'transfer-table__skipped' : undefined}>
              <th scope="row">{header || t('import.mapping.unnamed', { index: index + 1 })}</th>
              <td className="transfer-table__sample">
                {read.sample
                  .map((row) => row[index] ?? '')
                  .filter((v) => v.trim() !== '')
                  .slice(0, 2)
                  .join(' | ')}
              </td>
              <td>
                <select
                  aria-label={t('import.mapping.fieldOf', { column: header })}
                  value={key ?? ''}
                  onChange={(e) => onChange(mapping.map((k, i) => (i === index ? e.target.value || null : k)))}
                >
                  <option value="">{t('import.mapping.skip')}</option>
                  {columns.map((c) => (
                    <option key={c.key} value={c.key} disabled={taken.has(c.key)}>
                      {fieldLabel(t, entity, c.key)}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
