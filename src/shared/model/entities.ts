// The registry of stored entities: one zod schema each, the defaults a new record starts from.
import type { z } from 'zod';
import { type Area, areaSchema } from './area.ts';
import { type Bulletin, bulletinSchema } from './bulletin.ts';
import { type Department, departmentSchema } from './department.ts';
import type { EntryKind } from './entry-log.ts';
import { type LedgerInfo, ledgerInfoSchema } from './ledger-info.ts';
import { type Measure, measureSchema } from './measure.ts';
import { extensionKind, progressKind } from './measure-history.ts';
import { type Problem, problemSchema } from './problem.ts';
import { noticeKind, reviewKind } from './supervision.ts';

export const entityNames = ['area', 'department', 'problem', 'measure', 'ledgerInfo', 'bulletin'] as const;
export type EntityName = (typeof entityNames)[number];

export type EntityRecordMap = {
  area: Area;
  department: Department;
  problem: Problem;
  measure: Measure;
  ledgerInfo: LedgerInfo;
  bulletin: Bulletin;
};
export type AnyRecord = EntityRecordMap[EntityName];

export const entitySchemas: { [E in EntityName]: z.ZodType<EntityRecordMap[E]> } = {
  area: areaSchema,
  department: departmentSchema,
  problem: problemSchema,
  measure: measureSchema,
  ledgerInfo: ledgerInfoSchema,
  bulletin: bulletinSchema,
};

type Defaults<E extends EntityName> = Partial<Omit<EntityRecordMap[E], 'id'>>;

/** What a new record holds for the fields its creator left out. */
export const entityDefaults: { [E in EntityName]: Defaults<E> } = {
  area: {},
  department: { shortName: '', fullName: '', level: 'municipal', kind: 'responsible', note: '' },
  problem: {
    areaId: null,
    description: '',
    legalBasis: [],
    recommendations: '',
    reviewOpinions: '',
    rectificationSummary: '',
    summaryByHand: false,
    departmentsListed: '',
    overallLeadDepartmentId: null,
    leadDepartmentId: null,
    cooperatingDepartmentIds: [],
    involvedDepartmentIds: [],
    reportedRoleDepartmentIds: [],
    deadline: null,
    status: 'not_started',
    closedBy: null,
    closedAt: null,
  },
  measure: {
    label: '',
    details: '',
    type: 'other',
    leadDepartmentId: null,
    cooperatingDepartmentIds: [],
    owner: '',
    deadline: null,
    deadlineNote: '',
    status: 'not_started',
    progress: 0,
    progressNote: '',
    progressNoteDate: null,
    indicators: [],
    evidence: [],
    progressLog: [],
    extensions: [],
    attachments: [],
    reviews: [],
    notices: [],
    source: '',
    closedBy: null,
    closedAt: null,
  },
  ledgerInfo: { documents: [], reportedFigures: [] },
  bulletin: {},
};

/** Fields that hold references, checked by the store against the records that exist. */
export const entityReferences: { [E in EntityName]: { field: string; target: EntityName; many: boolean }[] } = {
  area: [],
  department: [],
  problem: [
    { field: 'areaId', target: 'area', many: false },
    { field: 'overallLeadDepartmentId', target: 'department', many: false },
    { field: 'leadDepartmentId', target: 'department', many: false },
    { field: 'cooperatingDepartmentIds', target: 'department', many: true },
    { field: 'involvedDepartmentIds', target: 'department', many: true },
    { field: 'reportedRoleDepartmentIds', target: 'department', many: true },
  ],
  measure: [
    { field: 'problemId', target: 'problem', many: false },
    { field: 'leadDepartmentId', target: 'department', many: false },
    { field: 'cooperatingDepartmentIds', target: 'department', many: true },
  ],
  ledgerInfo: [],
  bulletin: [],
};

/** The append-only entry lists each entity holds (entry-log.ts): merged by union, stamped by the server. */
export const entityEntryLogs: { [E in EntityName]: readonly EntryKind[] } = {
  area: [],
  department: [],
  problem: [],
  measure: [progressKind, extensionKind, reviewKind, noticeKind],
  ledgerInfo: [],
  bulletin: [],
};
