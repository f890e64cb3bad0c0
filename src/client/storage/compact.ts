// Keeps 100,000 records small in memory: values repeated across records (ids of problems and departments,
// statuses, names, dates) share one string, and empty lists share one frozen array.
const EMPTY: readonly never[] = Object.freeze([]);

// Fields whose values repeat from record to record (timestamps too: a sample load, an import or a bulk
// edit stamps thousands of records alike); free texts are left as they are.
const REPEATED = ['problemId', 'leadDepartmentId', 'overallLeadDepartmentId', 'areaId', 'status', 'type', 'level', 'kind', 'owner', 'label', 'deadline', 'deadlineNote', 'progressNoteDate', 'createdBy', 'updatedBy', 'createdAt', 'updatedAt'];
const LISTS = ['cooperatingDepartmentIds', 'involvedDepartmentIds', 'reportedRoleDepartmentIds', 'indicators', 'evidence', 'legalBasis', 'progressLog', 'extensions', 'attachments'];

export type Compactor = <T extends object>(record: T) => T;

export function createCompactor(): Compactor {
  const strings = new Map<string, string>();
  const intern = (value: string) => {
    const known = strings.get(value);
    if (known !== undefined) return known;
    strings.set(value, value);
    return value;
  };
  return (record) => {
    const loose = record as Record<string, unknown>;
    for (const key of REPEATED) {
      const value = loose[key];
      if (typeof value === 'string') loose[key] = intern(value);
    }
    for (const key of LISTS) {
      const value = loose[key];
      if (!Array.isArray(value)) continue;
      // Stored records are never changed in place (changes make new records), so sharing is safe.
      if (value.length === 0) loose[key] = EMPTY;
      else if (key === 'cooperatingDepartmentIds') loose[key] = (value as string[]).map(intern);
    }
    return record;
  };
}
