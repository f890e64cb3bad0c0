// Reads a CSV file's bytes in the encoding they were written in: a BOM if any (UTF-8, UTF-16 LE/BE, as Excel's
// "Unicode text" writes), else strict UTF-8, else GB18030 (Chinese Excel and WPS save CSV as GBK, which GB18030
// contains). Deterministic, unlike statistical detection, which mistakes UTF-8 for other encodings.
export const encodings = ['utf-8', 'gb18030', 'utf-16le', 'utf-16be'] as const;
export type Encoding = (typeof encodings)[number];

/** `text`: the file read as strict UTF-8 on the way, when that is what it is (decoding 20 MB twice took a second). */
export function detectEncoding(bytes: Uint8Array): { encoding: Encoding; bom: number; text?: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', bom: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bom: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bom: 2 };
  try {
    return { encoding: 'utf-8', bom: 0, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    return { encoding: 'gb18030', bom: 0 };
  }
}

/** The file's text and the encoding it was read in; `forced` overrides the detection (a user's choice). */
export function decodeBytes(bytes: Uint8Array, forced?: Encoding): { text: string; encoding: Encoding } {
  const detected = detectEncoding(bytes);
  const encoding = forced ?? detected.encoding;
  if (detected.text !== undefined && encoding === detected.encoding) return { text: detected.text, encoding };
  const bom = forced && forced !== detected.encoding ? 0 : detected.bom;
  return { text: new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes.subarray(bom)), encoding };
}
