// The benchmark's raw baseline: plain Dexie and plain AG Grid doing the same work as the app, with nothing of ours in between.
import Dexie from 'dexie';
import {
  ClientSideRowModelApiModule,
  ClientSideRowModelModule,
  createGrid,
  type GridApi,
  ModuleRegistry,
  RowApiModule,
  themeQuartz,
} from 'ag-grid-community';
import { MEASURE_INDEXES } from '../src/client/storage/db.ts';
import { entityDefaults } from '../src/shared/model/entities.ts';
import { createRandom, syntheticMeasure } from '../src/shared/sample/synthetic.ts';

ModuleRegistry.registerModules([ClientSideRowModelModule, ClientSideRowModelApiModule, RowApiModule]);

type Row = Record<string, unknown> & { id: string };
const db = new Dexie('raw-baseline');
// The same table and indexes as the app's, so that the ratio shows the app's own overhead only.
db.version(1).stores({ measures: MEASURE_INDEXES });
db.version(2).stores({ files: 'hash' });
const table = db.table<Row, string>('measures');
const fields = ['title', 'label', 'leadDepartmentId', 'type', 'owner', 'deadline', 'status', 'progress', 'progressNote', 'progressNoteDate', 'details', 'updatedBy', 'problemId', 'seq'];
let api: GridApi<Row> | null = null;

function rows(n: number, seed: number): Row[] {
  const random = createRandom(seed);
  const ctx = { problemIds: ['p1', 'p2', 'p3'], departmentIds: ['d1', 'd2'], today: '2026-11-28' };
  const now = new Date().toISOString();
  // Records of the same shape as the app's (every field, defaults included).
  return Array.from({ length: n }, (_, i) => ({
    ...structuredClone(entityDefaults.measure),
    ...syntheticMeasure(i, ctx, random),
    id: crypto.randomUUID(),
    createdAt: now,
    createdBy: 'bench',
    updatedAt: now,
    updatedBy: 'bench',
  }));
}

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

const bench = {
  /** bulkPut of n rows in 10,000-row transactions, as the app's bulk paths write. */
  async fill(n: number): Promise<number> {
    await table.clear();
    const all = rows(n, 7);
    const start = performance.now();
    for (let i = 0; i < all.length; i += 10_000) await table.bulkPut(all.slice(i, i + 10_000));
    return performance.now() - start;
  },
  /** toArray then setGridOption('rowData'): returns the time from navigation start to the first rendered rows. */
  async open(): Promise<number> {
    const data = await table.toArray();
    performance.mark('raw:read');
    return new Promise((resolve) => {
      api = createGrid(document.getElementById('grid') as HTMLElement, {
        theme: themeQuartz,
        columnDefs: fields.map((field) => ({ field })),
        getRowId: (p) => p.data.id,
        onFirstDataRendered: () => resolve(performance.now()),
      });
      api.setGridOption('rowData', data);
    });
  },
  async putOne(): Promise<number> {
    const row = (await table.limit(2).toArray())[1];
    const start = performance.now();
    await table.put({ ...row, owner: `raw ${start}` } as Row);
    api?.applyTransaction({ update: [{ ...row, owner: `raw ${start}` } as Row] });
    return performance.now() - start;
  },
  /** The photo as taken, stored as it is: the raw side of "compress and store a photo". */
  async putBlob(blob: Blob): Promise<number> {
    const start = performance.now();
    await db.table('files').put({ hash: crypto.randomUUID(), blob, size: blob.size });
    return performance.now() - start;
  },
  async bulkUpdate(count: number): Promise<number> {
    const some = await table.limit(count).toArray();
    const start = performance.now();
    const changed = some.map((r) => ({ ...r, status: 'completed', progress: 100, updatedAt: new Date().toISOString() }));
    await table.bulkPut(changed);
    api?.applyTransaction({ update: changed });
    await nextFrame();
    return performance.now() - start;
  },
};

(window as unknown as { __rawBench: typeof bench }).__rawBench = bench;
document.title = 'raw ready';
