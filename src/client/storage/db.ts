// The IndexedDB database (Dexie): its tables and its schema versions. Only client/storage opens it.
import Dexie, { type Table, type Transaction } from 'dexie';
import type { Mutation, Reason } from '#shared/sync/protocol.ts';
import type { AnyRecord, EntityName, EntityRecordMap } from '#shared/model/entities.ts';
import { entityDefaults, entityNames } from '#shared/model/entities.ts';
import { metaDefaults } from '#shared/model/record.ts';

export type SettingRow = { key: string; value: unknown };
export type MetaRow = { key: string; value: number };

/** A change waiting to reach the server (or refused by it, with the reason, until the user decides). */
export type OutboxRow = {
  seq?: number;
  /** "entity:id", to find a record's pending changes when the server's version of it arrives. */
  key: string;
  mutation: Mutation;
  status: 'pending' | 'rejected';
  reason?: Reason;
};

/** An evidence file's bytes on this device. `uploaded` is 0/1 (IndexedDB cannot index booleans). */
export type FileRow = {
  hash: string;
  blob: Blob;
  type: string;
  size: number;
  name: string;
  uploaded: 0 | 1;
  addedAt: string;
  /** Why the server will never take it (fileType, fileTooLarge), if it said so. */
  refused?: string;
};

/** Unsaved form input, kept while the user types so that a closed tab or a crash loses none of it. */
export type DraftRow = { key: string; values: unknown; savedAt: string };

/** The meta row counting committed write transactions: a cache that has seen them all may skip re-reading. */
export const WRITES_KEY = 'writes';

/** The measure table's indexes (also used by the benchmark's raw baseline, so both write alike). */
export const MEASURE_INDEXES = 'id, problemId, leadDepartmentId, *cooperatingDepartmentIds';

export const tableOf: { [E in EntityName]: string } = {
  area: 'areas',
  department: 'departments',
  problem: 'problems',
  measure: 'measures',
  ledgerInfo: 'ledgerInfo',
  bulletin: 'bulletins',
};

export class LedgerDb extends Dexie {
  areas!: Table<EntityRecordMap['area'], string>;
  departments!: Table<EntityRecordMap['department'], string>;
  problems!: Table<EntityRecordMap['problem'], string>;
  measures!: Table<EntityRecordMap['measure'], string>;
  ledgerInfo!: Table<EntityRecordMap['ledgerInfo'], string>;
  bulletins!: Table<EntityRecordMap['bulletin'], string>;
  settings!: Table<SettingRow, string>;
  meta!: Table<MetaRow, string>;
  outbox!: Table<OutboxRow, number>;
  files!: Table<FileRow, string>;
  drafts!: Table<DraftRow, string>;

  constructor(name: string) {
    super(name);
    // Versions only ever add: a device may open a database written by any earlier release.
    this.version(1).stores({
      areas: 'id, seq',
      departments: 'id, name',
      problems: 'id, number, areaId',
      measures: 'id, problemId, leadDepartmentId, status, deadline, updatedAt',
    });
    // v2: indexes only where the store looks records up (referrers of a deleted problem or department),
    // since every index costs on every write and the views read the ledger from memory; a multi-entry index
    // finds each measure a department cooperates on; settings get a table; v1 records gain new fields.
    this.version(2)
      .stores({
        measures: MEASURE_INDEXES,
        settings: 'key',
        meta: 'key',
      })
      .upgrade(fillNewFields);
    // v3: the sync outbox, and the server version every record now carries (0 until synced).
    this.version(3).stores({ outbox: '++seq, key, status' }).upgrade(fillNewFields);
    // v4: evidence files kept on the device (by content hash, with whether the server has them yet),
    // drafts of the measure form, and the measures' new history fields.
    this.version(4).stores({ files: 'hash, uploaded', drafts: 'key' }).upgrade(fillNewFields);
    // v5: the ledger's information (its source documents and the report's own figures), and the new fields
    // of departments (kind), problems (涉及, roles read from reports) and measures (source, deadline wording).
    this.version(5).stores({ ledgerInfo: 'id' }).upgrade(fillNewFields);
    // v6: the measures' 核实销号 steps and 督办 notices (entry lists, empty on earlier records).
    this.version(6).stores({}).upgrade(fillNewFields);
    // v7: the issued 每月通报 (snapshots, never changed), and the problems' hand-written 整改落实情况 switch.
    this.version(7).stores({ bulletins: 'id, number' }).upgrade(fillNewFields);
  }

  tableFor<E extends EntityName>(entity: E): Table<EntityRecordMap[E], string> {
    return this.table<EntityRecordMap[E], string>(tableOf[entity]);
  }
}

/** Gives every stored record the fields it lacks, with their defaults (an entity's table may come in later). */
export async function fillNewFields(tx: Transaction): Promise<void> {
  for (const entity of entityNames) {
    if (!tx.idbtrans.objectStoreNames.contains(tableOf[entity])) continue;
    const defaults = { ...(entityDefaults[entity] as Record<string, unknown>), ...metaDefaults };
    await tx
      .table(tableOf[entity])
      .toCollection()
      .modify((record: Record<string, unknown>) => {
        for (const [key, value] of Object.entries(defaults)) {
          if (!(key in record)) record[key] = structuredClone(value);
        }
      });
  }
}

export type { AnyRecord };
