// A number on the dashboard that opens the ledger on exactly the rows it counts (#ledger/report/…).
import type { ReactNode } from 'react';
import { encodeLink, type Figure, type ReportQuery } from '#shared/report/index.ts';

export type LinkScope = Pick<ReportQuery, 'asOf'> & { areaId: string | null; departmentId: string | null };

export function FigureLink({ figure, label, scope, children }: { figure: Figure; label: string; scope: LinkScope; children?: ReactNode }) {
  const href = `#ledger/${encodeLink({ ...scope, selection: figure.selection, label })}`;
  return (
    <a className="figure-link" href={href} data-figure={label}>
      {children ?? figure.count}
    </a>
  );
}
