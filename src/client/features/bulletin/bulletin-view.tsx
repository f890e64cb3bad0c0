// 每月通报: the next bulletin's draft for a month (previewed as its document), issuing it (a coordinator's: it is
// frozen as 第 N 期 and syncs to every device), the issued ones by number, each as .docx, .xlsx and print; and the
// 附件1 and 整改情况报告 drafts from the live ledger as .docx.
import { useDeferredValue, useMemo, useState } from 'react';
import '../dashboard/dashboard.css';
import './bulletin.css';
import { canCreate } from '#shared/auth/permissions.ts';
import { todayIso } from '#shared/model/dates.ts';
import { newId } from '#shared/model/ids.ts';
import { annexDoc, bulletinDoc, bulletinSheets, computeAnnex, computeRectification, draftBulletin, monthDays, rectificationDoc } from '#shared/report/index.ts';
import { useLightSettings, useRecords, useSettings, useStorage, useT } from '#client/context/ledger-context.tsx';
import { downloadBlob } from '#client/lib/download.ts';
import { useToast } from '#client/ui/toast.tsx';
import { bookBlob, docxBlob } from './bulletin-file.ts';
import { DocPreview } from './doc-preview.tsx';

export function BulletinView() {
  const t = useT();
  const storage = useStorage();
  const toast = useToast();
  const { account } = useSettings();
  const lightSettings = useLightSettings();
  const areas = useRecords('area');
  const departments = useRecords('department');
  const problems = useRecords('problem');
  const measures = useRecords('measure');
  const infos = useRecords('ledgerInfo');
  const issued = useRecords('bulletin');
  const today = todayIso();
  const [month, setMonth] = useState(() => today.slice(0, 7));
  const [asOfChosen, setAsOf] = useState('');
  const [shown, setShown] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const records = useDeferredValue(useMemo(() => ({ areas: [...areas], departments: [...departments], problems: [...problems], measures: [...measures] }), [areas, departments, problems, measures]));
  const info = infos[0] ?? null;
  const end = monthDays(month)?.end ?? today;
  const asOf = asOfChosen || (end < today ? end : today);
  const draft = useMemo(() => draftBulletin(records, issued, info?.title ?? '', month, asOf, lightSettings), [records, issued, info, month, asOf, lightSettings]);
  const snapshot = issued.find((b) => b.id === shown) ?? null;
  const data = snapshot ? snapshot.data : draft;
  const spec = bulletinDoc(data, t);
  const byNumber = [...issued].sort((a, b) => b.number - a.number);
  const mayIssue = canCreate(account, 'bulletin');
  const base = `${t('bulletin.fileName')}-${data.month}-${data.number}`;

  const save = async (name: string, make: () => Promise<Blob>) => {
    setBusy(true);
    try {
      downloadBlob(name, await make());
    } finally {
      setBusy(false);
    }
  };
  const issue = async () => {
    if (!confirm(t('bulletin.view.issueConfirm', { number: draft.number }))) return;
    const id = newId();
    const result = await storage.save([{ op: 'create', entity: 'bulletin', id, values: { number: draft.number, month: draft.month, data: draft } }], { undoable: false });
    if (!result.ok) {
      toast.show({ kind: 'error', text: t('bulletin.view.noRight') });
      return;
    }
    setShown(id);
    toast.show({ kind: 'info', text: t('bulletin.issued', { number: draft.number }) });
  };

  return (
    <section className="view bulletin" aria-label={t('bulletin.view.title')} data-testid="bulletin">
      <div className="toolbar bulletin__tools">
        <label>
          {t('bulletin.view.month')} <input type="month" value={month} onChange={(e) => e.target.value && (setMonth(e.target.value), setShown(null))} />
        </label>
        <label>
          {t('bulletin.view.asOf')} <input type="date" value={asOf} onChange={(e) => (setAsOf(e.target.value), setShown(null))} />
        </label>
        {snapshot === null && mayIssue && (
          <button type="button" className="button button--primary" onClick={() => void issue()}>
            {t('bulletin.view.issue', { number: draft.number })}
          </button>
        )}
        <button type="button" className="button" onClick={() => print()}>
          {t('bulletin.view.print')}
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => void save(`${base}.docx`, () => docxBlob(spec))}>
          {t('bulletin.view.docx')}
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => void save(`${base}.xlsx`, () => bookBlob(bulletinSheets(data, t)))}>
          {t('bulletin.view.xlsx')}
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => void save(`${t('export.file.summary')}.docx`, () => docxBlob(annexDoc(computeAnnex(records, t), t)))}>
          {t('bulletin.view.annexDocx')}
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => void save(`${t('rectification.title')}.docx`, () => docxBlob(rectificationDoc(computeRectification(records, info, today), computeAnnex(records, t), t)))}>
          {t('bulletin.view.reportDocx')}
        </button>
      </div>
      <aside className="bulletin__side">
        <h3>{t('bulletin.view.issuedList')}</h3>
        {byNumber.length === 0 && <p className="note">{t('bulletin.view.noneIssued')}</p>}
        <ul className="bulletin__list" data-testid="bulletin-issued">
          {snapshot !== null && (
            <li>
              <button type="button" className="button" onClick={() => setShown(null)}>
                {t('bulletin.view.showDraft')}
              </button>
            </li>
          )}
          {byNumber.map((b) => (
            <li key={b.id}>
              <button type="button" className={`button${b.id === shown ? ' button--primary' : ''}`} onClick={() => setShown(b.id)}>
                {t('bulletin.issueLine', { number: b.number, month: b.month, asOf: b.data.asOf })}
              </button>
            </li>
          ))}
        </ul>
      </aside>
      <div>
        <p className="bulletin__status" data-testid="bulletin-status">
          {snapshot ? t('bulletin.view.issuedBy', { by: snapshot.createdBy, at: snapshot.createdAt.slice(0, 16).replace('T', ' ') }) : t('bulletin.view.draft', { number: draft.number })}
        </p>
        <DocPreview spec={spec} />
      </div>
    </section>
  );
}
