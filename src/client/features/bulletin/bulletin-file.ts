// The bulletin, 附件1 and the report as files: .docx through the shared builder, .xlsx through the spreadsheet
// writer, each library loaded only when a file is first asked for (never in the first bundle).
import type { DocSpec } from '#shared/docx/doc-spec.ts';
import { excelBook, type ReportSheet } from '#shared/report/index.ts';
import { XLSX_TYPE } from '#client/lib/spreadsheet-file.ts';

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export async function docxBlob(spec: DocSpec): Promise<Blob> {
  const { packDocx } = await import('#shared/docx/docx-kit.ts');
  return new Blob([(await packDocx(spec)) as Uint8Array<ArrayBuffer>], { type: DOCX_TYPE });
}

export async function bookBlob(sheets: readonly ReportSheet[]): Promise<Blob> {
  const { default: writeExcelFile } = await import('write-excel-file/universal');
  const blob = await (writeExcelFile as unknown as (sheets: unknown[]) => { toBlob(): Promise<Blob> })(excelBook(sheets)).toBlob();
  return blob.type ? blob : new Blob([blob], { type: XLSX_TYPE });
}
