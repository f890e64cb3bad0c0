// fflate as the spreadsheet libraries see it in the built app: zip and unzip run synchronously. Their async forms
// start Web Workers from blob: URLs, which the Content Security Policy (worker-src 'self') forbids, so any
// workbook part over 160 kB (zip) or 512 kB (unzip) hung without an error. The big files are handled in the
// import/export worker, off the page's thread, so running them in place costs the user nothing.
import { type AsyncTerminable, type AsyncUnzipOptions, type AsyncZipOptions, type AsyncZippable, type FlateCallback, type UnzipCallback, unzipSync, type Unzipped, zipSync } from 'fflate';

export * from 'fflate';

function later(run: () => void): AsyncTerminable {
  let cancelled = false;
  queueMicrotask(() => cancelled || run());
  return () => void (cancelled = true);
}

export function zip(data: AsyncZippable, options: AsyncZipOptions | FlateCallback, callback?: FlateCallback): AsyncTerminable {
  const done = (typeof options === 'function' ? options : callback)!;
  const opts = typeof options === 'function' ? {} : options;
  return later(() => {
    let archive: Parameters<FlateCallback>[1];
    try {
      // Copied into a plain ArrayBuffer, as the async API hands it over (a few MB at most, once per file).
      archive = new Uint8Array(zipSync(data, opts));
    } catch (error) {
      done(error as Parameters<FlateCallback>[0], null as unknown as Parameters<FlateCallback>[1]);
      return;
    }
    done(null, archive);
  });
}

export function unzip(data: Uint8Array, options: AsyncUnzipOptions | UnzipCallback, callback?: UnzipCallback): AsyncTerminable {
  const done = (typeof options === 'function' ? options : callback)!;
  const opts = typeof options === 'function' ? {} : options;
  return later(() => {
    let files: Unzipped;
    try {
      files = unzipSync(data, opts);
    } catch (error) {
      done(error as Parameters<UnzipCallback>[0], null as unknown as Unzipped);
      return;
    }
    done(null, files);
  });
}
