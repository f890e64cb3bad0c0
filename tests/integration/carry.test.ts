// Moving changes without a network, over real HTTP on SQLite and PostgreSQL: a tablet exports its unsynced changes
// (with a photo), a coordinator imports the file twice in the app and once more on the command line, then the
// tablet syncs by itself. Every change lands once, checked as the tablet user's, recorded as carried.
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { newId } from '../../src/shared/model/ids.ts';
import type { Measure } from '../../src/shared/model/measure.ts';
import { appendProgress } from '../../src/shared/model/measure-history.ts';
import type { AuditEntry } from '../../src/shared/sync/protocol.ts';
import { saveFile } from '../../src/client/storage/file-store.ts';
import { seedChanges, signedInFetch } from './support/clients.ts';
import type { StoreKind } from './support/databases.ts';
import { useServerSuite } from './support/suite.ts';

const kinds: StoreKind[] = ['sqlite', 'postgres'];

describe.each(kinds)('carrying a tablet’s exported changes (%s)', (kind) => {
  const suite = useServerSuite(kind);

  it('applies them once as their author’s, however often the file comes, and the tablet’s own sync adds nothing', async () => {
    const coordinator = await suite.coordinator('协调员');
    const seed = seedChanges();
    const otherDepartment = newId();
    const otherMeasure = newId();
    await coordinator.save([
      ...seed.changes,
      { op: 'create', entity: 'department', id: otherDepartment, values: { name: '市税务局' } },
      { op: 'create', entity: 'measure', id: otherMeasure, values: { problemId: seed.problemId, seq: 2, title: '别的单位的措施', status: 'in_progress', leadDepartmentId: otherDepartment } },
    ]);
    await coordinator.sync.syncNow();
    const tablet = await suite.staff('赵敏', [seed.departmentId]);
    await tablet.sync.syncNow();

    // Offline on the tablet: a note with a photo on its own department's measure, and an edit of another's.
    const bytes = new Uint8Array(2_000);
    bytes.set(randomBytes(2_000));
    bytes.set([0xff, 0xd8, 0xff, 0xe0], 0);
    const hash = createHash('sha256').update(bytes).digest('hex');
    await saveFile(tablet.storage.db, { hash, blob: new Blob([bytes], { type: 'image/jpeg' }), type: 'image/jpeg', name: '公示栏.jpg' });
    const m = tablet.storage.cache.get('measure', seed.measureId) as Measure;
    const who = { actor: '赵敏', now: new Date().toISOString() };
    await tablet.save([{ op: 'update', entity: 'measure', id: seed.measureId, fields: { progress: 40, progressLog: appendProgress(m.progressLog, { date: '2022-11-09', text: '完成窗口公示', progress: 40, status: 'in_progress' }, who), attachments: [{ hash, name: '公示栏.jpg', type: 'image/jpeg', size: bytes.byteLength, addedAt: who.now, addedBy: '赵敏' }] } }]);
    await tablet.save([{ op: 'update', entity: 'measure', id: otherMeasure, fields: { owner: '越权填写' } }]);
    const file = await tablet.sync.exportUnsynced();

    const carrier = await suite.coordinator('带回文件的协调员');
    const first = await carrier.sync.importChanges(file);
    expect(first).toMatchObject({ ok: true, author: '赵敏', filesRefused: [], summary: { applied: 1, already: 0, conflicts: 0 } });
    // The edit of another department's measure is refused: the tablet user may not make it, whoever carries it.
    expect(first.ok && first.summary.refused.map((r) => r.reason?.code)).toEqual(['forbidden']);
    const again = await carrier.sync.importChanges(file);
    expect(again).toMatchObject({ ok: true, summary: { applied: 0, already: 1 } });
    expect(again.ok && again.summary.refused).toHaveLength(1);

    // The command line, on the same database: nothing new either (and it says so, with the refusal).
    const dir = mkdtempSync(join(tmpdir(), 'ledger-carry-'));
    try {
      writeFileSync(join(dir, 'unsynced.json'), file);
      const cli = spawnSync(process.execPath, ['--import', 'tsx', 'src/server/cli.ts', 'import-changes', join(dir, 'unsynced.json')], { env: { ...process.env, ...suite.database.env }, encoding: 'utf8' });
      expect(cli.stdout).toContain('赵敏 的修改：新接收 0 项，此前已在服务器上 1 项，其中冲突 0 项；被拒绝 1 项');
      expect(cli.stdout).toContain('您的账号无权修改这一项');
      expect(cli.status).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }

    // The tablet comes online and syncs by itself: its changes are known, nothing doubles.
    await tablet.sync.syncNow();
    expect(tablet.sync.state.get()).toMatchObject({ pending: 0, rejected: 1, unsentFiles: 0 });
    await coordinator.sync.syncNow();
    const measure = coordinator.storage.cache.get('measure', seed.measureId) as Measure;
    expect(measure).toMatchObject({ progress: 40, attachments: [{ hash }] });
    expect(measure.progressLog.map((e) => [e.text, e.by])).toEqual([['完成窗口公示', '赵敏']]);
    expect(coordinator.storage.cache.get('measure', otherMeasure)?.owner).toBe('');

    // The trail names the author, and the coordinator who carried the change.
    const api = await signedInFetch(suite.server.url);
    const trail = ((await (await api(`/api/audit?entity=measure&id=${seed.measureId}`)).json()) as { entries: AuditEntry[] }).entries.filter((e) => e.field === 'progress' && e.newValue === 40);
    expect(trail.map((e) => [e.user, e.carriedBy])).toEqual([['赵敏', '带回文件的协调员']]);
    const photo = await api(`/api/attachments/${hash}`);
    expect(new Uint8Array(await photo.arrayBuffer())).toEqual(bytes);
  });

  it('refuses a file from before the account was recorded, and one brought by a department’s staff', async () => {
    const coordinator = await suite.coordinator('协调员');
    const file = JSON.parse(await coordinator.sync.exportUnsynced()) as Record<string, unknown>;
    expect(await coordinator.sync.importChanges(JSON.stringify({ ...file, account: undefined }))).toEqual({ ok: false, code: 'noAccount' });
    expect(await coordinator.sync.importChanges('不是 JSON')).toEqual({ ok: false, code: 'notJson' });
    const staff = await suite.staff('钱进', []);
    const request = { author: coordinator.storage.settings.get().account!.id, clientId: newId(), mutations: [{ mutationId: newId(), clientId: newId(), entity: 'department', id: newId(), op: 'create', fields: { name: '新单位' }, baseVersion: 0, actor: 'x', at: new Date().toISOString() }] };
    const api = await signedInFetch(suite.server.url, { username: '钱进', password: 'password-of-钱进' });
    expect((await api('/api/sync/carry', { method: 'POST', body: JSON.stringify(request) })).status).toBe(403);
    void staff;
  });
});
