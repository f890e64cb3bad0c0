// Department (责任单位): a unit that leads or cooperates on problems and owns measures.
import { z } from 'zod';
import { idSchema } from './ids.ts';
import { lineText, longText, recordMetaShape } from './record.ts';

export const departmentLevels = [
  'government',
  'municipal',
  'county',
  'vertical',
  'judicial',
  'enterprise',
  'other',
] as const;
export type DepartmentLevel = (typeof departmentLevels)[number];

export const departmentSchema = z
  .object({
    id: idSchema,
    name: lineText(60).pipe(z.string().trim().min(1)),
    shortName: lineText(20),
    fullName: lineText(100),
    level: z.enum(departmentLevels),
    note: longText(2000),
    ...recordMetaShape,
  })
  .strict();

export type Department = z.infer<typeof departmentSchema>;
