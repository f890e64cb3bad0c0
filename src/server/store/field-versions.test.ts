import { describe, expect, it } from 'vitest';
import { decodeFieldVersions, encodeFieldVersions } from './field-versions.ts';

describe('per-field versions, stored compactly', () => {
  it.each([
    ['a create: every field the same', { title: 'a', owner: '', rev: 3 }, { versions: { title: 3, owner: 3 }, clients: { title: 'x', owner: 'x' } }],
    ['an update of one field by another device', { title: 'a', owner: 'b', rev: 5 }, { versions: { title: 3, owner: 5 }, clients: { title: 'x', owner: 'y' } }],
    ['a field stored before it had a version, and a version of a field no longer held', { title: 'a', progress: 0, rev: 3 }, { versions: { title: 3, gone: 2 }, clients: { title: 'x', gone: 'z' } }],
    ['the old form', { title: 'a' }, { versions: {}, clients: {} }],
  ])('reads back exactly: %s', (_name, data, fields) => {
    const stored = encodeFieldVersions(data, fields);
    expect(decodeFieldVersions(data, stored)).toEqual(fields);
    expect(decodeFieldVersions(data, JSON.stringify(fields))).toEqual(fields);
  });

  it('stores a create in a few bytes, not a client id per field', () => {
    const fields = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`f${i}`, 7]));
    const clients = Object.fromEntries(Object.keys(fields).map((f) => [f, '01a23366-b522-7090-b109-a7f7af5ed352']));
    expect(encodeFieldVersions(Object.fromEntries(Object.keys(fields).map((f) => [f, ''])), { versions: fields, clients }).length).toBeLessThan(80);
  });
});
