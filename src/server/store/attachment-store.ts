// Evidence files in SQL: finished files by content hash, and the received pieces of uploads in progress, kept
// apart per uploader until the whole file has been verified against its hash.
import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

export type StoredAttachment = { hash: string; type: string; size: number; data: Uint8Array };
export type UploadState = { complete: boolean; received: number; total: number | null };

export type AttachmentStore = {
  /** What the server has of a file: all of it, or the pieces this uploader has sent, or nothing. */
  state: (hash: string, owner: string) => Promise<UploadState>;
  /** Adds this uploader's piece at `offset` if it is the next one expected; returns the bytes held after it. */
  addPart: (hash: string, owner: string, offset: number, data: Uint8Array, total: number, at: string) => Promise<{ ok: true; received: number } | { ok: false; received: number }>;
  /** This uploader's pieces joined, in order. */
  joinParts: (hash: string, owner: string) => Promise<Uint8Array>;
  /** Keeps the file for good (idempotent) and drops every upload's pieces of it. */
  commit: (file: StoredAttachment, by: string, at: string) => Promise<void>;
  dropParts: (hash: string, owner: string) => Promise<void>;
  /** Drops every upload whose last piece arrived before `before`; returns how many uploads were dropped. */
  dropStaleUploads: (before: string) => Promise<number>;
  load: (hash: string) => Promise<StoredAttachment | undefined>;
};

// better-sqlite3 binds Buffers, not plain Uint8Arrays; pg takes either.
const toBuffer = (data: Uint8Array) => (Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength));
const toBytes = (data: Uint8Array | Buffer) => new Uint8Array(data.buffer, data.byteOffset, data.byteLength);

export function createAttachmentStore(db: Kysely<Database>): AttachmentStore {
  async function received(trx: Kysely<Database>, hash: string, owner: string): Promise<{ received: number; total: number | null }> {
    const parts = await trx
      .selectFrom('upload_parts')
      .select(['offset', 'total'])
      .select((eb) => eb.fn<number>('length', ['data']).as('length'))
      .where('hash', '=', hash)
      .where('owner', '=', owner)
      .execute();
    const sum = parts.reduce((n, p) => n + Number(p.length), 0);
    return { received: sum, total: parts[0]?.total ?? null };
  }
  return {
    async state(hash, owner) {
      const done = await db.selectFrom('attachments').select('size').where('hash', '=', hash).executeTakeFirst();
      if (done) return { complete: true, received: Number(done.size), total: Number(done.size) };
      return { complete: false, ...(await received(db, hash, owner)) };
    },
    addPart: (hash, owner, offset, data, total, at) =>
      db.transaction().execute(async (trx) => {
        const held = await received(trx, hash, owner);
        // Only the next piece joins: a repeated or out-of-order piece is answered with where to go on.
        if (held.received !== offset || (held.total !== null && held.total !== total)) return { ok: false, received: held.received };
        // Two of the uploader's devices sending one file at once: the piece that arrives second finds its place taken and goes on from there.
        await trx
          .insertInto('upload_parts')
          .values({ hash, owner, offset, data: toBuffer(data), total, created_at: at })
          .onConflict((oc) => oc.columns(['hash', 'owner', 'offset']).doNothing())
          .execute();
        return { ok: true, received: (await received(trx, hash, owner)).received };
      }),
    async joinParts(hash, owner) {
      const parts = await db.selectFrom('upload_parts').select(['offset', 'data']).where('hash', '=', hash).where('owner', '=', owner).orderBy('offset').execute();
      const chunks = parts.map((p) => toBytes(p.data));
      const out = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
      let at = 0;
      for (const chunk of chunks) {
        out.set(chunk, at);
        at += chunk.byteLength;
      }
      return out;
    },
    commit: (file, by, at) =>
      db.transaction().execute(async (trx) => {
        await trx
          .insertInto('attachments')
          .values({ hash: file.hash, type: file.type, size: file.size, data: toBuffer(file.data), created_at: at, created_by: by })
          .onConflict((oc) => oc.column('hash').doNothing())
          .execute();
        await trx.deleteFrom('upload_parts').where('hash', '=', file.hash).execute();
      }),
    async dropParts(hash, owner) {
      await db.deleteFrom('upload_parts').where('hash', '=', hash).where('owner', '=', owner).execute();
    },
    async dropStaleUploads(before) {
      const stale = await db.selectFrom('upload_parts').select(['hash', 'owner']).groupBy(['hash', 'owner']).having((eb) => eb.fn.max('created_at'), '<', before).execute();
      for (const upload of stale) {
        // Only if no piece came meanwhile: an upload that went on is not stale any more.
        await db
          .deleteFrom('upload_parts')
          .where('hash', '=', upload.hash)
          .where('owner', '=', upload.owner)
          .where((eb) => eb.not(eb.exists(eb.selectFrom('upload_parts as p').select('p.hash').where('p.hash', '=', upload.hash).where('p.owner', '=', upload.owner).where('p.created_at', '>=', before))))
          .execute();
      }
      return stale.length;
    },
    async load(hash) {
      const row = await db.selectFrom('attachments').select(['hash', 'type', 'size', 'data']).where('hash', '=', hash).executeTakeFirst();
      return row ? { hash: row.hash, type: row.type, size: Number(row.size), data: toBytes(row.data) } : undefined;
    },
  };
}
