// 督办 in the measure form: the notices sent to the lead unit (level, what is asked, reply date; escalated when
// unanswered past it), the unit's reply as a progress note naming the notice, and a coordinator's new notice.
import { useState } from 'react';
import type { Measure } from '#shared/model/measure.ts';
import { type NoticeLevel, noticeLevels, openNotices, replyTo } from '#shared/model/supervision.ts';
import { todayIso } from '#shared/model/dates.ts';
import { useT } from '#client/context/ledger-context.tsx';
import { Errors } from './form-sections.tsx';
import { formatLocalDateTime } from '#shared/model/local-time.ts';

type Props = {
  measure: Measure;
  canReply: boolean;
  canIssue: boolean;
  errors: string[];
  onReply: (noticeId: string, text: string) => Promise<boolean>;
  onIssue: (notice: { level: NoticeLevel; asked: string; replyBy: string }) => Promise<boolean>;
};

export function NoticeSection({ measure, canReply, canIssue, errors, onReply, onIssue }: Props) {
  const t = useT();
  const [replies, setReplies] = useState<Record<string, string>>({});
  const [level, setLevel] = useState<NoticeLevel>('remind');
  const [asked, setAsked] = useState('');
  const [replyBy, setReplyBy] = useState('');
  if (measure.notices.length === 0 && !canIssue) return null;
  const open = new Map(openNotices(measure, todayIso()).map((o) => [o.notice.id, o]));
  return (
    <section className="form-section" aria-labelledby="notice-title">
      <h3 id="notice-title">
        {t('notice.title')} {open.size > 0 && <span className="badge badge--notice">{t('notice.badge', { count: open.size })}</span>}
      </h3>
      <ul className="plain-list">
        {measure.notices.map((n) => {
          const standing = open.get(n.id);
          const reply = replyTo(measure, n.id);
          return (
            <li key={n.id} className={`notice notice--${standing ? (standing.overdue ? 'overdue' : 'open') : 'answered'}`} data-testid="notice">
              <strong>{t('notice.line', { number: n.number, level: t(`notice.level.${n.level}`), date: n.replyBy })}</strong>
              <span>{t('notice.asked', { text: n.asked })}</span>
              <span className="history__meta">{t('notice.by', { by: n.by, time: formatLocalDateTime(n.at) })}</span>
              {standing?.overdue && <span className="form-error">{t('notice.overdue', { days: standing.daysOverdue, level: t(`notice.level.${standing.level}`) })}</span>}
              {standing && !standing.overdue && <span className="badge badge--notice">{t('notice.open')}</span>}
              {reply && <span>{t('notice.answered', { text: reply.text, by: reply.by, date: reply.date })}</span>}
              {standing && canReply && (
                <div className="form-row">
                  <textarea className="input touch" rows={2} aria-label={t('notice.reply')} placeholder={t('notice.reply')} value={replies[n.id] ?? ''} onChange={(e) => setReplies({ ...replies, [n.id]: e.target.value })} />
                  <button
                    type="button"
                    className="button button--primary touch"
                    disabled={(replies[n.id] ?? '').trim() === ''}
                    onClick={() => void onReply(n.id, replies[n.id] ?? '').then((ok) => ok && setReplies({ ...replies, [n.id]: '' }))}
                  >
                    {t('notice.replySend')}
                  </button>
                </div>
              )}
            </li>
          );
        })}
      </ul>
      {canIssue && (
        <div className="form-grid">
          <h4>{t('notice.issue')}</h4>
          <label className="field">
            {t('notice.level')}
            <select className="input touch" value={level} onChange={(e) => setLevel(e.target.value as NoticeLevel)}>
              {noticeLevels.map((l) => (
                <option key={l} value={l}>
                  {t(`notice.level.${l}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            {t('notice.askedLabel')}
            <textarea className="input touch" rows={2} value={asked} onChange={(e) => setAsked(e.target.value)} />
          </label>
          <label className="field">
            {t('notice.replyBy')}
            <input type="date" className="input touch" value={replyBy} onChange={(e) => setReplyBy(e.target.value)} />
          </label>
          <button
            type="button"
            className="button touch"
            onClick={() =>
              void onIssue({ level, asked, replyBy }).then((ok) => {
                if (ok) {
                  setAsked('');
                  setReplyBy('');
                }
              })
            }
          >
            {t('notice.issue')}
          </button>
        </div>
      )}
      <Errors errors={errors} />
    </section>
  );
}
