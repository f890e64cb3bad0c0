// Evidence files over real HTTP on SQLite and PostgreSQL: uploaded before the change that names them,
// resumed after a dropped connection, checked for size, type and hash, served to other devices.
import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { addUser } from '../../src/server/auth/accounts.ts';
import { MAX_ATTACHMENT_BYTES, UPLOAD_CHUNK_BYTES } from '../../src/shared/model/attachment.ts';
import type { Attachment } from '../../src/shared/model/attachment.ts';
import { newId } from '../../src/shared/model/ids.ts';
import { appendProgress } from '../../src/shared/model/measure-history.ts';
import type { Measure } from '../../src/shared/model/measure.ts';
import { loadFile, saveFile } from '../../src/client/storage/file-store.ts';
import { createClient, seedChanges, signedInFetch, type TestClient } from './support/clients.ts';
import type { StoreKind } from './support/databases.ts';
import { useServerSuite } from './support/suite.ts';

const kinds: StoreKind[] = ['sqlite', 'postgres'];

/** Bytes that start like a JPEG (what the server checks), with random content so every file is new. */
function jpegBytes(size: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(size);
  bytes.set(randomBytes(size));
  bytes.set([0xff, 0xd8, 0xff, 0xe0], 0);
  return bytes;
}
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function attachmentOf(bytes: Uint8Array, name = '公示栏.jpg'): Attachment {
  return { hash: sha256(bytes), name, type: 'image/jpeg', size: bytes.byteLength, addedAt: new Date().toISOString(), addedBy: '甲' };
}

describe.each(kinds)('attachments on %s', (kind) => {
  const suite = useServerSuite(kind);
  const client = suite.coordinator;

  it('uploads a photo before the change naming it, resumes after a dropped connection, and serves it to another device', async () => {
    const puts: number[] = [];
    let dropOnce = true;
    const a = await client('甲', (path, init) => {
      if (init?.method !== 'PUT') return;
      const offset = Number(new URL(path, 'http://x').searchParams.get('offset'));
      // The connection drops while the second piece is on its way.
      if (offset > 0 && dropOnce) {
        dropOnce = false;
        throw new TypeError('fetch failed');
      }
      puts.push(offset);
    });
    const b = await client('乙');
    const seed = seedChanges();
    await a.save(seed.changes);
    const bytes = jpegBytes(UPLOAD_CHUNK_BYTES * 2 + 1000);
    const photo = attachmentOf(bytes);
    await saveFile(a.storage.db, { hash: photo.hash, blob: new Blob([bytes], { type: 'image/jpeg' }), type: 'image/jpeg', name: photo.name });
    await a.save([{ op: 'update', entity: 'measure', id: seed.measureId, fields: { attachments: [photo] } }]);

    await a.sync.syncNow();
    // Nothing was pushed while a file was missing: the change waits on the device.
    expect(a.sync.state.get()).toMatchObject({ pending: 4, unsentFiles: 1 });
    expect(a.sync.state.get().error?.kind).toBe('network');
    await a.sync.syncNow();
    expect(a.sync.state.get()).toMatchObject({ pending: 0, rejected: 0, unsentFiles: 0 });
    // The first piece was not sent again: the upload went on from where the server had stopped.
    expect(puts).toEqual([0, UPLOAD_CHUNK_BYTES, UPLOAD_CHUNK_BYTES * 2]);
    expect((await loadFile(a.storage.db, photo.hash))?.uploaded).toBe(1);

    await b.sync.syncNow();
    // Who added the file and when are the server's word (the session's user, its clock), not the device's.
    expect(b.storage.cache.get('measure', seed.measureId)).toMatchObject({ attachments: [{ ...photo, addedAt: expect.any(String) as string }] });
    expect((b.storage.cache.get('measure', seed.measureId) as { attachments: { addedAt: string }[] }).attachments[0]!.addedAt >= photo.addedAt).toBe(true);
    const raw = await signedInFetch(suite.server.url);
    const served = await raw(`/api/attachments/${photo.hash}`);
    expect(served.headers.get('content-type')).toBe('image/jpeg');
    expect(sha256(new Uint8Array(await served.arrayBuffer()))).toBe(photo.hash);
  });

  it('keeps the photos of its departments’ measures on a staff device for offline use, a few per sync, and no one else’s', async () => {
    const a = await client('甲');
    const seed = seedChanges();
    const otherDepartment = newId();
    const otherMeasure = newId();
    await a.save([
      ...seed.changes,
      { op: 'create', entity: 'department', id: otherDepartment, values: { name: '市税务局' } },
      { op: 'create', entity: 'measure', id: otherMeasure, values: { problemId: seed.problemId, seq: 2, title: '减税降费', leadDepartmentId: otherDepartment } },
    ]);
    const photos = [1500, 1600, 1700, 1800].map((size, i) => {
      const bytes = jpegBytes(size);
      return { bytes, attachment: attachmentOf(bytes, `公示栏${i}.jpg`) };
    });
    for (const { bytes, attachment } of photos) await saveFile(a.storage.db, { hash: attachment.hash, blob: new Blob([bytes], { type: 'image/jpeg' }), type: 'image/jpeg', name: attachment.name });
    const [own, other] = [photos.slice(0, 3), photos[3]!];
    await a.save([
      { op: 'update', entity: 'measure', id: seed.measureId, fields: { attachments: own.map((p) => p.attachment) } },
      { op: 'update', entity: 'measure', id: otherMeasure, fields: { attachments: [other.attachment] } },
    ]);
    await a.sync.syncNow();

    await addUser(suite.server.accounts, { username: 'staff', displayName: '填报员', password: 'password-of-staff', role: 'staff', departmentIds: [seed.departmentId] });
    const staff = await createClient(suite.server.url, '填报员', { username: 'staff', password: 'password-of-staff' }, { prefetchPerSync: 2 });
    suite.track(staff);
    const coordinator = await client('乙');
    const held = async (c: TestClient) => (await Promise.all(photos.map((p) => loadFile(c.storage.db, p.attachment.hash)))).map((row) => row !== undefined);
    await staff.sync.syncNow();
    expect((await held(staff)).filter(Boolean)).toHaveLength(2);
    await staff.sync.syncNow();
    expect(await held(staff)).toEqual([true, true, true, false]);
    const kept = await loadFile(staff.storage.db, own[0]!.attachment.hash);
    expect(kept).toMatchObject({ uploaded: 1, name: '公示栏0.jpg' });
    expect(sha256(new Uint8Array(await kept!.blob.arrayBuffer()))).toBe(own[0]!.attachment.hash);
    // An account without departments sees the whole ledger: it fetches a file when it is shown, not all of them.
    await coordinator.sync.syncNow();
    expect(await held(coordinator)).toEqual([false, false, false, false]);
  });

  it('refuses files that are too large, of the wrong type or not matching their hash, and changes naming missing files', async () => {
    const raw = await signedInFetch(suite.server.url);
    const put = (hash: string, body: Uint8Array<ArrayBuffer>, total: number) =>
      raw(`/api/attachments/${hash}?offset=0`, { method: 'PUT', body, headers: { 'content-type': 'application/octet-stream', 'x-attachment-total': String(total) } });

    const big = jpegBytes(1000);
    const tooLarge = await put(sha256(big), big, MAX_ATTACHMENT_BYTES + 1);
    expect(tooLarge.status).toBe(413);
    expect(await tooLarge.json()).toMatchObject({ error: 'fileTooLarge' });

    const text = new Uint8Array(new TextEncoder().encode('<html>not a photo</html>'));
    const wrongType = await put(sha256(text), text, text.byteLength);
    expect(wrongType.status).toBe(415);
    expect(await wrongType.json()).toMatchObject({ error: 'fileType' });

    const photo = jpegBytes(2000);
    const otherHash = sha256(jpegBytes(10));
    const mismatch = await put(otherHash, photo, photo.byteLength);
    expect(mismatch.status).toBe(422);
    // Nothing of a refused upload is kept.
    expect(await (await raw(`/api/attachments/${otherHash}/state`)).json()).toEqual({ complete: false, received: 0, total: null });
    expect((await raw(`/api/attachments/${otherHash}`)).status).toBe(404);

    // A change naming a file the server never got is refused and stays on the device with the reason.
    const a = await client('甲');
    const seed = seedChanges();
    await a.save(seed.changes);
    await a.sync.syncNow();
    await a.save([{ op: 'update', entity: 'measure', id: seed.measureId, fields: { attachments: [attachmentOf(jpegBytes(100))] } }]);
    await a.sync.syncNow();
    const [refused] = await a.sync.listRejected();
    expect(refused?.reason).toMatchObject({ code: 'attachmentMissing', field: 'attachments' });
  });

  it('keeps a device from uploading a file the server refuses, and tells the change why', async () => {
    const a = await client('甲');
    const seed = seedChanges();
    await a.save(seed.changes);
    const text = new TextEncoder().encode('%!PS-Adobe not a pdf');
    const hash = sha256(text);
    await saveFile(a.storage.db, { hash, blob: new Blob([text]), type: 'application/pdf', name: 'scan.pdf' });
    await a.save([{ op: 'update', entity: 'measure', id: seed.measureId, fields: { attachments: [{ ...attachmentOf(text, 'scan.pdf'), type: 'application/pdf' }] } }]);
    await a.sync.syncNow();
    expect((await loadFile(a.storage.db, hash))?.refused).toBe('fileType');
    expect((await a.sync.listRejected())[0]?.reason?.code).toBe('attachmentMissing');
    // The next sync does not try the refused file again, and the rest of the ledger syncs.
    await a.sync.syncNow();
    expect(a.sync.state.get().error).toBeNull();
  });

  it('keeps progress notes written on two devices at once, and lets only a coordinator decide an extension', async () => {
    const a = await client('甲');
    const b = await client('乙');
    const seed = seedChanges();
    await a.save(seed.changes);
    await a.sync.syncNow();
    await b.sync.syncNow();
    const who = (actor: string) => ({ actor, now: new Date().toISOString() });
    const note = (c: TestClient, text: string, actor: string) => {
      const measure = c.storage.cache.get('measure', seed.measureId) as Measure;
      return c.save([{ op: 'update', entity: 'measure', id: seed.measureId, fields: { progressLog: appendProgress(measure.progressLog, { date: '2022-11-02', text, progress: 40, status: 'in_progress' }, who(actor)) } }]);
    };
    await note(a, '完成窗口公示', '甲');
    await note(b, '召开推进会', '乙');
    await a.sync.syncNow();
    await b.sync.syncNow();
    await a.sync.syncNow();
    for (const c of [a, b]) {
      const measure = c.storage.cache.get('measure', seed.measureId) as { progressLog: { text: string }[] };
      expect(measure.progressLog.map((e) => e.text).sort()).toEqual(['召开推进会', '完成窗口公示']);
    }
    expect(await a.sync.conflicts()).toEqual([]);

    // A department's staff may ask for an extension but not approve it.
    await addUser(suite.server.accounts, { username: 'staff', displayName: '填报员', password: 'password-of-staff', role: 'staff', departmentIds: [seed.departmentId] });
    const staff = await createClient(suite.server.url, '填报员', { username: 'staff', password: 'password-of-staff' });
    suite.track(staff);
    await staff.sync.syncNow();
    const request = { id: '01900000-0000-7000-8000-000000000001', requestedDeadline: '2023-03-31', reason: '需协调省级部门', requestedBy: '填报员', requestedAt: new Date().toISOString(), decidedBy: null, decidedAt: null };
    await staff.save([{ op: 'update', entity: 'measure', id: seed.measureId, fields: { extensions: [{ ...request, decision: 'pending' }] } }]);
    await staff.sync.syncNow();
    expect(staff.sync.state.get()).toMatchObject({ pending: 0, rejected: 0 });
    await staff.save([{ op: 'update', entity: 'measure', id: seed.measureId, fields: { extensions: [{ ...request, decision: 'approved', decidedBy: '填报员', decidedAt: new Date().toISOString() }] } }]);
    await staff.sync.syncNow();
    expect((await staff.sync.listRejected())[0]?.reason).toMatchObject({ code: 'forbidden', field: 'extensions' });
  });
});
