// Problem (问题): one finding of the inspection, with its legal basis, the inspectors' advice and who answers for it.
import { z } from 'zod';
import { isoDateSchema } from './dates.ts';
import { idSchema } from './ids.ts';
import { closureShape, lineText, longText, recordMetaShape } from './record.ts';
import { statusSchema } from './status.ts';

export const problemSchema = z
  .object({
    id: idSchema,
    number: z.number().int().min(1).max(100_000),
    areaId: idSchema.nullable(),
    title: lineText(200).pipe(z.string().trim().min(1)),
    description: longText(20_000),
    legalBasis: z.array(lineText(200).pipe(z.string().trim().min(1))).max(50),
    recommendations: longText(20_000),
    reviewOpinions: longText(20_000),
    rectificationSummary: longText(50_000),
    /** The coordinator wrote 整改落实情况 by hand: 附件1 prints it instead of composing it from the measures. */
    summaryByHand: z.boolean().default(false),
    /** The responsible units exactly as the source lists them, 等 included. */
    departmentsListed: longText(2_000),
    /** 总牵头: the body that answers for the problem as a whole (市政府 in the seed). */
    overallLeadDepartmentId: idSchema.nullable(),
    leadDepartmentId: idSchema.nullable(),
    cooperatingDepartmentIds: z.array(idSchema).max(200),
    /** 涉及: units the problem concerns beyond those it lists, e.g. a unit whose own report answers it. */
    involvedDepartmentIds: z.array(idSchema).max(200),
    /** Units whose role on this problem comes from a report's text rather than the listed 责任单位. */
    reportedRoleDepartmentIds: z.array(idSchema).max(200),
    deadline: isoDateSchema.nullable(),
    status: statusSchema,
    ...closureShape,
    ...recordMetaShape,
  })
  .strict()
  .superRefine((p, ctx) => {
    const roles = [p.overallLeadDepartmentId, p.leadDepartmentId, ...p.cooperatingDepartmentIds, ...p.involvedDepartmentIds].filter(
      (id): id is string => id !== null,
    );
    if (new Set(roles).size !== roles.length) {
      ctx.addIssue({ code: 'custom', path: ['cooperatingDepartmentIds'], message: 'roleTwice' });
    }
  });

/** The fields that hold a department's role on a problem (the matrix cell). */
export type RoleFields = Pick<Problem, 'overallLeadDepartmentId' | 'leadDepartmentId' | 'cooperatingDepartmentIds' | 'involvedDepartmentIds' | 'reportedRoleDepartmentIds'>;

export type Problem = z.infer<typeof problemSchema>;

/** A department's role on a problem: the matrix cell. 涉及 (involved): concerned, though not listed. */
export const roles = ['overall', 'lead', 'cooperate', 'involved'] as const;
export type Role = (typeof roles)[number];

export function getRole(problem: RoleFields, departmentId: string): Role | null {
  if (problem.overallLeadDepartmentId === departmentId) return 'overall';
  if (problem.leadDepartmentId === departmentId) return 'lead';
  if (problem.cooperatingDepartmentIds.includes(departmentId)) return 'cooperate';
  if (problem.involvedDepartmentIds.includes(departmentId)) return 'involved';
  return null;
}

/** Whether the department's role was read from a report's text (a unit's own report) rather than set or listed. */
export function isReportedRole(problem: RoleFields, departmentId: string): boolean {
  return problem.reportedRoleDepartmentIds.includes(departmentId) && getRole(problem, departmentId) !== null;
}

/**
 * The fields to change so that `departmentId` holds `role` on `problem`. A problem has one lead and
 * one overall lead, so giving the role to another department moves the previous holder to 配合. A role set
 * by hand is no longer the report's reading, so the cell loses its mark.
 */
export function setRole(problem: RoleFields, departmentId: string, role: Role | null): RoleFields {
  let overall = problem.overallLeadDepartmentId === departmentId ? null : problem.overallLeadDepartmentId;
  let lead = problem.leadDepartmentId === departmentId ? null : problem.leadDepartmentId;
  const cooperating = problem.cooperatingDepartmentIds.filter((id) => id !== departmentId);
  const involved = problem.involvedDepartmentIds.filter((id) => id !== departmentId);
  const demote = (id: string | null) => {
    if (id !== null && !cooperating.includes(id)) cooperating.push(id);
  };
  if (role === 'overall') {
    demote(overall);
    overall = departmentId;
  } else if (role === 'lead') {
    demote(lead);
    lead = departmentId;
  } else if (role === 'cooperate') {
    cooperating.push(departmentId);
  } else if (role === 'involved') {
    involved.push(departmentId);
  }
  return {
    overallLeadDepartmentId: overall,
    leadDepartmentId: lead,
    cooperatingDepartmentIds: cooperating,
    involvedDepartmentIds: involved,
    reportedRoleDepartmentIds: problem.reportedRoleDepartmentIds.filter((id) => id !== departmentId),
  };
}
