// 每月通报 as a document (title, 第 N 期 line, the sections in order) and as sheets (one per table), from the
// bulletin's figures alone: a draft and an issued snapshot are written by the same code, the .docx, the .xlsx
// and the printed page hold the same words and numbers.
import type { DocBlock, DocSpec, DocTable } from '../docx/doc-spec.ts';
import type { Translate } from '../i18n/translate.ts';
import type { BulletinData } from '../model/bulletin.ts';
import { percent } from './dashboard-sheet.ts';
import { numberCell, type ReportSheet, type SheetCell, text } from './sheet.ts';

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));
const points = (r: number) => `${r > 0 ? '+' : ''}${(r * 100).toFixed(1)}`;

/** The overall paragraph and the change since the previous 期. */
export function bulletinLead(data: BulletinData, t: Translate): string[] {
  const o = data.overall;
  const lines = [t('bulletin.overall', { asOf: data.asOf, problems: o.problems, measures: o.measures, done: o.done, closed: o.closed, rate: percent(o.rate), overdue: o.overdue, red: o.red })];
  const c = data.change;
  lines.push(c ? t('bulletin.change', { number: c.number, done: signed(c.done), closed: signed(c.closed), overdue: signed(c.overdue), rate: c.rate === null ? '—' : points(c.rate) }) : t('bulletin.first'));
  return lines;
}

type Section = { heading: string; empty: string; header: string[]; widths: number[]; rows: SheetCell[][]; name: string };

/** The bulletin's tables, in order: units ranked, 红灯, closed this month, extensions decided, not reported, open 督办. */
export function bulletinSections(data: BulletinData, t: Translate): Section[] {
  const item = (r: { problemNumber: number; measure: string; unit: string }) => [numberCell(r.problemNumber), text(r.measure), text(r.unit)];
  const itemHeader = [t('bulletin.col.problem'), t('bulletin.col.measure'), t('bulletin.col.unit')];
  const seq = <T,>(rows: T[], cells: (r: T) => SheetCell[]) => rows.map((r, i) => [numberCell(i + 1), ...cells(r)]);
  return [
    {
      name: t('bulletin.sheet.units'),
      heading: t('bulletin.section.units'),
      empty: t('bulletin.none'),
      header: [t('bulletin.col.rank'), t('bulletin.col.unit'), t('bulletin.col.measures'), t('bulletin.col.done'), t('bulletin.col.closed'), t('bulletin.col.overdue'), t('bulletin.col.rate')],
      widths: [6, 28, 10, 10, 10, 10, 10],
      rows: data.units.map((u) => [numberCell(u.rank), text(u.name), numberCell(u.measures), numberCell(u.done), numberCell(u.closed), numberCell(u.overdue), numberCell(u.rate, percent(u.rate))]),
    },
    {
      name: t('bulletin.sheet.red'),
      heading: t('bulletin.section.red'),
      empty: t('bulletin.noRed'),
      header: [t('bulletin.col.seq'), ...itemHeader, t('bulletin.col.deadline'), t('bulletin.col.daysOverdue')],
      widths: [6, 8, 44, 22, 12, 10],
      rows: seq(data.red, (r) => [...item(r), text(r.deadline ?? ''), numberCell(r.daysOverdue)]),
    },
    {
      name: t('bulletin.sheet.closed'),
      heading: t('bulletin.section.closed'),
      empty: t('bulletin.none'),
      header: [t('bulletin.col.seq'), ...itemHeader, t('bulletin.col.closedOn')],
      widths: [6, 8, 44, 22, 12],
      rows: seq(data.closed, (r) => [...item(r), text(r.closedOn)]),
    },
    {
      name: t('bulletin.sheet.extensions'),
      heading: t('bulletin.section.extensions'),
      empty: t('bulletin.none'),
      header: [t('bulletin.col.seq'), ...itemHeader, t('bulletin.col.requested'), t('bulletin.col.decision'), t('bulletin.col.decidedOn')],
      widths: [6, 8, 40, 20, 12, 8, 12],
      rows: seq(data.extensions, (r) => [...item(r), text(r.requestedDeadline), text(t(r.approved ? 'bulletin.approved' : 'bulletin.refused')), text(r.decidedOn)]),
    },
    {
      name: t('bulletin.sheet.unreported'),
      heading: t('bulletin.section.unreported'),
      empty: t('bulletin.allReported'),
      header: [t('bulletin.col.seq'), t('bulletin.col.unit'), t('bulletin.col.weeksMissed'), t('bulletin.col.weeks')],
      widths: [6, 28, 12, 40],
      rows: seq(data.unreported, (r) => [text(r.unit), numberCell(r.weeks.length), text(r.weeks.join('、'))]),
    },
    {
      name: t('bulletin.sheet.notices'),
      heading: t('bulletin.section.notices'),
      empty: t('bulletin.none'),
      header: [t('bulletin.col.seq'), t('bulletin.col.notice'), t('bulletin.col.level'), ...itemHeader, t('bulletin.col.replyBy'), t('bulletin.col.daysOverdue')],
      widths: [6, 22, 8, 8, 36, 20, 12, 10],
      rows: seq(data.notices, (r) => [text(r.number), text(t(`notice.level.${r.level}`)), ...item(r), text(r.replyBy), numberCell(r.daysOverdue)]),
    },
  ];
}

export const bulletinTitle = (data: BulletinData, t: Translate) => t('bulletin.title', { ledger: data.ledger });
export const bulletinIssueLine = (data: BulletinData, t: Translate) => t('bulletin.issueLine', { number: data.number, month: data.month, asOf: data.asOf });

/** The bulletin as a Word document's blocks. */
export function bulletinDoc(data: BulletinData, t: Translate): DocSpec {
  const blocks: DocBlock[] = [
    { kind: 'title', text: bulletinTitle(data, t) },
    { kind: 'issue', text: bulletinIssueLine(data, t) },
    { kind: 'heading', text: t('bulletin.section.overall') },
    ...bulletinLead(data, t).map((line): DocBlock => ({ kind: 'paragraph', text: line })),
  ];
  for (const s of bulletinSections(data, t)) {
    blocks.push({ kind: 'heading', text: s.heading });
    blocks.push(s.rows.length === 0 ? { kind: 'paragraph', text: s.empty } : ({ kind: 'table', header: s.header, widths: s.widths, rows: s.rows.map((r) => r.map((c) => c.text)) } satisfies DocTable));
  }
  return { title: `${bulletinTitle(data, t)} ${bulletinIssueLine(data, t)}`, blocks };
}

/** The bulletin as a workbook: one sheet per table, the overall figures above each. */
export function bulletinSheets(data: BulletinData, t: Translate): ReportSheet[] {
  const subtitle = bulletinLead(data, t).join(' ');
  return bulletinSections(data, t).map((s) => ({ name: s.name, title: `${bulletinTitle(data, t)} ${bulletinIssueLine(data, t)} · ${s.heading}`, subtitle, header: s.header, widths: s.widths, rows: s.rows }));
}
