// How a record's per-field versions and clients are stored: the version and device most fields share once, and only
// the fields that differ (a create gives every field the same pair: listing it per field made the column several
// times the size of the record). Rows written the old way ({ versions, clients }) read as before.
import { metaFields } from '#shared/model/record.ts';

const META = new Set<string>(metaFields);
type Versions = { versions: Record<string, number>; clients: Record<string, string> };
type Compact = { v: number; c: string; x?: Record<string, [number | null, string | null]>; a?: string[] };

export function encodeFieldVersions(data: Record<string, unknown>, { versions, clients }: Versions): string {
  const fields = [...new Set([...Object.keys(versions), ...Object.keys(clients)])];
  const pairs = new Map<string, number>();
  for (const f of fields) pairs.set(`${versions[f]}\n${clients[f]}`, (pairs.get(`${versions[f]}\n${clients[f]}`) ?? 0) + 1);
  const common = [...pairs].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (common === undefined) return JSON.stringify({ versions, clients });
  const [v, c] = [Number(common.split('\n')[0]), common.split('\n')[1] ?? ''];
  if (!Number.isFinite(v)) return JSON.stringify({ versions, clients });
  const compact: Compact = { v, c };
  const own = new Set(Object.keys(data).filter((f) => !META.has(f)));
  const x: NonNullable<Compact['x']> = {};
  for (const f of fields) if (!own.has(f) || versions[f] !== v || clients[f] !== c) x[f] = [versions[f] ?? null, clients[f] ?? null];
  const absent = [...own].filter((f) => !fields.includes(f));
  if (Object.keys(x).length > 0) compact.x = x;
  if (absent.length > 0) compact.a = absent;
  return JSON.stringify(compact);
}

export function decodeFieldVersions(data: Record<string, unknown>, text: string): Versions {
  const parsed = JSON.parse(text) as Versions | Compact;
  if ('versions' in parsed) return parsed;
  const versions: Record<string, number> = {};
  const clients: Record<string, string> = {};
  const absent = new Set(parsed.a ?? []);
  for (const f of Object.keys(data)) {
    if (META.has(f) || absent.has(f) || parsed.x?.[f]) continue;
    versions[f] = parsed.v;
    clients[f] = parsed.c;
  }
  for (const [f, [version, client]] of Object.entries(parsed.x ?? {})) {
    if (version !== null) versions[f] = version;
    if (client !== null) clients[f] = client;
  }
  return { versions, clients };
}
