import { readFileSync } from 'node:fs';
import type { Socket } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import { registerBodyParsers, type Body } from './bodies.js';
import type { ServeConfig, ServerContext } from './context.js';
import { registerBodyDeadline } from './deadline.js';
import { fromFastifyError, HttpError } from './errors.js';
import { Metrics } from './metrics.js';
import { WorkPool } from './pool.js';
import { registerArticleRoute } from './routes/article.js';
import { registerBatchRoute } from './routes/batch.js';
import { registerFixRoute } from './routes/fix.js';
import { registerOpsRoutes } from './routes/ops.js';
import { registerWebRoutes } from './routes/web.js';

export type { ServeConfig } from './context.js';

export interface Server {
  app: FastifyInstance;
  context: ServerContext;
  /** Starts listening; resolves to the address, e.g. `http://127.0.0.1:8080`. */
  listen(): Promise<string>;
  /** Stops accepting connections, lets requests in flight finish, then stops the workers. */
  close(): Promise<void>;
}

export function createServer(config: ServeConfig): Server {
  const app = Fastify({
    bodyLimit: config.bodyLimit,
    logger: config.log ? { level: 'info' } : false,
    // A batch may stream for as long as it keeps sending, so Node's limit on a whole request is off;
    // the body has its own deadline (`registerBodyDeadline`), the headers Node's `headersTimeout`,
    // checked every second rather than every 30 s so that a slow client hears 408 when its time is up.
    // A connection that sends nothing for a minute (and is not waiting for an answer) is dropped.
    requestTimeout: 0,
    http: { headersTimeout: config.headersTimeoutMs, requestTimeout: 0, connectionsCheckingInterval: Math.min(1_000, config.headersTimeoutMs) },
    connectionTimeout: Math.max(60_000, config.timeoutMs + 5_000),
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    clientErrorHandler: answerClientError,
  });
  const context: ServerContext = {
    config,
    pool: new WorkPool({ concurrency: config.concurrency, queue: config.queue, timeoutMs: config.timeoutMs, smallInput: config.smallInput }),
    metrics: new Metrics(),
    version: packageVersion(),
    startedAt: Date.now(),
  };
  registerBodyParsers(app);
  registerBodyDeadline(app, config.bodyTimeoutMs, new Set(['/v1/batch']));
  instrument(app, context);
  const methods = methodsByPath(app);
  app.setErrorHandler((err, request, reply) => {
    const known = err instanceof HttpError ? err : fromFastifyError(err as { code?: string; statusCode?: number; message: string }, config.bodyLimit, request.headers['content-type']);
    if (!known) {
      request.log.error({ err }, 'internal error');
      if (!config.log) process.stderr.write(`unmangle serve: internal error on ${request.method} ${request.url}: ${(err as Error).stack ?? String(err)}\n`);
      return reply.code(500).send({ error: 'internal', message: 'internal error (please report it)' });
    }
    return reply.code(known.status).headers(known.headers).send({ error: known.code, message: known.message });
  });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0]!;
    const allowed = methods.get(path);
    if (allowed) {
      const allow = [...allowed].sort().join(', ');
      return reply.code(405).header('allow', allow).send({ error: 'method_not_allowed', message: `${request.method} is not allowed on ${path}; use ${allow}` });
    }
    return reply.code(404).send({ error: 'not_found', message: `no such endpoint: ${request.method} ${path}` });
  });
  registerFixRoute(app, context);
  registerArticleRoute(app, context);
  registerBatchRoute(app, context);
  registerOpsRoutes(app, context);
  registerWebRoutes(app);

  return {
    app,
    context,
    async listen() {
      return app.listen({ host: config.host, port: config.port });
    },
    async close() {
      // A keep-alive connection becomes idle only once its last answer is out, after close() began;
      // without this sweep the process would wait for the keep-alive timeout.
      const sweep = setInterval(() => app.server.closeIdleConnections(), 100);
      try {
        await app.close();
      } finally {
        clearInterval(sweep);
      }
      await context.pool.close();
    },
  };
}

/** The methods each path answers, as routes are added, so that a wrong method is told which are right. */
function methodsByPath(app: FastifyInstance): Map<string, Set<string>> {
  const methods = new Map<string, Set<string>>();
  app.addHook('onRoute', (route) => {
    const set = methods.get(route.url) ?? new Set<string>();
    for (const m of [route.method].flat()) set.add(m);
    methods.set(route.url, set);
  });
  return methods;
}

/**
 * Errors Node reports before there is a request to answer (headers too slow, too large, garbled),
 * in the same JSON shape as every other refusal; the connection is closed after it.
 */
function answerClientError(err: Error & { code?: string }, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code, message] =
    err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? [408, 'headers_timeout', 'the request headers did not arrive in time (--headers-timeout)']
      : err.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'headers_too_large', 'the request headers are too large']
        : [400, 'bad_request', 'the request is not valid HTTP/1.1'];
  const body = JSON.stringify({ error: code, message });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_WORDS[status]}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy();
}

const STATUS_WORDS: Record<number, string> = { 400: 'Bad Request', 408: 'Request Timeout', 431: 'Request Header Fields Too Large' };

/** Requests, latency and bytes per route, measured once for every route. */
function instrument(app: FastifyInstance, { metrics }: ServerContext): void {
  const routeOf = (request: { routeOptions: { url?: string } }) => request.routeOptions.url ?? 'unmatched';
  // A request that is aborted may also get onResponse; it must leave the gauge only once.
  const inFlight = new WeakSet<object>();
  const leave = (request: object) => {
    if (inFlight.delete(request)) metrics.inFlight.dec();
  };
  app.addHook('onRequest', async (request) => {
    inFlight.add(request);
    metrics.inFlight.inc();
  });
  app.addHook('preHandler', async (request) => {
    const body = request.body as Body | undefined;
    if (body && typeof body === 'object' && 'bytes' in body) metrics.bytesIn.inc({ route: routeOf(request) }, body.bytes);
  });
  app.addHook('onSend', async (request, _reply, payload) => {
    if (typeof payload === 'string' || Buffer.isBuffer(payload)) {
      metrics.bytesOut.inc({ route: routeOf(request) }, Buffer.byteLength(payload));
    }
    return payload;
  });
  app.addHook('onResponse', async (request, reply) => {
    leave(request);
    const route = routeOf(request);
    metrics.requests.inc({ route, method: request.method, status: String(reply.statusCode) });
    metrics.duration.observe({ route }, reply.elapsedTime / 1000);
  });
  app.addHook('onRequestAbort', async (request) => {
    leave(request);
  });
}

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}
