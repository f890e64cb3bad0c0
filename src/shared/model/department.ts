// Department (责任单位): a unit that leads or cooperates on problems and owns measures.
import { z } from 'zod';
import { idSchema } from './ids.ts';
import { lineText, longText, recordMetaShape } from './record.ts';

// congress (人大) and party (党委, 纪委监委): the bodies above the government that supervise the rectification.
export const departmentLevels = [
  'government',
  'municipal',
  'county',
  'vertical',
  'judicial',
  'enterprise',
  'congress',
  'party',
  'other',
] as const;
export type DepartmentLevel = (typeof departmentLevels)[number];

/**
 * What a unit is to the rectification: a responsible unit (责任单位), the office that coordinates it and keeps
 * the ledger (统筹协调, 市营商办), or a body that supervises it (监督: 人大, 纪委监委, 督查室).
 */
export const departmentKinds = ['responsible', 'coordinating', 'supervising'] as const;
export type DepartmentKind = (typeof departmentKinds)[number];

export const departmentSchema = z
  .object({
    id: idSchema,
    name: lineText(60).pipe(z.string().trim().min(1)),
    shortName: lineText(20),
    fullName: lineText(100),
    level: z.enum(departmentLevels),
    kind: z.enum(departmentKinds),
    note: longText(2000),
    ...recordMetaShape,
  })
  .strict();

export type Department = z.infer<typeof departmentSchema>;
