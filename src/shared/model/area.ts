// Area (方面): one of the four groups the inspection sorted its problems into.
import { z } from 'zod';
import { idSchema } from './ids.ts';
import { lineText, recordMetaShape } from './record.ts';

export const areaSchema = z
  .object({
    id: idSchema,
    seq: z.number().int().min(1).max(999),
    name: lineText(100).pipe(z.string().trim().min(1)),
    ...recordMetaShape,
  })
  .strict();

export type Area = z.infer<typeof areaSchema>;
