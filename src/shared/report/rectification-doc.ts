// 附件1 and the 整改情况报告 as documents: the draft a coordinator finishes in Word, every number and list in it
// taken from the ledger (annex.ts, rectification.ts).
import type { DocBlock, DocSpec } from '../docx/doc-spec.ts';
import type { Translate } from '../i18n/translate.ts';
import { SUMMARY_HEADER } from '../csv/export.ts';
import { measureTypes } from '../model/measure.ts';
import { type AnnexRow, measureLine } from './annex.ts';
import { percent } from './dashboard-sheet.ts';
import type { Rectification } from './rectification.ts';

const ANNEX_WIDTHS = [5, 22, 22, 38, 13];
const CHINESE_ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五', '十六', '十七', '十八', '十九', '二十'];
const ordinal = (i: number) => CHINESE_ORDINALS[i] ?? String(i + 1);

function annexBlocks(rows: readonly AnnexRow[], t: Translate): DocBlock[] {
  return [
    { kind: 'title', text: t('export.summaryTitle') },
    { kind: 'table', header: SUMMARY_HEADER, widths: ANNEX_WIDTHS, rows: rows.map((r) => [String(r.number), r.problem, r.advice, r.rectification, r.units]) },
  ];
}

/** 附件1 on its own (A4 landscape, as the seed prints it). */
export function annexDoc(rows: readonly AnnexRow[], t: Translate): DocSpec {
  return { title: t('export.summaryTitle'), landscape: true, blocks: annexBlocks(rows, t) };
}

/** A day as 公文 date it: 2022 年 11 月 2 日. */
export const documentDate = (iso: string) => `${Number(iso.slice(0, 4))} 年 ${Number(iso.slice(5, 7))} 月 ${Number(iso.slice(8, 10))} 日`;

/** The 一、总体推进情况 paragraph: the ledger's counts. */
export function overallText(r: Rectification, t: Translate): string {
  const c = r.counts;
  return t('rectification.overall', {
    areas: c.areas,
    problems: c.problems,
    recommendations: c.recommendations,
    reviewOpinions: c.reviewOpinions,
    measures: c.measures,
    units: c.units,
    types: measureTypes.map((k) => t('rectification.byType', { type: t(`type.${k}`), count: c.byType[k] })).join('、'),
    asOf: documentDate(r.asOf),
    done: c.done,
    closed: c.closed,
    rate: percent(c.rate),
    inProgress: c.inProgress,
    ongoing: c.ongoing,
    overdue: c.overdue,
  });
}

/** The whole report in the seed's structure, 附件1 after it, then a page for each unit's own report. */
export function rectificationDoc(r: Rectification, annex: readonly AnnexRow[], t: Translate): DocSpec {
  const title = r.title ?? t('rectification.title');
  const blocks: DocBlock[] = [
    { kind: 'paragraph', text: r.issuer ?? '', align: 'center', indent: false },
    { kind: 'title', text: title },
    { kind: 'paragraph', text: t('rectification.addressee', { name: r.addressee ?? t('rectification.addresseeBlank') }), indent: false },
    { kind: 'paragraph', text: r.basis ? t('rectification.basis', { title: r.basis.title, number: r.basis.number }) : t('rectification.basisBlank') },
    { kind: 'heading', text: t('rectification.section.overall') },
    { kind: 'paragraph', text: overallText(r, t) },
  ];
  const quoted = Object.entries(r.reported);
  if (quoted.length > 0) blocks.push({ kind: 'paragraph', text: t('rectification.reported', { list: quoted.map(([, q]) => q).join('；') }) });
  blocks.push({ kind: 'heading', text: t('rectification.section.problems') });
  r.areas.forEach((area, i) => {
    blocks.push({ kind: 'paragraph', text: t('rectification.area', { n: ordinal(i), name: area.name }) });
    for (const p of area.problems) {
      blocks.push({ kind: 'paragraph', text: t('rectification.problem', { number: p.number, title: p.title, count: p.measures.length }) });
      for (const m of p.measures) blocks.push({ kind: 'paragraph', text: measureLine(m, t) });
    }
  });
  blocks.push({ kind: 'heading', text: t('rectification.section.next') }, { kind: 'paragraph', text: t('rectification.nextBlank') });
  blocks.push({ kind: 'paragraph', text: t('rectification.closing', { first: r.units[0]?.name ?? '', count: r.units.length }) });
  blocks.push({ kind: 'paragraph', text: t('rectification.attachments'), indent: false });
  blocks.push({ kind: 'paragraph', text: `1. ${t('export.summaryTitle')}` });
  r.units.forEach((u, i) => blocks.push({ kind: 'paragraph', text: `${i + 2}. ${t('rectification.unitReport', { name: u.fullName })}` }));
  blocks.push({ kind: 'paragraph', text: documentDate(r.asOf), align: 'right', indent: false });
  blocks.push({ kind: 'pageBreak' }, ...annexBlocks(annex, t));
  r.units.forEach((u, i) => {
    blocks.push(
      { kind: 'pageBreak' },
      { kind: 'paragraph', text: t('rectification.annexNo', { n: i + 2 }), indent: false },
      { kind: 'title', text: t('rectification.unitReport', { name: u.fullName }) },
      { kind: 'paragraph', text: t('rectification.unitPlace', { measures: u.measures, done: u.done }) },
    );
  });
  return { title, blocks };
}
