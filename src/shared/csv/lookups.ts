// The lookups an import plans against, built from plain lists of records (a worker's or the server's read of
// the whole ledger): names ↔ ids for the codecs, records by id and by natural key.
import type { Translate } from '../i18n/translate.ts';
import type { Area } from '../model/area.ts';
import type { Department } from '../model/department.ts';
import type { AnyRecord, EntityName } from '../model/entities.ts';
import type { CodecContext } from '../model/field-codec.ts';
import type { Measure } from '../model/measure.ts';
import type { Problem } from '../model/problem.ts';
import type { ImportLookups } from './plan-import.ts';

export type LedgerRecords = { areas: Area[]; departments: Department[]; problems: Problem[]; measures: Measure[] };

export function lookupsOf(records: LedgerRecords, t: Translate): ImportLookups {
  const byId = {
    area: new Map(records.areas.map((r) => [r.id, r as AnyRecord])),
    department: new Map(records.departments.map((r) => [r.id, r as AnyRecord])),
    problem: new Map(records.problems.map((r) => [r.id, r as AnyRecord])),
    measure: new Map(records.measures.map((r) => [r.id, r as AnyRecord])),
    // Imports never write the ledger's information or the issued bulletins.
    ledgerInfo: new Map<string, AnyRecord>(),
    bulletin: new Map<string, AnyRecord>(),
  } satisfies Record<EntityName, Map<string, AnyRecord>>;
  const departmentByName = new Map<string, string>();
  // Full names first, so that a short name never shadows another department's full name.
  for (const field of ['fullName', 'shortName', 'name'] as const) {
    for (const d of records.departments) if (d[field] !== '') departmentByName.set(d[field], d.id);
  }
  const areaByName = new Map(records.areas.flatMap((a) => [[a.name, a.id] as const, [`${a.name}方面`, a.id] as const]));
  const problemByNumber = new Map(records.problems.map((p) => [p.number, p]));
  const problemByTitle = new Map(records.problems.map((p) => [p.title, p.id]));
  const measureByKey = new Map(records.measures.map((m) => [`${m.problemId}\n${m.title}`, m]));
  const lastSeq = new Map<string, number>();
  for (const m of records.measures) lastSeq.set(m.problemId, Math.max(lastSeq.get(m.problemId) ?? 0, m.seq));

  const codec: CodecContext = {
    t,
    findDepartment: (name) => departmentByName.get(name),
    departmentName: (id) => (byId.department.get(id) as Department | undefined)?.name,
    findArea: (name) => areaByName.get(name),
    areaName: (id) => (byId.area.get(id) as Area | undefined)?.name,
    findProblem: (text) => {
      const number = /^\s*(\d+)/.exec(text)?.[1];
      return (number ? problemByNumber.get(Number(number))?.id : undefined) ?? problemByTitle.get(text.trim());
    },
    problemNumber: (id) => (byId.problem.get(id) as Problem | undefined)?.number,
    problemName: (id) => {
      const p = byId.problem.get(id) as Problem | undefined;
      return p ? `${p.number}. ${p.title}` : undefined;
    },
  };
  return {
    codec,
    get: (entity, id) => byId[entity].get(id),
    findByKey: (entity, values) => {
      if (entity === 'measure' && typeof values.problemId === 'string' && typeof values.title === 'string') return measureByKey.get(`${values.problemId}\n${values.title}`);
      if (entity === 'problem' && typeof values.number === 'number') return problemByNumber.get(values.number);
      if (entity === 'department' && typeof values.name === 'string') {
        const id = departmentByName.get(values.name);
        return id ? byId.department.get(id) : undefined;
      }
      return undefined;
    },
    nextSeq: (problemId) => (lastSeq.get(problemId) ?? 0) + 1,
    problems: records.problems,
    areas: records.areas,
  };
}
