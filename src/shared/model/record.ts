// Fields every stored record carries: who created and last changed it, and when.
import { z } from 'zod';

export const timestampSchema = z.iso.datetime({ offset: true });

export const recordMetaShape = {
  createdAt: timestampSchema,
  createdBy: z.string().max(100),
  updatedAt: timestampSchema,
  updatedBy: z.string().max(100),
  /** The server's version of this record as the device last received it (0: never synced). */
  rev: z.number().int().min(0),
};

export const metaFields = ['id', 'createdAt', 'createdBy', 'updatedAt', 'updatedBy', 'rev'] as const;

/** Who verified and closed an item (销号), and when: set with the status, never typed. */
export const closureShape = {
  closedBy: z.string().max(100).nullable(),
  closedAt: timestampSchema.nullable(),
};
export const derivedFields = ['closedBy', 'closedAt'] as const;

/** Meta values a record has before any server has seen it. */
export const metaDefaults = { rev: 0 } as const;
export type MetaField = (typeof metaFields)[number];

/** A short single-line text: trimmed, no line breaks. */
export function lineText(max: number) {
  return z.string().max(max).refine((s) => !/[\r\n]/.test(s), { message: 'line' });
}

/** Free text that may hold line breaks. */
export function longText(max: number) {
  return z.string().max(max);
}
