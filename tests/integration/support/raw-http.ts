// HTTP written by hand over a socket (node:net): request lines no fetch would send (absolute-form, `//`, `..`,
// percent-encoded segments), as an attacker types them.
import { connect } from 'node:net';

export type RawResponse = { status: number; headers: Record<string, string>; body: string };

/** Sends one request with the exact request line `${method} ${target} HTTP/1.1` and reads the whole answer. */
export function rawRequest(url: string, method: string, target: string, options: { headers?: Record<string, string>; body?: string } = {}): Promise<RawResponse> {
  const { hostname, port } = new URL(url);
  const body = options.body ?? '';
  const headers = { host: `${hostname}:${port}`, connection: 'close', ...(body ? { 'content-length': String(Buffer.byteLength(body)) } : {}), ...options.headers };
  const head = [`${method} ${target} HTTP/1.1`, ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)].join('\r\n');
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(`${head}\r\n\r\n${body}`));
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [top = '', ...rest] = text.split('\r\n\r\n');
      const [statusLine = '', ...lines] = top.split('\r\n');
      const parsed: Record<string, string> = {};
      for (const line of lines) {
        const at = line.indexOf(':');
        if (at > 0) parsed[line.slice(0, at).trim().toLowerCase()] = line.slice(at + 1).trim();
      }
      resolve({ status: Number(statusLine.split(' ')[1]), headers: parsed, body: rest.join('\r\n\r\n') });
    });
  });
}

/**
 * The ways to spell one API path so that a check on the raw request line misses it while the router may still
 * route it: every segment's first letter percent-encoded, absolute-form, a doubled slash, a dot segment, other
 * letter case, trailing dots.
 */
export function disguises(path: string): string[] {
  const [pathname = '', query] = path.split('?');
  const q = query === undefined ? '' : `?${query}`;
  const segments = pathname.split('/').slice(1);
  const encodeFirst = (s: string) => (s.length > 0 && /[a-z]/i.test(s[0]!) ? `%${s.charCodeAt(0).toString(16)}${s.slice(1)}` : s);
  return [
    path,
    `/${segments.map(encodeFirst).join('/')}${q}`,
    `/%61pi/${segments.slice(1).join('/')}${q}`,
    `/api${pathname.slice(4).replace(/\//g, '%2F')}${q}`,
    `http://ledger.example${path}`,
    `http://127.0.0.1${path}`,
    `/${path}`,
    `/api/..${path}`,
    `/api/./${segments.slice(1).join('/')}${q}`,
    `${pathname.toUpperCase()}${q}`,
    `/Api/${segments.slice(1).join('/')}${q}`,
    `/api./${segments.slice(1).join('/')}${q}`,
    `${pathname}.${q}`,
    `${pathname}/${q}`,
    `${pathname};x=1${q}`,
  ];
}
