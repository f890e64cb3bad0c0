// Numbers and sizes as the reader's language writes them: thousands separated by Intl, in zh-CN as in en.
// (Moments: formatLocalDateTime in shared/model/local-time.ts.)
const numberFormats = new Map<string, Intl.NumberFormat>();

/** 12,345 in both zh-CN and en (Intl groups by thousands in both); fractions kept to `digits` places. */
export function formatNumber(locale: string, value: number, digits = 0): string {
  const key = `${locale}:${digits}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits: digits });
    numberFormats.set(key, format);
  }
  return format.format(value);
}

/** 1.5 MB, 120 KB: one decimal below ten units, none above. */
export function formatBytes(locale: string, bytes: number | null): string {
  if (bytes === null) return '—';
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${formatNumber(locale, value, value >= 10 || unit === 0 ? 0 : 1)} ${units[unit]}`;
}

