// 延期申请: a department asks for a later deadline with a reason; a coordinator approves (the deadline moves)
// or refuses. Earlier requests stay listed with their outcome.
import type { Extension } from '#shared/model/measure-history.ts';
import { pendingExtension } from '#shared/model/measure-history.ts';
import { useT } from '#client/context/ledger-context.tsx';
import { Errors } from './form-sections.tsx';
import { type FormValues, newExtension } from './form-state.ts';

type Props = {
  extensions: readonly Extension[];
  values: FormValues;
  onChange: (patch: Partial<FormValues>) => void;
  readOnly: boolean;
  canDecide: boolean;
  onDecide: (id: string, approve: boolean) => void;
  errors: string[];
};

export function ExtensionSection({ extensions, values, onChange, readOnly, canDecide, onDecide, errors }: Props) {
  const t = useT();
  const pending = pendingExtension(extensions);
  const labels = { pending: 'form.extensionPending', approved: 'form.extensionApproved', refused: 'form.extensionRefused', withdrawn: 'form.extensionWithdrawn' } as const;
  const line = (e: Extension) => t(labels[e.decision], { date: e.requestedDeadline, by: e.decision === 'pending' ? e.requestedBy : (e.decidedBy ?? '') });
  return (
    <section className="form-section" aria-labelledby="extension-title">
      <h3 id="extension-title">{t('form.extension')}</h3>
      <ul className="plain-list">
        {extensions.map((e) => (
          <li key={e.id} className={`extension extension--${e.decision}`}>
            <strong>{line(e)}</strong>
            <span>{e.reason}</span>
            {e.decision === 'pending' && !values.withdraw && (
              <span className="form-row">
                {canDecide && (
                  <>
                    <button type="button" className="button button--primary touch" onClick={() => onDecide(e.id, true)}>
                      {t('form.extensionApprove')}
                    </button>
                    <button type="button" className="button touch" onClick={() => onDecide(e.id, false)}>
                      {t('form.extensionRefuse')}
                    </button>
                  </>
                )}
                {!readOnly && (
                  <button type="button" className="button touch" onClick={() => onChange({ withdraw: true })}>
                    {t('form.extensionWithdraw')}
                  </button>
                )}
              </span>
            )}
          </li>
        ))}
      </ul>
      {!readOnly && !pending && values.extension === null && (
        <button type="button" className="button touch" onClick={() => onChange({ extension: newExtension() })}>
          {t('form.extensionAsk')}
        </button>
      )}
      {values.extension && (
        <div className="form-grid">
          <label className="field">
            {t('form.extensionDate')}
            <input type="date" className="input touch" value={values.extension.requestedDeadline} onChange={(e) => onChange({ extension: { ...values.extension!, requestedDeadline: e.target.value } })} />
          </label>
          <label className="field">
            {t('form.extensionReason')}
            <textarea className="input touch" rows={2} value={values.extension.reason} onChange={(e) => onChange({ extension: { ...values.extension!, reason: e.target.value } })} />
          </label>
          <button type="button" className="button touch" onClick={() => onChange({ extension: null })}>
            {t('form.extensionCancel')}
          </button>
        </div>
      )}
      <Errors errors={errors} />
    </section>
  );
}
