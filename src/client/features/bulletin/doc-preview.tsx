// A document's blocks on the page (title, 期号 line, headings, paragraphs, tables): the same words the .docx
// holds, for the preview and for printing (A4, no app chrome, header rows repeated on every page).
import type { DocSpec } from '#shared/docx/doc-spec.ts';

export function DocPreview({ spec }: { spec: DocSpec }) {
  return (
    <article className="doc-preview" data-testid="doc-preview">
      {spec.blocks.map((b, i) => {
        switch (b.kind) {
          case 'title':
            return <h2 key={i} className="doc-preview__title">{b.text}</h2>;
          case 'issue':
            return <p key={i} className="doc-preview__issue">{b.text}</p>;
          case 'heading':
            return <h3 key={i} className="doc-preview__heading">{b.text}</h3>;
          case 'paragraph':
            return <p key={i} className={`doc-preview__p doc-preview__p--${b.align ?? 'justify'}${b.indent === false ? '' : ' doc-preview__p--indent'}`}>{b.text}</p>;
          case 'pageBreak':
            return <div key={i} className="doc-preview__break" />;
          case 'table':
            return (
              <table key={i} className="report-table doc-preview__table">
                <thead>
                  <tr>{b.header.map((h, j) => <th key={j}>{h}</th>)}</tr>
                </thead>
                <tbody>
                  {b.rows.map((row, r) => (
                    <tr key={r}>{row.map((c, j) => <td key={j}>{c}</td>)}</tr>
                  ))}
                </tbody>
              </table>
            );
        }
      })}
    </article>
  );
}
