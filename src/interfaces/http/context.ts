import type { FastifyReply } from 'fastify';
import type { Metrics } from './metrics.js';
import type { WorkPool } from './pool.js';

export interface ServeConfig {
  host: string;
  port: number;
  /** Largest request body (for a batch: the longest line). */
  bodyLimit: number;
  /** Milliseconds per request (per chunk of up to 256 lines in a batch), waiting for a worker included. */
  timeoutMs: number;
  /** Milliseconds for a whole request body to arrive (for a batch: each line). */
  bodyTimeoutMs: number;
  /** Milliseconds for the request headers to arrive. */
  headersTimeoutMs: number;
  /** Inputs up to this many bytes (UTF-16 units for text) are small: a worker is kept for them. */
  smallInput: number;
  /** Worker threads: documents processed at once. */
  concurrency: number;
  /** Requests allowed to wait for a worker; beyond that 503. */
  queue: number;
  /** Log one line per request to stderr. */
  log: boolean;
}

export interface ServerContext {
  config: ServeConfig;
  pool: WorkPool;
  metrics: Metrics;
  version: string;
  startedAt: number;
}

/** Aborted when the client hangs up before its answer is sent, so its work can be dropped. */
export function clientGone(reply: FastifyReply): AbortSignal {
  const controller = new AbortController();
  const res = reply.raw;
  res.once('close', () => {
    if (!res.writableFinished) controller.abort();
  });
  return controller.signal;
}
