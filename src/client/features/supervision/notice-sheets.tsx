// 督办单, one printed sheet per item (一事一单): number, problem, measure, unit, deadline, days overdue, what is
// asked, the reply date and a box for the reply. Shown only when printing; the app's chrome is hidden then.
import type { NoticeRow } from '#shared/csv/notice-table.ts';
import { replyText } from '#shared/csv/notice-table.ts';
import { useT } from '#client/context/ledger-context.tsx';

export function NoticeSheets({ rows }: { rows: readonly NoticeRow[] }) {
  const t = useT();
  return (
    <div className="notice-sheets" aria-hidden>
      {rows.map((r) => (
        <section key={r.notice.id} className="notice-sheet">
          <h1>{t('sheet.title')}</h1>
          <table>
            <tbody>
              <Row label={t('sheet.number')} value={r.notice.number} />
              <Row label={t('sheet.level')} value={t(`notice.level.${r.level}`)} />
              <Row label={t('sheet.problem')} value={r.problem} />
              <Row label={t('sheet.measure')} value={r.measure.title} />
              <Row label={t('sheet.unit')} value={r.unit} />
              <Row label={t('sheet.deadline')} value={r.deadline} />
              <Row label={t('sheet.daysOverdue')} value={String(r.daysOverdue)} />
              <Row label={t('sheet.asked')} value={r.notice.asked} />
              <Row label={t('sheet.replyBy')} value={r.notice.replyBy} />
              <Row label={t('sheet.issuedBy')} value={`${r.notice.by} ${r.notice.at.slice(0, 10)}`} />
              <tr className="notice-sheet__reply">
                <th>{t('sheet.reply')}</th>
                <td>{replyText(r, t)}</td>
              </tr>
            </tbody>
          </table>
        </section>
      ))}
    </div>
  );
}

function Row({ label, value }: { label: string; value: string }) {
  return (
    <tr>
      <th>{label}</th>
      <td>{value}</td>
    </tr>
  );
}
