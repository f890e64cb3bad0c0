// The server's front door attacked over raw sockets and real HTTP, on SQLite and PostgreSQL: every read and
// write route without a session, however the path is spelled; the CSRF header; headers; evidence files that
// must never run script; bad input that must never give a 500 or show internals.
import { describe, expect, it } from 'vitest';
import { newId } from '../../src/shared/model/ids.ts';
import { createApp } from '../../src/server/http/app.ts';
import type { StoreKind } from './support/databases.ts';
import { createLedgerFixture, putPiece, sha256 } from './support/ledger-fixture.ts';
import { disguises, rawRequest } from './support/raw-http.ts';
import { useServerSuite } from './support/suite.ts';

const kinds: StoreKind[] = ['sqlite', 'postgres'];
const json = { 'content-type': 'application/json', 'x-ledger-request': '1' };

describe.each(kinds)('the gate on %s', (kind) => {
  const suite = useServerSuite(kind);

  it('answers 401 to every read and write route without a session, however the path is spelled, and leaks nothing', async () => {
    const f = await createLedgerFixture(suite.server);
    const routes: { method: string; path: string; body?: string; headers?: Record<string, string> }[] = [
      { method: 'GET', path: '/api/sync/pull?after=0' },
      { method: 'HEAD', path: '/api/sync/pull?after=0' },
      { method: 'GET', path: '/api/sync/conflicts?status=all' },
      { method: 'GET', path: '/api/audit' },
      { method: 'GET', path: '/api/audit.csv' },
      { method: 'GET', path: '/api/users' },
      { method: 'GET', path: '/api/auth/me' },
      { method: 'GET', path: `/api/attachments/${f.photo}` },
      { method: 'GET', path: `/api/attachments/${f.photo}/state` },
      { method: 'GET', path: '/api/no-such-route' },
      { method: 'POST', path: '/api/sync/push', body: JSON.stringify({ clientId: newId(), mutations: [f.mutation('measure', f.ids.mine, 'update', { title: '被改了' })] }) },
      { method: 'POST', path: '/api/sync/records', body: JSON.stringify({ refs: [{ entity: 'measure', id: f.ids.mine }] }) },
      { method: 'POST', path: `/api/sync/conflicts/${f.ids.conflict}/resolve`, body: JSON.stringify({ action: 'take' }) },
      { method: 'POST', path: '/api/users', body: JSON.stringify({ username: 'intruder', displayName: 'X', password: 'intruder-pass', role: 'admin' }) },
      { method: 'PATCH', path: `/api/users/${f.ids.userId}`, body: JSON.stringify({ role: 'admin' }) },
      { method: 'POST', path: '/api/auth/logout', body: '{}' },
      { method: 'PUT', path: `/api/attachments/${sha256(new Uint8Array([1]))}?offset=0`, body: '\xff\xd8\xff\xe0', headers: { 'content-type': 'application/octet-stream', 'x-attachment-total': '4' } },
    ];
    const answers: string[] = [];
    for (const route of routes) {
      for (const target of disguises(route.path)) {
        const response = await rawRequest(suite.server.url, route.method, target, { body: route.body, headers: { ...json, ...route.headers } });
        answers.push(`${route.method} ${target} → ${response.status}`);
        expect.soft(response.status, `${route.method} ${target}`).toBe(401);
        expect.soft(response.body).not.toContain(f.secret);
        expect.soft(response.body).not.toContain("coordinator");
      }
    }
    if (process.env.SECURITY_REPORT) console.log(answers.join("\n"));
    expect(answers.length).toBeGreaterThan(200);
    // Nothing was changed by any of it.
    expect(await f.record(f.ids.mine)).toMatchObject({ title: f.secret });
    expect(((await (await f.api.admin('/api/users')).json()) as { users: { username: string; role: string }[] }).users.map((u) => `${u.username}:${u.role}`).sort()).toEqual(['admin:admin', 'coordinator:coordinator', 'staff:staff', 'viewer:viewer']);
    expect(((await (await f.api.admin('/api/sync/conflicts')).json()) as { conflicts: unknown[] }).conflicts).toHaveLength(1);
  });

  it('keeps open only sign-in and health, and closes a route added later without anyone saying so', async () => {
    expect((await rawRequest(suite.server.url, 'GET', '/api/health')).status).toBe(200);
    const login = await rawRequest(suite.server.url, 'POST', '/api/auth/login', { headers: json, body: JSON.stringify({ username: 'admin', password: 'wrong-password' }) });
    expect(login.status).toBe(401);
    // A route a colleague adds tomorrow, with no word about sessions: closed.
    const app = await createApp(suite.server.options);
    app.get('/api/new-report', () => ({ secret: 'everything' }));
    for (const url of ['/api/new-report', '/%61pi/new-report', 'http://x/api/new-report']) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(401);
      expect(response.body).not.toContain('everything');
    }
    await app.close();
  });

  it('refuses a change without the CSRF header, even signed in', async () => {
    const f = await createLedgerFixture(suite.server);
    const response = await f.api.admin('/api/sync/push', { method: 'POST', headers: { 'x-ledger-request': '0' }, body: JSON.stringify({ clientId: f.clientIds.admin, mutations: [f.mutation('measure', f.ids.mine, 'update', { title: '跨站' })] }) });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: 'csrf' });
    const login = await fetch(`${suite.server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'x' }) });
    expect(login.status).toBe(403);
    expect(await f.record(f.ids.mine)).toMatchObject({ title: f.secret });
  });

  it('sends security headers, and serves evidence so that no file runs script in the app’s origin', async () => {
    const f = await createLedgerFixture(suite.server);
    const health = await fetch(`${suite.server.url}/api/health`);
    expect(health.headers.get('x-content-type-options')).toBe('nosniff');
    expect(health.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(health.headers.get('referrer-policy')).toBe('no-referrer');
    expect(health.headers.get('x-frame-options')).toBe('DENY');

    const photo = await f.api.viewer(`/api/attachments/${f.photo}`);
    expect(photo.headers.get('content-type')).toBe('image/jpeg');
    expect(photo.headers.get('content-security-policy')).toMatch(/sandbox/);
    expect(photo.headers.get('content-security-policy')).toContain("default-src 'none'");

    // A PDF that carries JavaScript: a download, in a sandbox, never a page of the app's origin.
    const pdf = new TextEncoder().encode('%PDF-1.4\n1 0 obj << /Type /Catalog /OpenAction << /S /JavaScript /JS (app.alert(document.cookie)) >> >> endobj\n%%EOF\n');
    const hash = sha256(pdf);
    expect((await putPiece(f.api.staff, hash, 0, new Uint8Array(pdf), pdf.byteLength)).status).toBe(200);
    const served = await f.api.viewer(`/api/attachments/${hash}`);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('application/pdf');
    expect(served.headers.get('content-disposition')).toMatch(/^attachment; filename="[0-9a-f]{64}\.pdf"$/);
    expect(served.headers.get('content-security-policy')).toMatch(/sandbox/);
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('answers bad input with 400 or 401, never a 500, and never shows internals', async () => {
    const f = await createLedgerFixture(suite.server);
    const login = (body: unknown) => fetch(`${suite.server.url}/api/auth/login`, { method: 'POST', headers: json, body: JSON.stringify(body) });
    const push = (body: string) => f.api.admin('/api/sync/push', { method: 'POST', body });
    const deep = `{"clientId":"${f.clientIds.admin}","mutations":[{"mutationId":"${newId()}","clientId":"${f.clientIds.admin}","entity":"measure","id":"${f.ids.mine}","op":"update","baseVersion":1,"actor":"x","at":"${new Date().toISOString()}","fields":{"owner":${'['.repeat(100_000)}${']'.repeat(100_000)}}}]}`;
    const cases: [string, Promise<Response>, number][] = [
      ['a body nested 100,000 deep', push(deep), 400],
      ['NUL in the sign-in username', login({ username: 'ad\u0000min', password: 'whatever-password' }), 401],
      ['NUL in a new account’s name', f.api.admin('/api/users', { method: 'POST', body: JSON.stringify({ username: 'nul', displayName: 'N\u0000UL', password: 'nul-password', role: 'viewer' }) }), 400],
      ['NUL in a field name', push(JSON.stringify({ clientId: f.clientIds.admin, mutations: [f.mutation('measure', f.ids.mine, 'update', { 'owner\u0000': 'x' })] })), 200],
      ['truncated JSON', push('{"clientId": '), 400],
      ['__proto__ in the body', push('{"__proto__": {"admin": true}}'), 400],
      ['a body of another type', f.api.admin('/api/sync/push', { method: 'POST', body: 'x', headers: { 'content-type': 'text/plain' } }), 400],
      ['a body of an unknown type', f.api.admin('/api/sync/push', { method: 'POST', body: 'x', headers: { 'content-type': 'application/xml' } }), 415],
      ['a negative cursor', f.api.admin('/api/sync/pull?after=-1'), 400],
      ['NUL as a record id', f.api.admin('/api/audit?id=%00'), 400],
      ['a piece at offset x', f.api.admin(`/api/attachments/${f.photo}?offset=x`, { method: 'PUT', body: 'x', headers: { 'content-type': 'application/octet-stream' } }), 400],
      ['sign-in with the wrong types', login({ username: ['admin'], password: 1 }), 400],
    ];
    for (const [name, pending, status] of cases) {
      const response = await pending;
      const text = await response.text();
      expect(response.status, `${name}: ${text}`).toBe(status);
      expect(text, name).not.toMatch(/at .*\.ts:\d+|SQLITE_|\b2202\d\b|sqlstate|syntax error at|node_modules|FST_/i);
      const body = JSON.parse(text) as { error?: string; results?: { status: string }[] };
      if (status === 200) expect(body.results?.[0]?.status, name).toBe('rejected');
      else expect(body.error, name).toMatch(/^[a-z][A-Za-z]+$/);
    }
    // A NUL inside a text value is only a character: stored and read back, never a database error.
    const [stored] = await f.push('admin', f.mutation('measure', f.ids.mine, 'update', { owner: 'a\u0000b' }));
    expect(stored?.status).toBe('applied');
    expect(await f.record(f.ids.mine)).toMatchObject({ owner: 'a\u0000b' });
  });
});
