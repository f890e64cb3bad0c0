// Evidence files (photos, scans) a measure refers to: named by the SHA-256 of their bytes, so a file is
// stored and sent once however many records or devices hold it, and the server can check what it receives.
import { z } from 'zod';
import { lineText, timestampSchema } from './record.ts';

export const attachmentTypes = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;
export type AttachmentType = (typeof attachmentTypes)[number];

/** The largest file a device stores or the server accepts: a compressed photo is far below it, a long scan fits. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
/** A photo's longest side after the device has downscaled it. */
export const PHOTO_LONG_SIDE = 1600;
/** Uploads go in pieces of this size: a dropped connection costs at most one piece. */
export const UPLOAD_CHUNK_BYTES = 256 * 1024;

export const hashSchema = z.string().regex(/^[0-9a-f]{64}$/);

export const attachmentSchema = z
  .object({
    hash: hashSchema,
    name: lineText(200),
    type: z.enum(attachmentTypes),
    size: z.number().int().min(1).max(MAX_ATTACHMENT_BYTES),
    addedAt: timestampSchema,
    addedBy: z.string().max(100),
  })
  .strict();
export type Attachment = z.infer<typeof attachmentSchema>;

export function isAttachmentType(type: string): type is AttachmentType {
  return (attachmentTypes as readonly string[]).includes(type);
}

/**
 * The type the bytes themselves say (magic numbers), whatever name or label came with them: what the
 * server trusts, since a label is only a claim.
 */
export function sniffType(head: Uint8Array): AttachmentType | null {
  const starts = (...bytes: number[]) => bytes.every((b, i) => head[i] === b);
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (starts(0x52, 0x49, 0x46, 0x46) && head[8] === 0x57 && head[9] === 0x45 && head[10] === 0x42 && head[11] === 0x50) return 'image/webp';
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'application/pdf';
  return null;
}

/** Hashes of the attachments a record's field refers to. */
export function attachmentHashes(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((a) => (typeof a === 'object' && a !== null && typeof (a as { hash?: unknown }).hash === 'string' ? [(a as { hash: string }).hash] : []));
}
