/**
 * Load test of `unmangle serve`: POST /v1/fix with the seed article from 100 connections, a fixed
 * number of requests, against a server started here on 127.0.0.1 (never anything else). The server
 * runs as its own process, as in production, so that the load generator does not share its thread.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = fileURLToPath(new URL('../../bin/unmangle', import.meta.url));
const SEED = fileURLToPath(new URL('../../../shared/seed/000_7569a4d67b0f746e.txt', import.meta.url));
const CONNECTIONS = 100;
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 20_000);
const WARMUP = 1_000;

async function startServer(): Promise<{ url: string; stop: () => Promise<number | null> }> {
  const child = spawn(process.execPath, [BIN, 'serve', '--host', '127.0.0.1', '--port', '0', '--queue', '1000', ...(process.env.BENCH_CONCURRENCY ? ['--concurrency', process.env.BENCH_CONCURRENCY] : [])], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  const url = await new Promise<string>((resolve, reject) => {
    child.stderr.on('data', (chunk: string) => {
      stderr += chunk;
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(stderr);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`server exited ${code}: ${stderr}`)));
  });
  const stop = () =>
    new Promise<number | null>((resolve) => {
      child.once('exit', (code) => resolve(code));
      child.kill('SIGTERM');
    });
  return { url, stop };
}

/** The server's resident memory and its main thread's live heap, in MB, as its own /metrics reports them. */
async function memoryMB(url: string): Promise<{ rss: number; heap: number }> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const read = (name: string) => Number(new RegExp(`^${name} (\\d+(?:\\.\\d+)?)`, 'm').exec(text)?.[1] ?? Number.NaN) / 1e6;
  return { rss: read('unmangle_process_resident_memory_bytes'), heap: read('unmangle_nodejs_heap_size_used_bytes') };
}

const mb = (m: { rss: number; heap: number }) => `${m.rss.toFixed(0)} MB (main heap ${m.heap.toFixed(0)} MB)`;

function autocannonVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../node_modules/autocannon/package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

function run(url: string, amount: number, body: string): Promise<autocannon.Result> {
  return autocannon({
    url: `${url}/v1/fix`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    connections: CONNECTIONS,
    amount,
    timeout: 30,
  });
}

async function main(): Promise<void> {
  if (!existsSync(SEED)) {
    console.log(`bench:serve skipped: ${SEED} is missing`);
    return;
  }
  const seed = readFileSync(SEED, 'utf8');
  const body = JSON.stringify({ text: seed });
  const server = await startServer();
  try {
    const threads = process.env.BENCH_CONCURRENCY ?? String(availableParallelism());
    console.log(`machine     ${cpus()[0]?.model ?? 'unknown CPU'}, ${availableParallelism()} CPUs, ${(totalmem() / 1e9).toFixed(1)} GB, Node ${process.version}, load average ${loadavg()[0]!.toFixed(2)} before`);
    console.log(`load        autocannon ${autocannonVersion()} in this process, ${CONNECTIONS} connections, ${WARMUP} warm-up + ${REQUESTS} requests; server in its own process with ${threads} worker threads`);
    const before = await memoryMB(server.url);
    await run(server.url, WARMUP, body);
    const r = await run(server.url, REQUESTS, body);
    const errors = r.errors + r.timeouts + r.non2xx;
    const peak = await memoryMB(server.url);
    // Memory a load leaves behind: measured again once the server has been idle for a while.
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    const settled = await memoryMB(server.url);
    console.log(`POST /v1/fix, seed article (${Buffer.byteLength(seed)} bytes), ${CONNECTIONS} connections, ${r.requests.total} requests on 127.0.0.1`);
    console.log(`  requests/s  ${r.requests.average.toFixed(0)} (mean), ${r.requests.p50} (median second)`);
    console.log(`  latency     p50 ${r.latency.p50} ms   p99 ${r.latency.p99} ms   max ${r.latency.max} ms`);
    console.log(`  throughput  ${(r.throughput.average / 1e6).toFixed(1)} MB/s answered`);
    console.log(`  errors      ${r.errors} errors, ${r.timeouts} timeouts, ${r.non2xx} non-2xx`);
    console.log(`  memory      server RSS ${mb(before)} before, ${mb(peak)} right after, ${mb(settled)} 5 s later`);
    if (errors > 0) process.exitCode = 1;
  } finally {
    const code = await server.stop();
    if (code !== 0) {
      console.error(`server exited with ${code}`);
      process.exitCode = 1;
    }
  }
}

await main();
