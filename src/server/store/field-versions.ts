// How a record's per-field versions and clients are stored: the version and device most fields share once, and only
// the fields that differ (a create gives every field the same pair: listing it per field made the column several
// times the size of the record). Rows written the old way ({ versions, clients }) read as before.
import { metaFields } from '#shared/model/record.ts';

const META = new Set<string>(metaFields);
type Versions = { versions: Record<string, number>; clients: Record<string, string> };
type Compact = { v: number; c: string; x?: Record<string, [number | null, string | null]>; a?: string[] };

export function encodeFieldVersions(data: Record<string, unknown>, { versions, clients }: Versions): string {
  const fields = Object.keys(versions);
  for (const f of Object.keys(clients)) if (!(f in versions)) fields.push(f);
  // The pair most fields share: the latest version usually (a create, or an update of a few fields of a record).
  let v = Number.NEGATIVE_INFINITY;
  for (const f of fields) if ((versions[f] ?? v) > v) v = versions[f]!;
  let c = '';
  for (const f of fields) if (versions[f] === v) c = clients[f] ?? '';
  if (!Number.isFinite(v)) return JSON.stringify({ versions, clients });
  const compact: Compact = { v, c };
  const x: NonNullable<Compact['x']> = {};
  let differing = 0;
  for (const f of fields) {
    if (f in data && !META.has(f) && versions[f] === v && clients[f] === c) continue;
    x[f] = [versions[f] ?? null, clients[f] ?? null];
    differing++;
  }
  const absent: string[] = [];
  for (const f of Object.keys(data)) if (!META.has(f) && !(f in versions) && !(f in clients)) absent.push(f);
  if (differing > 0) compact.x = x;
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
