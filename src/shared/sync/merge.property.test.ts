// The merge's promise, checked on thousands of generated histories: 2–4 devices make notes, field edits, strikes
// and deletions offline, then sync in random orders (some pushes sent twice, as when an answer is lost; some failing while the pull goes on). After
// everyone has synced, every note saved is on the server and on every device exactly once (or, where its measure
// was deleted, kept in the tombstone or in its device's refused changes), the devices equal the server, and every
// field value that lost is in the conflicts inbox. The devices and the server run the real shared rules: the
// device's applyChange and rebase, the server's entry stamping and merge.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyChange, diffFields, sameValue } from '../model/change.ts';
import { entityDefaults } from '../model/entities.ts';
import { newId } from '../model/ids.ts';
import type { Measure } from '../model/measure.ts';
import { appendProgress, latestProgress, type ProgressEntry, strikeProgress } from '../model/measure-history.ts';
import { receiveEntries } from './entries.ts';
import { mergeMutation, type StoredRecord } from './merge.ts';
import type { Mutation, MutationResult } from './protocol.ts';
import { rebaseRecord } from './rebase.ts';

type Data = Record<string, unknown>;
type OutRow = { mutation: Mutation; status: 'pending' | 'rejected' };
type Device = { clientId: string; actor: string; records: Map<string, Data>; outbox: OutRow[]; cursor: number };
type Lost = { recordId: string; field: string; clientValue: unknown };

type Action =
  | { kind: 'note'; device: number; measure: number; text: string; day: number }
  | { kind: 'edit'; device: number; measure: number; field: 'owner' | 'progress'; value: string | number }
  | { kind: 'strike'; device: number; measure: number }
  | { kind: 'delete'; device: number; measure: number }
  | { kind: 'sync'; device: number; mode: SyncMode };

/** ok; retry: the answer was lost and the push sent again; pullOnly: the push failed, the pull went on. */
type SyncMode = 'ok' | 'retry' | 'pullOnly';

const MEASURES = 3;
const device = fc.nat(3);
const measure = fc.nat(MEASURES - 1);
const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('note' as const), device, measure, text: fc.constantFrom('召开推进会', '完成公示', '印发方案', '督导检查'), day: fc.nat(3) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('edit' as const), device, measure, field: fc.constant('owner' as const), value: fc.constantFrom('王芳', '李强', '赵敏') }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('edit' as const), device, measure, field: fc.constant('progress' as const), value: fc.integer({ min: 0, max: 100 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('strike' as const), device, measure }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), device, measure }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('sync' as const), device, mode: fc.constantFrom<SyncMode>('ok', 'retry', 'pullOnly') }) },
);

/** The server: records with their field versions, the sequence, the conflicts inbox, every value that ever stood. */
function createServer() {
  const records = new Map<string, StoredRecord>();
  const seen = new Map<string, MutationResult>();
  const lost: Lost[] = [];
  const stood = new Map<string, unknown[]>();
  let seq = 0;
  const clock = () => new Date(Date.UTC(2022, 10, 2, 9) + seq * 1000).toISOString();
  const remember = (id: string, data: Data) => {
    for (const [field, value] of Object.entries(data)) stood.set(`${id}:${field}`, [...(stood.get(`${id}:${field}`) ?? []), value]);
  };
  function apply(given: Mutation): MutationResult {
    const first = seen.get(given.mutationId);
    if (first) return { ...first, status: 'duplicate', first: first.status as 'applied' | 'conflict' | 'rejected' };
    const current = records.get(given.id) ?? null;
    const result = decide(current, given);
    seen.set(given.mutationId, result);
    return result;
  }
  function decide(current: StoredRecord | null, given: Mutation): MutationResult {
    const rejected = (code: string): MutationResult => ({ mutationId: given.mutationId, status: 'rejected', reason: { code: code as 'invalid' } });
    // As the push does: entries stamped from the session (every user here a coordinator) and the server's clock.
    const stamped = receiveEntries(current, given, { actor: given.actor, now: clock(), actsForOthers: true });
    if (!stamped.ok) return rejected(stamped.reason.code);
    const outcome = mergeMutation(current, stamped.mutation, seq + 1);
    if (outcome.kind === 'rejected') return rejected(outcome.reason.code);
    const losses = [...stamped.lost, ...outcome.lost];
    for (const l of losses) lost.push({ recordId: given.id, field: l.field, clientValue: l.clientValue });
    if (outcome.next) {
      seq += 1;
      records.set(given.id, outcome.next);
      remember(given.id, outcome.next.data);
    }
    return { mutationId: given.mutationId, status: losses.length > 0 ? 'conflict' : 'applied', seq: outcome.next ? seq : undefined };
  }
  return { records, lost, stood, apply, seq: () => seq };
}

function measureValues(problemId: string, n: number): Data {
  return { problemId, seq: n, title: `措施${n}`, status: 'in_progress', leadDepartmentId: null };
}

function run(deviceCount: number, actions: Action[]) {
  const server = createServer();
  const problemId = newId();
  const ids = Array.from({ length: MEASURES }, () => newId());
  const at = '2022-11-01T08:00:00.000Z';
  ids.forEach((id, n) => server.apply({ mutationId: newId(), clientId: newId(), entity: 'measure', id, op: 'create', fields: measureValues(problemId, n + 1), baseVersion: 0, actor: '管理员', at }));
  const devices: Device[] = Array.from({ length: deviceCount }, (_, i) => ({ clientId: newId(), actor: `填报员${i + 1}`, records: new Map(), outbox: [], cursor: 0 }));
  let tick = 0;
  const now = () => new Date(Date.UTC(2022, 10, 2, 8) + ++tick * 1000).toISOString();
  const notes: { id: string; measureId: string; device: Device }[] = [];
  const edits: { measureId: string; field: string; value: unknown; device: Device; mutationId: string }[] = [];

  function take(d: Device, id: string, record: StoredRecord) {
    const pending = d.outbox.filter((r) => r.status === 'pending' && r.mutation.id === id).map((r) => r.mutation);
    const next = rebaseRecord('measure', record.deleted ? null : { ...entityDefaults.measure, ...record.data, rev: record.version }, pending);
    if (next === 'keep') return;
    if (next) d.records.set(id, next);
    else d.records.delete(id);
  }
  function pull(d: Device) {
    const page = [...server.records.entries()].filter(([, r]) => r.version > d.cursor).sort(([, a], [, b]) => a.version - b.version);
    for (const [id, record] of page) take(d, id, record);
    d.cursor = server.seq();
  }
  /** What the device's storage does: applyChange, then the outbox row with the fields that changed. */
  function save(d: Device, id: string, fields: Data | null): Mutation | null {
    const prev = d.records.get(id);
    if (!prev) return null;
    const change = fields ? ({ op: 'update', entity: 'measure', id, fields } as const) : ({ op: 'delete', entity: 'measure', id } as const);
    const result = applyChange(prev as Measure, change, { actor: d.actor, now: now() });
    if (!result.ok) throw new Error(`device refused its own change: ${JSON.stringify(result.errors)}`);
    const next = result.next as Data | null;
    const changed = next ? diffFields(next, prev) : {};
    if (next && Object.keys(changed).length === 0) return null;
    const mutation: Mutation = { mutationId: newId(), clientId: d.clientId, entity: 'measure', id, op: next ? 'update' : 'delete', fields: changed, baseVersion: prev.rev as number, actor: d.actor, at: now() };
    if (next) d.records.set(id, next);
    else d.records.delete(id);
    d.outbox.push({ mutation, status: 'pending' });
    return mutation;
  }
  function sync(d: Device, mode: SyncMode) {
    const rows = mode === 'pullOnly' ? [] : d.outbox.filter((r) => r.status === 'pending');
    let results = rows.map((r) => server.apply(r.mutation));
    // The answer was lost: the device sends the same push again and learns the outcome from the duplicates.
    if (mode === 'retry') results = rows.map((r) => server.apply(r.mutation));
    // As the engine does: a refused change stays with its reason; a refused or conflicting one has its record
    // read again, so that the device shows the value that stands.
    const reread = new Set<string>();
    rows.forEach((row, i) => {
      const r = results[i]!;
      const outcome = r.status === 'duplicate' ? r.first : r.status;
      if (outcome === 'rejected') row.status = 'rejected';
      else d.outbox.splice(d.outbox.indexOf(row), 1);
      if (outcome === 'rejected' || outcome === 'conflict') reread.add(row.mutation.id);
    });
    for (const id of reread) take(d, id, server.records.get(id)!);
    pull(d);
    // Right after a sync the device shows every note the server has, beside its own still waiting.
    for (const [id, record] of server.records) {
      const shown = new Set(logOf(d.records.get(id)).map((e) => e.id));
      if (!record.deleted && d.records.has(id)) expect(logOf(record.data).filter((e) => !shown.has(e.id))).toEqual([]);
    }
  }

  for (const d of devices) pull(d);
  for (const a of actions) {
    const d = devices[a.device % deviceCount]!;
    if (a.kind === 'sync') {
      sync(d, a.mode);
      continue;
    }
    const id = ids[a.measure % MEASURES]!;
    const record = d.records.get(id) as Measure | undefined;
    if (!record) continue;
    else if (a.kind === 'note') {
      const date = `2022-11-0${a.day + 1}`;
      const noteId = newId();
      const log = appendProgress(record.progressLog, { id: noteId, date, text: a.text, progress: record.progress, status: record.status }, { actor: d.actor, now: now() });
      if (save(d, id, { progressLog: log, progressNote: a.text, progressNoteDate: date })) notes.push({ id: noteId, measureId: id, device: d });
    } else if (a.kind === 'edit') {
      const m = save(d, id, { [a.field]: a.value });
      if (m) edits.push({ measureId: id, field: a.field, value: a.value, device: d, mutationId: m.mutationId });
    } else if (a.kind === 'strike') {
      const mine = record.progressLog.filter((e) => e.by === d.actor && e.struckAt === undefined).at(-1);
      if (mine) save(d, id, { progressLog: strikeProgress(record.progressLog, mine.id, { actor: d.actor, now: now() }) });
    } else save(d, id, null);
  }
  // Everyone syncs until nothing moves: two rounds, so that each device pulls what the others pushed last.
  for (let round = 0; round < 2; round++) for (const d of devices) sync(d, 'ok');
  return { server, devices, notes, edits, ids };
}

const inOutbox = (d: Device, pick: (m: Mutation) => boolean) => d.outbox.some((r) => r.status === 'rejected' && pick(r.mutation));
const logOf = (data: Data | undefined) => ((data?.progressLog as ProgressEntry[] | undefined) ?? []);

describe('merge of notes, edits and deletions from 2–4 offline devices', () => {
  it('keeps every note once everywhere, makes every device equal the server, and keeps every losing value', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 4 }), fc.array(action, { minLength: 1, maxLength: 40 }), (deviceCount, actions) => {
        const { server, devices, notes, edits, ids } = run(deviceCount, actions);
        for (const id of ids) {
          const stored = server.records.get(id)!;
          const log = logOf(stored.data);
          expect(new Set(log.map((e) => e.id)).size).toBe(log.length);
          for (const d of devices) {
            // Every device holds what the server holds: no stale copy, no record the server deleted.
            if (stored.deleted) expect(d.records.has(id)).toBe(false);
            else expect(d.records.get(id)).toEqual({ ...entityDefaults.measure, ...stored.data, rev: stored.version });
          }
          const live = latestProgress(log);
          if (!stored.deleted && live) expect(stored.data).toMatchObject({ progressNote: live.text, progressNoteDate: live.date });
        }
        for (const note of notes) {
          const stored = server.records.get(note.measureId)!;
          const found = logOf(stored.data).filter((e) => e.id === note.id).length;
          const refused = inOutbox(note.device, (m) => logOf(m.fields).some((e) => e.id === note.id));
          if (!stored.deleted) expect(found).toBe(1);
          else expect(found === 1 || refused).toBe(true);
        }
        // Adding a note never conflicts, on the log or on 最新进展.
        expect(server.lost.filter((l) => ['progressLog', 'progressNote', 'progressNoteDate'].includes(l.field))).toEqual([]);
        for (const edit of edits) {
          const stood = (server.stood.get(`${edit.measureId}:${edit.field}`) ?? []).some((v) => sameValue(v, edit.value));
          const inbox = server.lost.some((l) => l.recordId === edit.measureId && l.field === edit.field && sameValue(l.clientValue, edit.value));
          const refused = inOutbox(edit.device, (m) => m.mutationId === edit.mutationId);
          expect(stood || inbox || (refused && server.records.get(edit.measureId)!.deleted)).toBe(true);
        }
      }),
      { numRuns: 2_000 },
    );
  }, 300_000);
});
