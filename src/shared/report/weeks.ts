// Dispatch weeks (调度周), Monday to Sunday, named by their ISO week (2022-W44). Stand-in until issue 16's
// week helpers land in model/dates.ts (the contract puts them there); the lead swaps the imports at merge.
import { formatIsoDate } from '../model/dates.ts';

export type Week = { label: string; start: string; end: string };

const DAY_MS = 86_400_000;
const utc = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const iso = (ms: number) => {
  const d = new Date(ms);
  return formatIsoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
};

export function addDays(date: string, days: number): string {
  return iso(utc(date) + days * DAY_MS);
}

/** The Monday of the week `date` falls in. */
export function weekStart(date: string): string {
  const day = new Date(utc(date)).getUTCDay();
  return addDays(date, -((day + 6) % 7));
}

/** The dispatch week a day falls in, with its ISO label (the year is that of the week's Thursday). */
export function weekOf(date: string): Week {
  const start = weekStart(date);
  const thursday = addDays(start, 3);
  const year = Number(thursday.slice(0, 4));
  const firstThursday = weekStart(`${year}-01-04`);
  const number = Math.round((utc(start) - utc(firstThursday)) / (7 * DAY_MS)) + 1;
  return { label: `${year}-W${String(number).padStart(2, '0')}`, start, end: addDays(start, 6) };
}

/** The week an ISO label (2022-W44) names, or null when it names none. */
export function parseWeek(label: string): Week | null {
  const m = /^(\d{4})-W(\d{2})$/.exec(label.trim());
  if (!m) return null;
  const year = Number(m[1]);
  const number = Number(m[2]);
  if (number < 1 || number > 53) return null;
  const week = weekOf(addDays(weekStart(`${year}-01-04`), (number - 1) * 7));
  return week.label === label.trim() ? week : null;
}
