// 待核实: every measure whose unit applied for 销号, with its application, notes, evidence and files in one place,
// and a coordinator's 通过 (→ 已销号) or 退回 (with the reason, → 整改中).
import { useState } from 'react';
import type { Department } from '#shared/model/department.ts';
import type { Measure } from '#shared/model/measure.ts';
import { sortProgress } from '#shared/model/measure-history.ts';
import { decideClosing } from '#shared/model/supervision-steps.ts';
import { latestReview } from '#shared/model/supervision.ts';
import { useSettings, useT } from '#client/context/ledger-context.tsx';
import { useStep } from './use-step.ts';

type Props = { queue: readonly Measure[]; departments: ReadonlyMap<string, Department> };

export function VerificationQueue({ queue, departments }: Props) {
  const t = useT();
  return (
    <section className="supervision__section" aria-labelledby="queue-title">
      <h3 id="queue-title">{t('supervision.queue', { count: queue.length })}</h3>
      {queue.length === 0 && <p className="form-hint">{t('supervision.queueEmpty')}</p>}
      <ul className="plain-list">
        {queue.map((m) => (
          <li key={m.id}>
            <QueueCard measure={m} unit={m.leadDepartmentId ? departments.get(m.leadDepartmentId)?.name : undefined} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function QueueCard({ measure, unit }: { measure: Measure; unit: string | undefined }) {
  const t = useT();
  const { locale } = useSettings();
  const step = useStep();
  const [opinion, setOpinion] = useState('');
  const application = latestReview(measure, ['apply']);
  const notes = sortProgress(measure.progressLog.filter((e) => e.struckAt === undefined)).slice(0, 5);
  const decide = (pass: boolean) => void step([measure], (m, who) => decideClosing(m, { pass, text: opinion }, who), pass ? 'review.passed' : 'review.returnedToast');
  return (
    <article className="queue-card" aria-label={measure.title} data-testid="queue-card">
      <h4>
        {measure.title} <small>{unit ?? t('supervision.unitNone')}</small>
      </h4>
      {application && (
        <p>
          <span className="history__meta">{t('supervision.applied', { by: application.by, time: new Date(application.at).toLocaleString(locale) })}</span>
          <br />
          {application.text}
        </p>
      )}
      <div className="queue-card__facts">
        <div>
          <strong>{t('supervision.evidence')}</strong>
          <ul>{(application?.evidence ?? measure.evidence).map((e) => <li key={e}>{e}</li>)}</ul>
        </div>
        <div>
          <strong>{t('supervision.files')}</strong>
          <ul>{measure.attachments.map((a) => <li key={a.hash}>{a.name}</li>)}</ul>
        </div>
        <div>
          <strong>{t('supervision.notes')}</strong>
          {notes.length === 0 ? (
            <p className="form-hint">{t('supervision.noNotes')}</p>
          ) : (
            <ul>
              {notes.map((n) => (
                <li key={n.id}>
                  {n.date} {n.by}：{n.text}
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
      <label className="field">
        {t('review.opinion')}
        <textarea className="input" rows={2} value={opinion} onChange={(e) => setOpinion(e.target.value)} />
      </label>
      <div className="form-row">
        <button type="button" className="button button--primary" onClick={() => decide(true)}>
          {t('review.pass')}
        </button>
        <button type="button" className="button" onClick={() => decide(false)}>
          {t('review.return')}
        </button>
        <a className="button" href={`#tasks/${encodeURIComponent(measure.id)}`}>
          {t('supervision.openForm')}
        </a>
      </div>
    </article>
  );
}
