import { availableParallelism } from 'node:os';
import { InvalidArgumentError, type Command } from 'commander';
import type { ServeConfig } from '../http/server.js';

interface ServeFlags {
  port: number;
  host: string;
  bodyLimit: number;
  timeout: number;
  bodyTimeout: number;
  headersTimeout: number;
  smallInput: number;
  concurrency: number;
  queue: number;
  log?: boolean;
}

export const SERVE_DEFAULTS = {
  port: 8080,
  host: '127.0.0.1',
  bodyLimit: 10 * 1024 * 1024,
  timeoutMs: 10_000,
  bodyTimeoutMs: 30_000,
  headersTimeoutMs: 10_000,
  smallInput: 64 * 1024,
  queue: 256,
} as const;

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('run the HTTP service and the web page (POST /v1/fix, /v1/article, /v1/batch; GET /, /healthz, /metrics, /openapi.json)')
    .option('--port <n>', 'TCP port (0 picks a free one)', parseCount(0), SERVE_DEFAULTS.port)
    .option('--host <address>', 'address to listen on; 0.0.0.0 exposes the service to the network', SERVE_DEFAULTS.host)
    .option('--body-limit <bytes>', 'largest request body; for /v1/batch the longest line', parseCount(1), SERVE_DEFAULTS.bodyLimit)
    .option('--timeout <ms>', 'time allowed per request (per chunk of up to 256 lines in a batch), waiting included; then 503', parseCount(1), SERVE_DEFAULTS.timeoutMs)
    .option('--body-timeout <ms>', 'time allowed for a request body to arrive (for /v1/batch: each line); then 408', parseCount(1), SERVE_DEFAULTS.bodyTimeoutMs)
    .option('--headers-timeout <ms>', 'time allowed for the request headers to arrive; then 408', parseCount(1), SERVE_DEFAULTS.headersTimeoutMs)
    .option('--small-input <bytes>', 'inputs up to this size may use the worker kept free of larger ones', parseCount(0), SERVE_DEFAULTS.smallInput)
    .option('--concurrency <n>', 'documents processed at once (worker threads)', parseCount(1), availableParallelism())
    .option('--queue <n>', 'requests that may wait for a worker; more get 503 busy', parseCount(0), SERVE_DEFAULTS.queue)
    .option('--log', 'log every request as a JSON line on standard output')
    .action(async (flags: ServeFlags) => {
      const config: ServeConfig = {
        host: flags.host,
        port: flags.port,
        bodyLimit: flags.bodyLimit,
        timeoutMs: flags.timeout,
        bodyTimeoutMs: flags.bodyTimeout,
        headersTimeoutMs: flags.headersTimeout,
        smallInput: flags.smallInput,
        concurrency: flags.concurrency,
        queue: flags.queue,
        log: flags.log ?? false,
      };
      // Loaded here, not at start-up: the server pulls in fastify and every layer, which other commands do not need.
      const { createServer } = await import('../http/server.js');
      const server = createServer(config);
      const address = await server.listen();
      process.stderr.write(`unmangle serve: listening on ${address}\n`);
      await new Promise<void>((resolve) => {
        const stop = (signal: string) => {
          process.stderr.write(`unmangle serve: ${signal}, finishing requests in flight\n`);
          server.close().then(resolve, (err: unknown) => {
            process.stderr.write(`unmangle serve: error while stopping: ${String(err)}\n`);
            resolve();
          });
        };
        process.once('SIGTERM', () => stop('SIGTERM'));
        process.once('SIGINT', () => stop('SIGINT'));
      });
      process.stderr.write('unmangle serve: stopped\n');
    });
}

function parseCount(min: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min) throw new InvalidArgumentError(`not a whole number ≥ ${min}: ${value}`);
    return n;
  };
}
