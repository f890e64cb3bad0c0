// The report module: every figure a user sees (dashboard, weekly dispatch, their sheets and files, the command
// line) is computed here, from the records (and the audit trail where at hand), and nowhere else.
export { type AuditRow, endOfDay, ledgerAsOf, LEDGER_UTC_OFFSET } from './as-of.ts';
export { computeDashboard, type Dashboard, type DepartmentRow, type Figure, type GroupRow, type Rate, type RoleFigures } from './dashboard.ts';
export { dashboardSheet, percent } from './dashboard-sheet.ts';
export { computeFacts, type MeasureFact, type ReportQuery, selectIds, type Selection } from './facts.ts';
export { defaultLightSettings, type LightSettings, warningLights, type WarningLight } from './rules.ts';
export { excelBook, excelSheet, lightColour, type ReportSheet, type SheetCell, sheetCsv, sheetLines } from './sheet.ts';
export { completionTrend, type TrendPoint } from './trend.ts';
export { addDays, parseWeek, type Week, weekOf, weekStart } from './weeks.ts';
export { computeWeekly, type WeeklyMeasure, type WeeklyReport, type WeeklyUnit } from './weekly.ts';
export { weeklySheet } from './weekly-sheet.ts';
export { encodeLink, parseLink, readLink, type ReportLink } from './link.ts';
export { annexTable, computeAnnex, type AnnexRow } from './annex.ts';
export { type BulletinQuery, computeBulletin, draftBulletin, ledgerDay, monthDays } from './bulletin.ts';
export { bulletinDoc, bulletinSheets } from './bulletin-doc.ts';
export { computeRectification, type Rectification } from './rectification.ts';
export { annexDoc, rectificationDoc } from './rectification-doc.ts';
