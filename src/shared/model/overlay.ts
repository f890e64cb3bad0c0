// `{ ...a, ...b }` for records, about ten times faster: V8 (Node 20) copies a spread of a record of some thirty fields
// built field by field (as a schema's parse builds them) one property at a time in its slow path, ~15–50 µs each,
// which was a third of a 100,000-row import. Object.assign copies the same in ~1.5 µs.
type Part = object | null | undefined;

/** The own enumerable fields of each part, later parts winning: the same object as a spread of the parts gives. */
export function overlay<T extends Record<string, unknown> = Record<string, unknown>>(...parts: Part[]): T {
  let out: Record<string, unknown> = {};
  for (const part of parts) {
    if (!part) continue;
    // Assignment would set the prototype for a "__proto__" key (JSON.parse makes such own keys): spread that part.
    if (Object.hasOwn(part, '__proto__')) out = { ...out, ...part };
    else Object.assign(out, part);
  }
  return out as T;
}
