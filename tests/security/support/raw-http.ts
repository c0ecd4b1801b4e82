import { connect } from 'node:net';

/**
 * HTTP/1.1 written by hand on a socket, so that a fuzz test can send what fetch and node:http refuse
 * to: any method, any path, header values with any byte (NUL, CR, bytes ≥ 0x80), header blocks of any
 * size, duplicate headers. One request per connection (`Connection: close`).
 */
export interface RawRequest {
  method: string;
  /** The request target as written on the request line (not normalised or encoded). */
  path: string;
  /** Header lines as written; `Host`, `Content-Length` and `Connection` are added unless present. */
  headers: [string, string][];
  body?: Buffer;
  /** Send the body chunked (Transfer-Encoding) instead of with a Content-Length. */
  chunked?: boolean;
}

export interface RawResponse {
  /** The status code; 0 when the server closed the connection without answering. */
  status: number;
  headers: Record<string, string>;
  /** The body as text, de-chunked when it was sent chunked. */
  text: string;
}

function dechunk(body: Buffer): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const end = body.indexOf('\r\n', at);
    if (end < 0) break;
    const size = Number.parseInt(body.subarray(at, end).toString('latin1'), 16);
    if (!Number.isFinite(size) || size <= 0) break;
    parts.push(body.subarray(end + 2, end + 2 + size));
    at = end + 2 + size + 2;
  }
  return Buffer.concat(parts);
}

function parse(whole: Buffer): RawResponse {
  // Interim answers (100 Continue to an Expect header) come before the final one: skip them.
  let raw = whole;
  while (/^HTTP\/1\.[01] 1\d\d/.test(raw.subarray(0, 16).toString('latin1'))) {
    const end = raw.indexOf('\r\n\r\n');
    if (end < 0) break;
    raw = raw.subarray(end + 4);
  }
  const split = raw.indexOf('\r\n\r\n');
  const head = (split < 0 ? raw : raw.subarray(0, split)).toString('latin1');
  const match = /^HTTP\/1\.[01] (\d{3})/.exec(head);
  if (!match) return { status: 0, headers: {}, text: raw.toString('latin1').slice(0, 2000) };
  const headers: Record<string, string> = {};
  for (const line of head.split('\r\n').slice(1)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  let body = split < 0 ? Buffer.alloc(0) : raw.subarray(split + 4);
  if (headers['transfer-encoding']?.toLowerCase() === 'chunked') body = dechunk(body);
  return { status: Number(match[1]), headers, text: body.toString('utf8') };
}

/** Sends one request to 127.0.0.1:`port` and reads the whole answer (until the server closes). */
export function rawRequest(port: number, request: RawRequest, timeoutMs = 30_000): Promise<RawResponse> {
  const body = request.body ?? Buffer.alloc(0);
  const names = new Set(request.headers.map(([name]) => name.toLowerCase()));
  const lines = [`${request.method} ${request.path} HTTP/1.1`];
  if (!names.has('host')) lines.push('Host: 127.0.0.1');
  for (const [name, value] of request.headers) lines.push(`${name}: ${value}`);
  if (request.chunked) lines.push('Transfer-Encoding: chunked');
  else if (!names.has('content-length') && (body.length > 0 || !['GET', 'HEAD'].includes(request.method)))
    lines.push(`Content-Length: ${body.length}`);
  if (!names.has('connection')) lines.push('Connection: close');
  const head = Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1');
  const payload = request.chunked
    ? Buffer.concat([
        ...(body.length > 0
          ? [Buffer.from(`${body.length.toString(16)}\r\n`), body, Buffer.from('\r\n')]
          : []),
        Buffer.from('0\r\n\r\n'),
      ])
    : body;

  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = connect({ host: '127.0.0.1', port });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no complete answer within ${timeoutMs} ms`));
    }, timeoutMs);
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    // A server may answer (e.g. 413, 431) and close, or reset, before it has read everything sent:
    // what arrived is the answer. A connection closed with nothing sent back is status 0; only a
    // refused connection (the service is gone) is an error.
    let failure: NodeJS.ErrnoException | undefined;
    socket.on('error', (error: NodeJS.ErrnoException) => (failure = error));
    socket.on('close', () => {
      clearTimeout(timer);
      if (chunks.length === 0 && failure?.code === 'ECONNREFUSED') reject(failure);
      else resolve(parse(Buffer.concat(chunks)));
    });
    // The write side stays open: the server closes the connection once it has answered.
    socket.on('connect', () => socket.write(Buffer.concat([head, payload])));
  });
}
