// The measure form's plain sections: status, progress, this time's note with the record of earlier ones,
// indicators' actual values, and evidence document numbers.
import { useState } from 'react';
import type { Measure } from '#shared/model/measure.ts';
import { type ProgressEntry, sortProgress } from '#shared/model/measure-history.ts';
import type { Status } from '#shared/model/status.ts';
import { useRecords, useT } from '#client/context/ledger-context.tsx';
import { selectOnFocus } from '#client/ui/select-on-focus.ts';
import type { FormValues } from './form-state.ts';

type SectionProps = { values: FormValues; onChange: (patch: Partial<FormValues>) => void; readOnly: boolean; errors: string[] };

/** A section's errors, each beside the field it concerns. */
export function Errors({ errors }: { errors: string[] }) {
  return errors.map((text) => (
    <p key={text} className="form-error" role="alert">
      {text}
    </p>
  ));
}

export function StatusSection({ values, onChange, readOnly, errors, options, lockedNote }: SectionProps & { options: { status: Status; allowed: boolean }[]; lockedNote: boolean }) {
  const t = useT();
  return (
    <section className="form-section">
      <h3 id="status-title">{t('form.status')}</h3>
      <div role="radiogroup" aria-labelledby="status-title" className="segmented">
        {options.map(({ status, allowed }) => (
          <button
            key={status}
            type="button"
            role="radio"
            aria-checked={values.status === status}
            className="segmented__option touch"
            disabled={readOnly || !allowed}
            onClick={() => onChange({ status, progress: status === 'completed' || status === 'closed' ? 100 : values.progress })}
          >
            {t(`status.${status}`)}
          </button>
        ))}
      </div>
      {lockedNote && <p className="form-hint">{t('form.statusLocked')}</p>}
      <Errors errors={errors} />
    </section>
  );
}

export function ProgressSection({ values, onChange, readOnly, errors }: SectionProps) {
  const t = useT();
  const set = (n: number) => onChange({ progress: Math.max(0, Math.min(100, Math.round(Number.isFinite(n) ? n : 0))) });
  return (
    <section className="form-section">
      <h3 id="progress-title">{t('form.progress')}</h3>
      <div className="form-row">
        <input type="range" min={0} max={100} step={5} className="slider" aria-labelledby="progress-title" value={values.progress} disabled={readOnly} onChange={(e) => set(Number(e.target.value))} />
        <input {...selectOnFocus} type="number" min={0} max={100} inputMode="numeric" className="input touch number" aria-label={t('form.progress')} value={values.progress} disabled={readOnly} onChange={(e) => set(Number(e.target.value))} />
      </div>
      <Errors errors={errors} />
    </section>
  );
}

/** `onStrike`: offered on the notes the user may strike (their own, or any for a coordinator). */
export function NoteSection({ values, onChange, readOnly, errors, measure, mayStrike, onStrike }: SectionProps & { measure: Measure; mayStrike: (entry: ProgressEntry) => boolean; onStrike: (entry: ProgressEntry) => void }) {
  const t = useT();
  const departments = useRecords('department');
  // A note names the unit it speaks for: a cooperating unit reports its part in its own name.
  const unitName = (id: string) => departments.find((d) => d.id === id)?.name;
  const history = sortProgress(measure.progressLog);
  return (
    <section className="form-section">
      {!readOnly && (
        <>
          <h3>{t('form.noteSection')}</h3>
          <div className="form-grid">
            <label className="field">
              {t('form.noteDate')}
              <input type="date" className="input touch" value={values.noteDate} onChange={(e) => onChange({ noteDate: e.target.value })} />
            </label>
            <label className="field">
              {t('form.noteText')}
              <textarea className="input touch" rows={3} placeholder={t('form.notePlaceholder')} value={values.noteText} onChange={(e) => onChange({ noteText: e.target.value })} />
            </label>
          </div>
          <Errors errors={errors} />
        </>
      )}
      <h3>{t('form.history')}</h3>
      {history.length === 0 ? (
        <p className="form-hint">{t('form.historyEmpty')}</p>
      ) : (
        <ol className="history" aria-label={t('form.history')}>
          {history.map((entry) => (
            <li key={entry.id} className={entry.struckAt ? 'history__struck' : undefined}>
              <span className="history__meta">
                {t('form.historyEntry', { date: entry.date, by: entry.by })}
                {entry.departmentId && unitName(entry.departmentId) && t('tasks.fromUnit', { unit: unitName(entry.departmentId) ?? '' })}
                {entry.replyTo && ` · ${t('notice.replySend')}`}
                {entry.status && ` · ${t(`status.${entry.status}`)}`}
                {entry.progress !== null && ` · ${entry.progress}%`}
                {entry.struckAt && ` · ${t('entry.struck', { by: entry.struckBy ?? '' })}`}
              </span>
              <span className="history__text">{entry.text}</span>
              {!entry.struckAt && mayStrike(entry) && (
                <button type="button" className="button touch history__strike" onClick={() => onStrike(entry)}>
                  {t('entry.strike')}
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

export function IndicatorsSection({ values, onChange, readOnly, errors, measure }: SectionProps & { measure: Measure }) {
  const t = useT();
  if (measure.indicators.length === 0) return null;
  return (
    <section className="form-section">
      <h3>{t('form.indicators')}</h3>
      {measure.indicators.map((indicator, index) => (
        <label key={indicator.name} className="field">
          <span>
            {indicator.name} <small>{indicator.target !== null && t('form.indicatorTarget', { target: indicator.target, unit: indicator.unit })}</small>
          </span>
          <input
            {...selectOnFocus}
            className="input touch number"
            inputMode="decimal"
            aria-label={`${indicator.name} ${t('form.indicatorActual')}`}
            placeholder={t('form.indicatorActual')}
            value={values.actuals[index] ?? ''}
            disabled={readOnly}
            onChange={(e) => onChange({ actuals: values.actuals.map((v, i) => (i === index ? e.target.value : v)) })}
          />
        </label>
      ))}
      <Errors errors={errors} />
    </section>
  );
}

export function EvidenceSection({ values, onChange, readOnly, errors }: SectionProps) {
  const t = useT();
  const [draft, setDraft] = useState('');
  const add = () => {
    const text = draft.trim();
    if (text === '' || values.evidence.includes(text)) return;
    onChange({ evidence: [...values.evidence, text] });
    setDraft('');
  };
  return (
    <section className="form-section">
      <h3>{t('form.evidence')}</h3>
      <ul className="chips">
        {values.evidence.map((e) => (
          <li key={e} className="chip">
            {e}
            {!readOnly && (
              <button type="button" className="chip__remove touch" aria-label={t('form.evidenceRemove', { name: e })} onClick={() => onChange({ evidence: values.evidence.filter((x) => x !== e) })}>
                ×
              </button>
            )}
          </li>
        ))}
      </ul>
      {!readOnly && (
        <div className="form-row">
          <input className="input touch" aria-label={t('form.evidence')} placeholder={t('form.evidencePlaceholder')} value={draft} onChange={(e) => setDraft(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && add()} />
          <button type="button" className="button touch" onClick={add}>
            {t('form.evidenceAdd')}
          </button>
        </div>
      )}
      <Errors errors={errors} />
    </section>
  );
}
