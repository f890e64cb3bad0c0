// 督办 notices as rows: what the printable 督办单 (一事一单) shows and the notice list export writes, from one
// computation, so that the paper and the file agree.
import { daysBetween } from '../model/dates.ts';
import type { Department } from '../model/department.ts';
import type { Measure } from '../model/measure.ts';
import type { ProgressEntry } from '../model/measure-history.ts';
import type { Problem } from '../model/problem.ts';
import { isDone } from '../model/status.ts';
import { type Notice, type NoticeLevel, openNotices, replyTo } from '../model/supervision.ts';
import type { MessageKey, Translate } from '../i18n/translate.ts';
import type { Table } from './export.ts';

export type NoticeRow = {
  notice: Notice;
  measure: Measure;
  problem: string;
  unit: string;
  deadline: string;
  /** Days past the measure's deadline as of the day (0 when not past, or done). */
  daysOverdue: number;
  /** The level it stands at (escalated when unanswered past its reply date). */
  level: NoticeLevel;
  state: 'open' | 'overdue' | 'answered';
  reply: ProgressEntry | undefined;
};

export function noticeRows(measures: readonly Measure[], problems: ReadonlyMap<string, Problem>, departments: ReadonlyMap<string, Department>, asOf: string): NoticeRow[] {
  const rows: NoticeRow[] = [];
  for (const m of measures) {
    if (m.notices.length === 0) continue;
    const open = new Map(openNotices(m, asOf).map((o) => [o.notice.id, o]));
    const problem = problems.get(m.problemId);
    const late = m.deadline !== null && !isDone(m.status) ? Math.max(0, daysBetween(m.deadline, asOf)) : 0;
    for (const notice of m.notices) {
      const standing = open.get(notice.id);
      const answer = replyTo(m, notice.id);
      rows.push({
        notice,
        measure: m,
        problem: problem ? `${problem.number}. ${problem.title}` : '',
        unit: m.leadDepartmentId ? (departments.get(m.leadDepartmentId)?.name ?? '') : '',
        deadline: m.deadline ?? '',
        daysOverdue: late,
        level: standing?.level ?? notice.level,
        state: standing ? (standing.overdue ? 'overdue' : 'open') : 'answered',
        reply: answer,
      });
    }
  }
  return rows.sort((a, b) => b.notice.at.localeCompare(a.notice.at) || a.notice.number.localeCompare(b.notice.number));
}

const headers: readonly MessageKey[] = ['sheet.number', 'sheet.level', 'sheet.problem', 'sheet.measure', 'sheet.unit', 'sheet.deadline', 'sheet.daysOverdue', 'sheet.asked', 'sheet.replyBy', 'sheet.state', 'sheet.reply'];

/** The unit's reply with who gave it and when, or nothing yet. */
export function replyText(row: NoticeRow, t: Translate): string {
  return row.reply ? t('notice.replyCell', { text: row.reply.text, by: row.reply.by, date: row.reply.date }) : '';
}

/** The notice list (督办清单) as a table for CSV or XLSX, headed in the catalogue's language. */
export function noticeTable(rows: readonly NoticeRow[], t: Translate): Table {
  const state = { open: t('notice.open'), overdue: t('notice.overdueShort'), answered: t('sheet.answered') };
  return {
    header: headers.map((k) => t(k)),
    rows: rows.map((r) => [r.notice.number, t(`notice.level.${r.level}`), r.problem, r.measure.title, r.unit, r.deadline, r.daysOverdue, r.notice.asked, r.notice.replyBy, state[r.state], replyText(r, t)]),
  };
}
