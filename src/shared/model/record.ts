// Fields every stored record carries: who created and last changed it, and when.
import { z } from 'zod';

export const timestampSchema = z.iso.datetime({ offset: true });

export const recordMetaShape = {
  createdAt: timestampSchema,
  createdBy: z.string().max(100),
  updatedAt: timestampSchema,
  updatedBy: z.string().max(100),
};

export const metaFields = ['id', 'createdAt', 'createdBy', 'updatedAt', 'updatedBy'] as const;
export type MetaField = (typeof metaFields)[number];

/** A short single-line text: trimmed, no line breaks. */
export function lineText(max: number) {
  return z.string().max(max).refine((s) => !/[\r\n]/.test(s), { message: 'line' });
}

/** Free text that may hold line breaks. */
export function longText(max: number) {
  return z.string().max(max);
}
