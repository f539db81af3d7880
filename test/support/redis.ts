import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { tempDir } from './tempDir.js';

/**
 * A real Redis server for the queue tests (never a mock). `.ci/run` starts one and names it in
 * UNMANGLE_TEST_REDIS; without it a private one is started when `redis-server` is installed. In CI a
 * missing Redis fails the tests; elsewhere they are skipped with the way to get one.
 */
export const NO_REDIS =
  'no Redis for the queue tests: install redis-server (sudo apt-get install redis-server) or start one and set UNMANGLE_TEST_REDIS=redis://127.0.0.1:6379';

export function hasRedisServer(): boolean {
  return spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;
}

/** What a test file should do about Redis: a URL to use, or the reason to skip (outside CI only). */
export function redisForTests(): { url: string | null; skip: string | false } {
  const url = process.env.UNMANGLE_TEST_REDIS;
  if (url) return { url, skip: false };
  if (hasRedisServer()) return { url: null, skip: false };
  if (process.env.CI) throw new Error(`${NO_REDIS} (CI=true: the queue tests must run)`);
  return { url: null, skip: NO_REDIS };
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });
}

/** A redis-server of this test's own, with its data (AOF and RDB) in a temporary directory, so that it can be restarted. */
export class PrivateRedis {
  private process: ChildProcess | null = null;
  readonly dir = tempDir('unmangle-redis-');
  private constructor(readonly port: number) {}

  static async start(): Promise<PrivateRedis> {
    const redis = new PrivateRedis(await freePort());
    await redis.up();
    process.once('exit', () => redis.process?.kill('SIGKILL'));
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async up(): Promise<void> {
    const child = spawn('redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', '--dir', this.dir, '--appendonly', 'yes', '--save', '60 1', '--maxmemory-policy', 'noeviction'], { stdio: ['ignore', 'pipe', 'pipe'] });
    this.process = child;
    await new Promise<void>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`redis-server did not start: ${out}`)), 10_000);
      child.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        if (/Ready to accept connections/i.test(out)) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`redis-server exited (${code}): ${out}`));
      });
    });
    child.removeAllListeners('exit');
  }

  /** Stops the server as an operator would (SIGTERM: it writes its data first). */
  async down(): Promise<void> {
    const child = this.process;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
    this.process = null;
  }
}
