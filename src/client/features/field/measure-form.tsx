// The measure form for a finger: status, progress, this week's note, indicators, document numbers, photos
// and an extension request, validated by the shared model, autosaved as a draft, saved as one change.
import { useEffect, useMemo, useState } from 'react';
import { canAddNotes, canDecideExtensions, canEditField, canVerify, checkChange } from '#shared/auth/permissions.ts';
import { describeReason, fieldLabel } from '#shared/i18n/describe-error.ts';
import { applyChange } from '#shared/model/change.ts';
import { todayIso } from '#shared/model/dates.ts';
import type { FieldError } from '#shared/model/field-error.ts';
import type { Measure } from '#shared/model/measure.ts';
import { appendProgress, decideExtension, type ProgressEntry, strikeProgress } from '#shared/model/measure-history.ts';
import { applyForClosing, decideClosing, issueNotice, recordRecheck, scheduleRecheck, type StepResult } from '#shared/model/supervision-steps.ts';
import type { NoticeLevel } from '#shared/model/supervision.ts';
import { nextStatuses } from '#shared/model/status.ts';
import { explainLight } from '#shared/model/warning.ts';
import { describeLight } from '#shared/i18n/describe-light.ts';
import type { MessageKey } from '#shared/i18n/translate.ts';
import { useLightSettings, useRecords, useSettings, useStorage, useT } from '#client/context/ledger-context.tsx';
import { describeStorageError } from '#client/storage/storage-error.ts';
import { useToast } from '#client/ui/toast.tsx';
import { ExtensionSection } from './extension-section.tsx';
import { FileSection } from './file-section.tsx';
import { NoticeSection } from './notice-section.tsx';
import { type ReviewAction, ReviewSection } from './review-section.tsx';
import { errorsOf, type FormValues, initialValues, isDirty, rebaseValues, type Section, toChange } from './form-state.ts';
import { EvidenceSection, IndicatorsSection, NoteSection, ProgressSection, StatusSection } from './form-sections.tsx';
import { useDraft } from './use-draft.ts';
import { useUnsynced } from './use-unsynced.ts';
import { formatLocalDateTime } from '#shared/model/local-time.ts';

type Props = { measure: Measure; onClose: () => void };

export function MeasureForm({ measure, onClose }: Props) {
  const t = useT();
  const storage = useStorage();
  const settings = useSettings();
  const lightSettings = useLightSettings();
  const toast = useToast();
  const problems = useRecords('problem');
  const departments = useRecords('department');
  const user = settings.account;
  const [values, setValues] = useState<FormValues>(() => initialValues(measure, todayIso()));
  // The record moved under the open form (a sync, another tab): untouched fields follow it.
  const [shown, setShown] = useState(measure);
  if (shown !== measure) {
    setShown(measure);
    setValues((v) => rebaseValues(v, shown, measure));
  }
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [tried, setTried] = useState(false);
  const dirty = isDirty(measure, values);
  // A draft holding nothing the measure lacks (written just before its save) is not offered again.
  const draft = useDraft(storage, `measure:${measure.id}`, values, dirty, (found) => !isDirty(measure, { ...initialValues(measure, todayIso()), ...found }));
  const hashes = useMemo(() => [...new Set([...values.attachments, ...measure.attachments].map((a) => a.hash))], [values.attachments, measure.attachments]);
  const unsynced = useUnsynced(measure.id, hashes);
  const who = () => ({ actor: settings.userName || user?.displayName || '', now: new Date().toISOString() });
  const readOnly = !canEditField(user, 'measure', measure, 'progress');
  // A cooperating (配合) unit's staff: notes and files only, in their unit's name.
  const notesOnly = readOnly && canAddNotes(user, measure);
  const mine = user?.departmentIds ?? [];
  const unit = [measure.leadDepartmentId, ...measure.cooperatingDepartmentIds].find((id): id is string => id !== null && mine.includes(id));
  const [stepErrors, setStepErrors] = useState<{ section: 'review' | 'notice'; texts: string[] } | null>(null);

  // Once a save was tried, errors follow the typing: each one goes away as it is put right.
  useEffect(() => {
    if (tried) setErrors(toChange(measure, values, { actor: '', now: new Date().toISOString() }).errors);
  }, [tried, measure, values]);

  const change = (patch: Partial<FormValues>) => setValues((v) => ({ ...v, ...patch }));
  const parts = { requestedDeadline: t('form.extensionDate'), reason: t('form.extensionReason'), name: '' } as const;
  const messages = (section: Section) =>
    errorsOf(errors, section).map((e) => {
      const part = e.params?.part === 'requestedDeadline' || e.params?.part === 'reason' ? parts[e.params.part] : typeof e.params?.name === 'string' ? e.params.name : '';
      return part ? t('form.labelled', { label: part, value: describeReason(t, e) }) : describeReason(t, e);
    });

  async function save() {
    const { change: update, errors: found } = toChange(measure, values, who(), unit);
    setTried(true);
    setErrors(found);
    if (found.length > 0) return toast.show({ kind: 'error', text: t('form.fixErrors') });
    // From here no autosave runs: the draft goes with the save, in its transaction.
    await draft.seal();
    try {
      if (update) {
        const result = await storage.save([update], { draft: draft.key });
        if (!result.ok) {
          draft.unseal();
          setErrors(result.errors.flatMap((e) => e.errors));
          return toast.show({ kind: 'error', text: t('form.fixErrors') });
        }
      }
      await draft.clear();
      toast.show({ kind: 'info', text: t('form.saved') });
      onClose();
    } catch (error) {
      draft.unseal();
      toast.show({ kind: 'error', text: describeStorageError(t, error) });
    }
  }

  /** A note is struck (撤回), never removed: its author or a coordinator may; the server checks again. */
  const mayStrike = (entry: ProgressEntry) => !readOnly && (canDecideExtensions(user) || entry.by === user?.displayName);
  async function strike(entry: ProgressEntry) {
    const result = await storage.save([{ op: 'update', entity: 'measure', id: measure.id, fields: { progressLog: strikeProgress(measure.progressLog, entry.id, who()) } }]).catch((error: unknown) => {
      toast.show({ kind: 'error', text: describeStorageError(t, error) });
      return null;
    });
    if (result && !result.ok) setErrors(result.errors.flatMap((e) => e.errors));
    else if (result) toast.show({ kind: 'info', text: t('entry.struckToast') });
  }

  async function decide(id: string, approve: boolean) {
    const fields = decideExtension(measure.extensions, id, approve, who());
    // A decision is not undone: it stands in the record's history, as every entry does.
    const result = await storage.save([{ op: 'update', entity: 'measure', id: measure.id, fields }], { undoable: false }).catch((error: unknown) => {
      toast.show({ kind: 'error', text: describeStorageError(t, error) });
      return null;
    });
    if (result && !result.ok) setErrors(result.errors.flatMap((e) => e.errors));
    else if (result) toast.show({ kind: 'info', text: t('form.extensionDecided') });
  }

  const describe = (errs: readonly FieldError[]) => errs.map((e) => t('form.labelled', { label: fieldLabel(t, 'measure', e.field), value: describeReason(t, e) }));

  /** A step (申请, decision, 回头看, notice, reply) saved at once as a change of its own; never undone. */
  async function saveStep(section: 'review' | 'notice', fields: Record<string, unknown>, done: MessageKey): Promise<boolean> {
    const update = { op: 'update', entity: 'measure', id: measure.id, fields } as const;
    const result = await storage.save([update], { undoable: false }).catch((error: unknown) => {
      toast.show({ kind: 'error', text: describeStorageError(t, error) });
      return null;
    });
    if (!result) return false;
    if (!result.ok) {
      setStepErrors({ section, texts: describe(result.errors.flatMap((e) => e.errors)) });
      return false;
    }
    setStepErrors(null);
    // The form starts again from the record as saved (its status may have moved with the step).
    const saved = applyChange(measure, update, who());
    if (saved.ok && saved.next) setValues(initialValues(saved.next as Measure, todayIso()));
    toast.show({ kind: 'info', text: t(done) });
    return true;
  }

  function refused(section: 'review' | 'notice', step: StepResult, missing: boolean): step is Extract<StepResult, { ok: false }> {
    if (step.ok) return false;
    const texts = missing ? [t('review.missing', { missing: step.errors.map((e) => fieldLabel(t, 'measure', e.field)).join(t('common.separator')) })] : describe(step.errors);
    setStepErrors({ section, texts });
    return true;
  }

  async function reviewAct(action: ReviewAction): Promise<boolean> {
    const now = who();
    if (action.kind === 'apply') {
      // What the form holds and is not yet saved (a file just added, a note) goes with the application.
      const pending = toChange(measure, values, now, unit);
      if (pending.errors.length > 0) return (setErrors(pending.errors), false);
      const fields = pending.change?.op === 'update' ? pending.change.fields : {};
      const step = applyForClosing({ ...measure, ...fields }, action, now);
      if (refused('review', step, true)) return false;
      return saveStep('review', { ...fields, ...step.fields }, 'review.applied');
    }
    const step = action.kind === 'decide' ? decideClosing(measure, action, now) : action.kind === 'schedule' ? scheduleRecheck(measure, action, now) : recordRecheck(measure, action, now);
    if (refused('review', step, false)) return false;
    return saveStep('review', step.fields, action.kind === 'decide' ? (action.pass ? 'review.passed' : 'review.returnedToast') : 'review.recorded');
  }

  async function issue(notice: { level: NoticeLevel; asked: string; replyBy: string }): Promise<boolean> {
    const step = issueNotice(measure, notice, who());
    if (refused('notice', step, false)) return false;
    return saveStep('notice', step.fields, 'notice.issued');
  }

  async function reply(noticeId: string, text: string): Promise<boolean> {
    const progressLog = appendProgress(measure.progressLog, { date: todayIso(), text, progress: measure.progress, status: measure.status, departmentId: unit, replyTo: noticeId }, who());
    return saveStep('notice', { progressLog }, 'notice.replied');
  }

  // 已销号 comes only through verification (通过): the status buttons do not offer it.
  const statusOptions = [measure.status, ...nextStatuses(measure.status).filter((s) => s !== 'closed')].map((status) => ({
    status,
    allowed: user !== null && checkChange(user, 'measure', measure, { ...measure, status }, ['status']).ok,
  }));
  const problem = problems.find((p) => p.id === measure.problemId);
  const lead = departments.find((d) => d.id === measure.leadDepartmentId);
  const light = explainLight(measure, todayIso(), lightSettings);
  const unsentFiles = unsynced.files.size;

  return (
    <article className="measure-form" aria-label={measure.title}>
      <header className="measure-form__header">
        <button type="button" className="button touch" onClick={onClose}>
          ‹ {t('form.back')}
        </button>
        <div className="measure-form__title">
          <h2>
            <span className={`light-badge light-badge--${light.light}`} data-testid="form-light">
              <span className={`light light--${light.light}`} /> {describeLight(t, light, lightSettings.scheme).text}
            </span>{' '}
            {measure.title}
          </h2>
          <p className="form-hint">
            {[
              t('form.labelled', { label: t('form.problem'), value: problem ? `${problem.number}. ${problem.title}` : t('common.unknown') }),
              t('form.labelled', { label: t('form.lead'), value: lead?.name ?? t('common.none') }),
              t('form.labelled', { label: t('form.deadline'), value: measure.deadline ?? t('tasks.noDeadline') }),
            ].join(' · ')}
          </p>
          <p className={unsynced.changes + unsentFiles > 0 ? 'sync-line sync-line--pending' : 'sync-line'} role="status" data-testid="form-sync">
            {unsynced.changes + unsentFiles > 0 ? t('form.unsynced', { changes: unsynced.changes, files: unsentFiles }) : t('form.allSynced')}
          </p>
        </div>
        {(!readOnly || notesOnly) && (
          <button type="button" className="button button--primary touch" onClick={() => void save()} disabled={draft.offer !== null}>
            {t('form.save')}
          </button>
        )}
      </header>
      {draft.offer && (
        <div className="banner" role="alert">
          {t('form.draftFound', { time: formatLocalDateTime(draft.offer.savedAt) })}
          <button
            type="button"
            className="button button--primary touch"
            onClick={() => {
              const restored = draft.restore();
              if (restored) setValues({ ...initialValues(measure, todayIso()), ...restored });
            }}
          >
            {t('form.draftRestore')}
          </button>
          <button type="button" className="button touch" onClick={() => void draft.discard()}>
            {t('form.draftDiscard')}
          </button>
        </div>
      )}
      {readOnly && <p className="form-hint">{t(notesOnly ? 'form.notesOnly' : 'form.readOnly')}</p>}
      {/* Until the user says what to do with a found draft, typing would overwrite it: the form waits. */}
      <div className="measure-form__body" inert={draft.offer !== null || !draft.checked}>
        <StatusSection values={values} onChange={change} readOnly={readOnly} errors={messages('status')} options={statusOptions} lockedNote={!readOnly && statusOptions.some((o) => !o.allowed)} />
        <ProgressSection values={values} onChange={change} readOnly={readOnly} errors={messages('progress')} />
        <ReviewSection measure={measure} canApply={!readOnly} canVerify={canVerify(user)} errors={stepErrors?.section === 'review' ? stepErrors.texts : []} onAct={reviewAct} />
        <NoticeSection measure={measure} canReply={!readOnly || notesOnly} canIssue={canVerify(user)} errors={stepErrors?.section === 'notice' ? stepErrors.texts : []} onReply={reply} onIssue={issue} />
        <NoteSection values={values} onChange={change} readOnly={readOnly && !notesOnly} errors={messages('note')} measure={measure} mayStrike={mayStrike} onStrike={(entry) => void strike(entry)} />
        <IndicatorsSection values={values} onChange={change} readOnly={readOnly} errors={messages('indicators')} measure={measure} />
        <EvidenceSection values={values} onChange={change} readOnly={readOnly} errors={messages('evidence')} />
        <FileSection attachments={values.attachments} onChange={(attachments) => change({ attachments })} readOnly={readOnly && !notesOnly} actor={who().actor} unsent={unsynced.files} errors={messages('files')} />
        <ExtensionSection extensions={measure.extensions} values={values} onChange={change} readOnly={readOnly} canDecide={canDecideExtensions(user)} onDecide={(id, approve) => void decide(id, approve)} errors={messages('extension')} />
        {draft.savedAt && dirty && <p className="form-hint">{t('form.draftSaved')}</p>}
      </div>
    </article>
  );
}
