// Turns a picked or photographed file into evidence: a photo downscaled and re-encoded as JPEG on the device
// (long side ≤ 1600 px, which also drops its EXIF location), a PDF checked; then named by its SHA-256.
import { type AttachmentType, MAX_ATTACHMENT_BYTES, PHOTO_LONG_SIDE, sniffType } from '#shared/model/attachment.ts';

export type PreparedFile = { blob: Blob; type: AttachmentType; name: string; hash: string; originalSize: number };
export type Refusal = { code: 'fileTooLarge' | 'fileType' | 'fileUnreadable'; name: string; size: number };
export type Prepared = { ok: true; file: PreparedFile } | { ok: false; refusal: Refusal };

const JPEG_QUALITY = 0.82;

export async function prepareEvidence(file: Blob, name: string): Promise<Prepared> {
  const refuse = (code: Refusal['code']): Prepared => ({ ok: false, refusal: { code, name, size: file.size } });
  const head = new Uint8Array(await file.slice(0, 16).arrayBuffer());
  const sniffed = sniffType(head);
  if (file.type.startsWith('image/') || (sniffed !== null && sniffed !== 'application/pdf')) {
    const blob = await compressPhoto(file).catch(() => null);
    if (!blob) return refuse('fileUnreadable');
    if (blob.size > MAX_ATTACHMENT_BYTES) return refuse('fileTooLarge');
    return { ok: true, file: { blob, type: 'image/jpeg', name: jpegName(name), hash: await hashBlob(blob), originalSize: file.size } };
  }
  if (sniffed !== 'application/pdf') return refuse('fileType');
  if (file.size > MAX_ATTACHMENT_BYTES) return refuse('fileTooLarge');
  const blob = file.type === 'application/pdf' ? file : new Blob([file], { type: 'application/pdf' });
  return { ok: true, file: { blob, type: 'application/pdf', name, hash: await hashBlob(blob), originalSize: file.size } };
}

/** Decodes (honouring the camera's orientation), scales the long side down to the limit, encodes JPEG. */
export async function compressPhoto(file: Blob, longSide = PHOTO_LONG_SIDE): Promise<Blob> {
  const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  try {
    const scale = Math.min(1, longSide / Math.max(bitmap.width, bitmap.height));
    const width = Math.max(1, Math.round(bitmap.width * scale));
    const height = Math.max(1, Math.round(bitmap.height * scale));
    if (typeof OffscreenCanvas !== 'undefined') {
      const canvas = new OffscreenCanvas(width, height);
      draw(canvas.getContext('2d'), bitmap, width, height);
      return await canvas.convertToBlob({ type: 'image/jpeg', quality: JPEG_QUALITY });
    }
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    draw(canvas.getContext('2d'), bitmap, width, height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('encode'))), 'image/jpeg', JPEG_QUALITY));
  } finally {
    bitmap.close();
  }
}

type Context2D = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

function draw(context: Context2D | null, bitmap: ImageBitmap, width: number, height: number): void {
  if (!context) throw new Error('no 2d context');
  // JPEG has no transparency: a transparent PNG's background becomes white, not black.
  context.fillStyle = '#fff';
  context.fillRect(0, 0, width, height);
  context.imageSmoothingQuality = 'high';
  context.drawImage(bitmap, 0, 0, width, height);
}

export async function hashBlob(blob: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function jpegName(name: string): string {
  const base = name.replace(/\.[^.]*$/, '') || 'photo';
  return `${base}.jpg`;
}
