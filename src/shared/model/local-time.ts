// A moment (an ISO timestamp, always UTC on the wire) as the people reading it count time: their own zone.

const pad = (n: number) => String(n).padStart(2, '0');

// What the server and the devices stamp: 2026-12-01T18:28:54.581Z (an offset instead of Z also reads).
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

export function isTimestamp(value: unknown): value is string {
  return typeof value === 'string' && TIMESTAMP.test(value) && !Number.isNaN(Date.parse(value));
}

/** 2026-12-02 02:28 in the device's zone; with seconds when asked (a trail of changes a second apart). */
export function formatLocalDateTime(iso: string, { seconds = false }: { seconds?: boolean } = {}): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const date = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  const time = `${pad(d.getHours())}:${pad(d.getMinutes())}${seconds ? `:${pad(d.getSeconds())}` : ''}`;
  return `${date} ${time}`;
}
