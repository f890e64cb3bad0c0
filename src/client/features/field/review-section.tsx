// 核实销号 in the measure form: the unit's 申请销号 (销号说明 and evidence, refused naming what is missing), a
// coordinator's 通过 / 退回 and 回头看, and the record of every step with who took it, when and their words.
import { useState } from 'react';
import type { Measure } from '#shared/model/measure.ts';
import { isAwaitingVerification, isReturned, latestReview, type ReviewEntry, returnCount, scheduledRecheck } from '#shared/model/supervision.ts';
import { todayIso } from '#shared/model/dates.ts';
import { useT } from '#client/context/ledger-context.tsx';
import { Errors } from './form-sections.tsx';
import { formatLocalDateTime } from '#shared/model/local-time.ts';

export type ReviewAction =
  | { kind: 'apply'; text: string; documents: string[] }
  | { kind: 'decide'; pass: boolean; text: string }
  | { kind: 'schedule'; date: string; text: string }
  | { kind: 'recheck'; pass: boolean; text: string };

type Props = {
  measure: Measure;
  /** The unit (lead staff) or a coordinator may apply. */
  canApply: boolean;
  canVerify: boolean;
  errors: string[];
  /** Saves the step; resolves true when it was saved (the section then clears its boxes). */
  onAct: (action: ReviewAction) => Promise<boolean>;
};

export function ReviewSection({ measure, canApply, canVerify, errors, onAct }: Props) {
  const t = useT();
  const [text, setText] = useState('');
  const [documents, setDocuments] = useState('');
  const [date, setDate] = useState('');
  const awaiting = isAwaitingVerification(measure);
  const recheck = scheduledRecheck(measure);
  const lastReturn = latestReview(measure, ['return']);
  const act = async (action: ReviewAction) => {
    if (await onAct(action)) {
      setText('');
      setDocuments('');
      setDate('');
    }
  };
  const textBox = (label: string) => (
    <label className="field">
      {label}
      <textarea className="input touch" rows={2} value={text} onChange={(e) => setText(e.target.value)} />
    </label>
  );
  return (
    <section className="form-section" aria-labelledby="review-title">
      <h3 id="review-title">{t('review.title')}</h3>
      {isReturned(measure) && lastReturn && (
        <p className="form-error" data-testid="review-returned">
          {t('review.returned', { count: returnCount(measure), reason: lastReturn.text })}
        </p>
      )}
      {awaiting && <p className="badge badge--awaiting">{t('review.awaiting')}</p>}
      {measure.status === 'closed' && <p className="badge badge--closed">{t('review.closed')}</p>}
      {recheck && <p className="form-hint">{t('review.scheduled', { date: recheck.date ?? '', text: recheck.text })}</p>}

      {canApply && !awaiting && measure.status !== 'closed' && (
        <div className="form-grid">
          <p className="form-hint">{t('review.applyHint')}</p>
          {textBox(t('review.note'))}
          <label className="field">
            {t('review.documents')}
            <input className="input touch" value={documents} onChange={(e) => setDocuments(e.target.value)} />
          </label>
          <button type="button" className="button button--primary touch" onClick={() => void act({ kind: 'apply', text, documents: documents.split(/[,，;；]/) })}>
            {t('review.apply')}
          </button>
        </div>
      )}
      {canVerify && awaiting && (
        <div className="form-grid">
          {textBox(t('review.opinion'))}
          <div className="form-row">
            <button type="button" className="button button--primary touch" onClick={() => void act({ kind: 'decide', pass: true, text })}>
              {t('review.pass')}
            </button>
            <button type="button" className="button touch" onClick={() => void act({ kind: 'decide', pass: false, text })}>
              {t('review.return')}
            </button>
          </div>
        </div>
      )}
      {canVerify && measure.status === 'closed' && !recheck && (
        <div className="form-grid">
          <label className="field">
            {t('review.recheckDate')}
            <input type="date" className="input touch" min={todayIso()} value={date} onChange={(e) => setDate(e.target.value)} />
          </label>
          {textBox(t('review.recheckNote'))}
          <button type="button" className="button touch" disabled={date === ''} onClick={() => void act({ kind: 'schedule', date, text })}>
            {t('review.schedule')}
          </button>
        </div>
      )}
      {canVerify && recheck && (
        <div className="form-grid">
          {textBox(t('review.recheckResult'))}
          <div className="form-row">
            <button type="button" className="button touch" onClick={() => void act({ kind: 'recheck', pass: true, text })}>
              {t('review.recheckPass')}
            </button>
            <button type="button" className="button touch" onClick={() => void act({ kind: 'recheck', pass: false, text })}>
              {t('review.recheckFail')}
            </button>
          </div>
        </div>
      )}
      <Errors errors={errors} />
      <ReviewHistory reviews={measure.reviews} />
    </section>
  );
}

/** Every step, oldest first, as the record keeps them. */
export function ReviewHistory({ reviews }: { reviews: readonly ReviewEntry[] }) {
  const t = useT();
  if (reviews.length === 0) return null;
  return (
    <>
      <h4>{t('review.history')}</h4>
      <ol className="history" aria-label={t('review.history')}>
        {reviews.map((r) => (
          <li key={r.id} data-step={r.step}>
            <span className="history__meta">{t('review.entry', { time: formatLocalDateTime(r.at), by: r.by, step: t(`review.step.${r.step}`) })}</span>
            {r.text && <span className="history__text">{r.text}</span>}
            {r.evidence.length > 0 && <span className="history__meta">{t('review.evidence', { items: r.evidence.join(t('common.separator')) })}</span>}
            {r.files.length > 0 && <span className="history__meta">{t('review.files', { count: r.files.length })}</span>}
            {r.step === 'recheck' && r.date && <span className="history__meta">{t('review.due', { date: r.date })}</span>}
          </li>
        ))}
      </ol>
    </>
  );
}
