import { createServer, type ServeConfig, type Server } from '../../src/interfaces/http/server.js';

export interface Running {
  url: string;
  server: Server;
  close(): Promise<void>;
}

/** A real server on a free loopback port. */
export async function startServer(overrides: Partial<ServeConfig> = {}): Promise<Running> {
  const server = createServer({
    host: '127.0.0.1',
    port: 0,
    bodyLimit: 1024 * 1024,
    timeoutMs: 10_000,
    bodyTimeoutMs: 30_000,
    headersTimeoutMs: 10_000,
    smallInput: 64 * 1024,
    concurrency: 2,
    queue: 64,
    log: false,
    ...overrides,
  });
  const url = await server.listen();
  return { url, server, close: () => server.close() };
}

export async function post(url: string, body: string | Buffer, contentType?: string): Promise<{ status: number; json: any; headers: Headers }> {
  const headers: Record<string, string> = {};
  if (contentType) headers['content-type'] = contentType;
  // A copy with its own ArrayBuffer: fetch's types (DOM or undici) do not take every Buffer.
  const res = await fetch(url, { method: 'POST', body: typeof body === 'string' ? body : Uint8Array.from(body), headers });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = text;
  }
  return { status: res.status, json, headers: res.headers };
}
