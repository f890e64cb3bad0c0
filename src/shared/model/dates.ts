// Calendar dates as 'YYYY-MM-DD' strings, and parsing of the forms people type or Excel writes.
import { z } from 'zod';

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isValidDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1 || year < 1900 || year > 2200) return false;
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

export function formatIsoDate(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

export const isoDateSchema = z.string().refine((s) => {
  const m = ISO.exec(s);
  return m !== null && isValidDate(Number(m[1]), Number(m[2]), Number(m[3]));
}, { message: 'date' });

// Excel's 1900 date system counts 1900-02-29, which never existed, so serials after 60 are off by one.
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/**
 * Parses 2022-11-02, 2022/11/2, 2022.11.2, 2022年11月2日, 20221102 and Excel serial numbers (44867), as ledgers
 * write them: with a time of day (2022/11/2 0:00, as Excel's CSV writes a date cell), a month alone meaning its last
 * day (2022年12月, 2022年12月底前, 2022-12), and 前/以前/之前 after a date (a deadline is the day itself).
 * Returns null for anything that is not one real calendar date.
 */
export function parseDate(input: string): string | null {
  const text = input
    .trim()
    .replace(/\s+([01]?\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?$/, '')
    .replace(/\s+/g, '')
    .replace(/(以前|之前|前)$/, '');
  if (text === '') return null;
  let m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text);
  if (!m) m = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return isValidDate(y, mo, d) ? formatIsoDate(y, mo, d) : null;
  }
  const month = /^(\d{4})(?:年(\d{1,2})月(?:底|末)?|[-/.](\d{1,2}))$/.exec(text);
  if (month) {
    const [y, mo] = [Number(month[1]), Number(month[2] ?? month[3])];
    if (!isValidDate(y, mo, 1)) return null;
    const last = new Date(Date.UTC(y, mo, 0)).getUTCDate();
    return formatIsoDate(y, mo, last);
  }
  if (/^\d{1,6}(\.\d+)?$/.test(text)) {
    const serial = Math.floor(Number(text));
    if (serial < 61 || serial > 2_958_465) return null;
    const date = new Date(EXCEL_EPOCH_MS + serial * DAY_MS);
    return formatIsoDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
  }
  return null;
}

/** Whole days from `from` to `to` (both ISO dates); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return epochDay(to) - epochDay(from);
}

// A report reads the same few hundred dates (deadlines, note dates, the report's day) over 100,000 measures:
// their day numbers are parsed once. Bounded, so a long session cannot grow it without end.
const epochDays = new Map<string, number>();

/** Days since 1970-01-01 of an ISO date (its UTC midnight). */
function epochDay(date: string): number {
  let day = epochDays.get(date);
  if (day === undefined) {
    if (epochDays.size >= 20_000) epochDays.clear();
    day = Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
    epochDays.set(date, day);
  }
  return day;
}

/** A moment's calendar date in the device's own time zone, as YYYY-MM-DD. */
export function localIsoDate(date: Date): string {
  return formatIsoDate(date.getFullYear(), date.getMonth() + 1, date.getDate());
}

/** The ledger's days are a Chinese city's: a day ends at midnight, UTC+8, wherever the device or server runs. */
export const LEDGER_UTC_OFFSET = '+08:00';
const LEDGER_OFFSET_MS = 8 * 3_600_000;

/** The ledger's day (UTC+8) a moment falls on, as YYYY-MM-DD. */
export function ledgerDay(moment: string | Date): string {
  const ms = typeof moment === 'string' ? Date.parse(moment) : moment.getTime();
  return new Date(ms + LEDGER_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * Today in the ledger's time (UTC+8), as the city reads a deadline. Not the device's zone: a server or laptop set to
 * UTC would otherwise call 01:00 in the city "yesterday", and a report "as of today" would undo the day's changes.
 */
export function todayIso(now: Date = new Date()): string {
  return ledgerDay(now);
}

/** The date `days` days after `date` (before, when negative). */
export function addDays(date: string, days: number): string {
  const d = new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS);
  return formatIsoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** Day of the week, Monday 0 … Sunday 6: dispatch weeks (每周调度) run Monday to Sunday. */
function weekday(date: string): number {
  // 1970-01-01 was a Thursday (3 counting from Monday).
  return (((epochDay(date) + 3) % 7) + 7) % 7;
}

/** The Monday of the dispatch week holding `date`. */
export function weekStart(date: string): string {
  return addDays(date, -weekday(date));
}

/** The Sunday of the dispatch week holding `date`. */
export function weekEnd(date: string): string {
  return addDays(weekStart(date), 6);
}

/** The ISO week label of the dispatch week holding `date`, e.g. 2022-11-02 → 2022-W44. */
export function weekOf(date: string): string {
  // The ISO year is the year of the week's Thursday; week 1 holds the year's first Thursday.
  const thursday = addDays(weekStart(date), 3);
  const year = Number(thursday.slice(0, 4));
  const week = Math.floor(daysBetween(`${year}-01-01`, thursday) / 7) + 1;
  return `${year}-W${pad(week)}`;
}

/** The Monday of an ISO week label (2022-W44 → 2022-10-31), or null when the label is not a real week. */
export function parseWeek(label: string): string | null {
  const m = /^(\d{4})-W(\d{2})$/.exec(label.trim());
  if (!m) return null;
  const [year, week] = [Number(m[1]), Number(m[2])];
  if (week < 1 || week > 53 || year < 1900 || year > 2200) return null;
  // 4 January is always in week 1.
  const monday = addDays(weekStart(`${year}-01-04`), (week - 1) * 7);
  return weekOf(monday) === label.trim() ? monday : null;
}

/** Whole dispatch weeks from the week of `from` to the week of `to` (0 within one week). */
export function weeksBetween(from: string, to: string): number {
  const monday = (date: string) => epochDay(date) - weekday(date);
  return Math.round((monday(to) - monday(from)) / 7);
}
