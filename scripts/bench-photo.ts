// The benchmark's photo step: a 12-megapixel camera-like JPEG (4000 × 3000, made in the page), compressed and
// stored by the app (downscale to 1600 px, JPEG, SHA-256, IndexedDB) against raw Dexie storing the original.
import type { Page } from '@playwright/test';

export type PhotoSample = { ms: number; before: number; after: number };

type Side = 'app' | 'raw';

export function photoSample(page: Page, side: Side): Promise<PhotoSample> {
  return page.evaluate(async (which: Side) => {
    // Gradients with grain: compresses like a photo does, unlike flat colour or pure noise.
    const width = 4000;
    const height = 3000;
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext('2d')!;
    const image = context.createImageData(width, height);
    let seed = 7;
    for (let i = 0, p = 0; i < width * height; i++, p += 4) {
      seed = (seed * 1_103_515_245 + 12_345) & 0x7fffffff;
      const grain = (seed >> 16) % 24;
      const x = i % width;
      const y = (i / width) | 0;
      image.data[p] = ((x * 255) / width + grain) & 255;
      image.data[p + 1] = ((y * 255) / height + grain) & 255;
      image.data[p + 2] = (((x + y) % 512) / 2 + grain) & 255;
      image.data[p + 3] = 255;
    }
    context.putImageData(image, 0, 0);
    const photo = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.92 });
    if (which === 'raw') {
      const raw = (window as never as { __rawBench: { putBlob(b: Blob): Promise<number> } }).__rawBench;
      return { ms: await raw.putBlob(photo), before: photo.size, after: photo.size };
    }
    const { field } = (window as never as { __ledgerBench: { field: () => Promise<{ addPhoto(b: Blob): Promise<number> }> } }).__ledgerBench;
    const tools = await field();
    const start = performance.now();
    const after = await tools.addPhoto(photo);
    return { ms: performance.now() - start, before: photo.size, after };
  }, side);
}
