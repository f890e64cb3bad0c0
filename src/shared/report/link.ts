// A figure's rows as a link: the day, the scope and the selection a number counts, carried in the address
// (#ledger/report/…) and in a saved view, so the ledger can show exactly those rows, and again later.
import { z } from 'zod';
import { isoDateSchema } from '../model/dates.ts';
import { statuses } from '../model/status.ts';
import type { Selection } from './facts.ts';

export type ReportLink = { asOf: string; areaId: string | null; departmentId: string | null; selection: Selection; label: string };

const flag = z.boolean().optional();
const linkSchema = z.object({
  asOf: isoDateSchema,
  areaId: z.string().max(100).nullable(),
  departmentId: z.string().max(100).nullable(),
  label: z.string().max(200),
  selection: z
    .object({
      status: z.enum(statuses).optional(),
      light: z.string().max(20).optional(),
      done: flag,
      active: flag,
      overdue: flag,
      dueSoon: flag,
      awaiting: flag,
      extensionPending: flag,
      notOngoing: flag,
      departmentId: z.string().max(100).optional(),
      role: z.enum(['lead', 'cooperate']).optional(),
      areaId: z.string().max(100).nullable().optional(),
      problemId: z.string().max(100).optional(),
      unreportedUnit: flag,
    })
    .strict(),
});

export const LINK_PREFIX = 'report/';

export function encodeLink(link: ReportLink): string {
  return LINK_PREFIX + encodeURIComponent(JSON.stringify(link));
}

/** The link in an address's part after the view's name, or null if there is none or it is not one. */
export function parseLink(text: string): ReportLink | null {
  if (!text.startsWith(LINK_PREFIX)) return null;
  try {
    const parsed = linkSchema.safeParse(JSON.parse(decodeURIComponent(text.slice(LINK_PREFIX.length))));
    return parsed.success ? (parsed.data as ReportLink) : null;
  } catch {
    return null;
  }
}

/** A link kept in a saved view (plain data), checked again when the view is shown. */
export function readLink(value: unknown): ReportLink | null {
  const parsed = linkSchema.safeParse(value);
  return parsed.success ? (parsed.data as ReportLink) : null;
}
