// The kind of every editable field of every entity: how it is typed, shown, pasted and imported.
import type { EntityName } from './entities.ts';
import type { FieldKind } from './field-codec.ts';

export const fieldKinds: { [E in EntityName]: Record<string, FieldKind> } = {
  area: { seq: 'int', name: 'text' },
  department: { name: 'text', shortName: 'text', fullName: 'text', level: 'level', kind: 'departmentKind', note: 'multiline' },
  problem: {
    number: 'int',
    areaId: 'area',
    title: 'text',
    description: 'multiline',
    legalBasis: 'lines',
    recommendations: 'multiline',
    reviewOpinions: 'multiline',
    rectificationSummary: 'multiline',
    summaryByHand: 'yesNo',
    departmentsListed: 'multiline',
    overallLeadDepartmentId: 'department',
    leadDepartmentId: 'department',
    cooperatingDepartmentIds: 'departments',
    involvedDepartmentIds: 'departments',
    reportedRoleDepartmentIds: 'departments',
    deadline: 'date',
    status: 'status',
  },
  measure: {
    problemId: 'problem',
    label: 'text',
    title: 'text',
    details: 'multiline',
    type: 'measureType',
    leadDepartmentId: 'department',
    cooperatingDepartmentIds: 'departments',
    owner: 'text',
    deadline: 'date',
    deadlineNote: 'text',
    status: 'status',
    progress: 'percent',
    progressNote: 'multiline',
    progressNoteDate: 'date',
    evidence: 'lines',
    source: 'text',
  },
  ledgerInfo: { title: 'text' },
  bulletin: {},
};

export function kindOf(entity: EntityName, field: string): FieldKind {
  return fieldKinds[entity][field] ?? 'text';
}
