import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { after, before, describe, test } from 'node:test';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { connectOnce, type QueuePlace } from '../../src/interfaces/queue/redis.js';
import { runStatus, type RunStatus } from '../../src/interfaces/queue/status.js';
import { hasRedisServer, PrivateRedis, redisForTests } from '../support/redis.js';
import { tempDir } from '../support/tempDir.js';
import { fileTree } from '../support/tree.js';
import { BIN, runCli } from './runCli.js';

const { url: sharedUrl, skip } = redisForTests();
const root = tempDir('unmangle-queue-');
let server: PrivateRedis | null = null;
let url = sharedUrl ?? '';
let client: Redis;
let queues = 0;

/** Short lock and stall intervals, so a killed worker's chunk is taken up again within a few seconds; not shorter, because
 * on a loaded machine a live worker's lock renewal (every half lock) can come late and its chunk would count as stalled. */
const FAST = ['--lock-ms', '4000', '--stalled-ms', '1000'];

function corpus(name: string, records = 3000): string {
  const dir = join(root, name);
  mkdirSync(join(dir, 'sub'), { recursive: true });
  let a = '';
  for (let i = 0; i < records; i++) {
    a += i % 97 === 13 ? `{"id":${i},"text":"broken record\n` : JSON.stringify({ id: i, text: i % 3 ? `clean text number ${i} ${'word '.repeat(i % 23)}` : `Caf\u00c3\u00a9 & amp; more & nbsp; here ${i}` }) + '\n';
  }
  writeFileSync(join(dir, 'a.jsonl'), a);
  writeFileSync(join(dir, 'sub', 'b.jsonl.gz'), gzipSync('{"text":"zipped & mdash; fine"}\n{"text":1}\n'));
  writeFileSync(join(dir, 'sub', 'page.txt'), 'He said & laquo; hello & raquo; & nbsp; and left.\n');
  writeFileSync(join(dir, 'sub', 'binary.txt'), Buffer.from([0x41, 0x00, 0x42]));
  return dir;
}

function place(): QueuePlace {
  return { redis: url, queue: `t${process.pid}-${++queues}` };
}

function submit(p: QueuePlace, run: string, args: string[]): ReturnType<typeof runCli> {
  return runCli(['queue', 'submit', '--redis', p.redis, '--queue', p.queue, '--run', run, '--chunk-records', '50', '--backoff-ms', '100', ...args]);
}

interface WorkerProcess {
  child: ChildProcess;
  stderr: () => string;
  exited: Promise<number | null>;
}

function startWorker(p: QueuePlace, args: string[] = []): WorkerProcess {
  const child = spawn(process.execPath, [BIN, 'queue', 'work', '--redis', p.redis, '--queue', p.queue, '--workers', '1', ...FAST, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code, signal) => resolve(signal ? -1 : code)));
  return { child, stderr: () => err, exited };
}

async function statusOf(p: QueuePlace, run: string): Promise<RunStatus> {
  return runStatus(client, p, run);
}

async function until(what: string, check: () => Promise<boolean>, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}


function assertSameTree(got: string, want: string): void {
  const a = fileTree(want);
  const b = fileTree(got);
  assert.deepEqual([...b.keys()].sort(), [...a.keys()].sort());
  for (const [name, bytes] of a) assert.ok(bytes.equals(b.get(name)!), `${name} differs from the local run's`);
}

/** The local run over the same inputs: what the queue's output must be, byte for byte. */
function localTree(input: string, name: string, extra: string[] = []): string {
  const out = join(root, `${name}-local`);
  const r = runCli(['batch', input, '--out-dir', out, '--workers', '2', '--quiet', '--chunk-records', '50', ...extra]);
  assert.equal(r.status, 0, r.stderr);
  return out;
}

describe('unmangle queue on a real redis-server', { skip }, () => {
  before(async () => {
    if (!sharedUrl) {
      server = await PrivateRedis.start();
      url = server.url;
    }
    client = await connectOnce({ redis: url, queue: 'x' });
  });
  after(async () => {
    client?.disconnect();
    await server?.down();
  });

  test('end to end: submit, two workers, one killed with kill -9 halfway; the output tree is the batch output byte for byte', async () => {
    const input = corpus('e2e', 6000);
    const p = place();
    const out = join(root, 'e2e-queue');
    const r = submit(p, 'e2e', [input, '--out', out, '--chunk-bytes', '8000', '--rejects', join(root, 'e2e.rejects'), '--summary', join(root, 'e2e.summary.json')]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /run e2e: \d+ chunks of 4 files/);
    const doomed = startWorker(p);
    const survivor = startWorker(p, ['--until-idle']);
    const total = (await statusOf(p, 'e2e')).chunks.total;
    assert.ok(total >= 20, `${total} chunks`);
    await until('half the chunks are done', async () => (await statusOf(p, 'e2e')).chunks.done >= total / 2);
    // Killed while it holds a chunk, so that the chunk must be taken up again from its stalled lock.
    const chunks = new Queue(p.queue, { connection: client, prefix: 'unmangle' });
    await until('the doomed worker holds a chunk', async () => (await chunks.getActive()).some((j) => j.processedBy?.endsWith(`:${doomed.child.pid}`)), 20_000);
    doomed.child.kill('SIGKILL');
    await chunks.close();
    assert.equal(await survivor.exited, 0, survivor.stderr());
    const s = await statusOf(p, 'e2e');
    assert.equal(s.state, 'completed', JSON.stringify(s));
    const local = localTree(input, 'e2e', ['--rejects', join(root, 'e2e-local.rejects'), '--summary', join(root, 'e2e-local.summary.json')]);
    assertSameTree(out, local);
    assert.ok(readFileSync(join(root, 'e2e.rejects')).equals(readFileSync(join(root, 'e2e-local.rejects'))));
    const want = JSON.parse(readFileSync(join(root, 'e2e-local.summary.json'), 'utf8'));
    const got = JSON.parse(readFileSync(join(root, 'e2e.summary.json'), 'utf8'));
    assert.deepEqual(got.records, want.records);
    assert.deepEqual(got.fixes, want.fixes);
    assert.ok(got.balanced && got.records.rejected > 0, 'bad records are rejects, not failed chunks');
    assert.equal(s.failed.length, 0);
    assert.equal(s.chunks.done, total);
    assert.match(survivor.stderr(), /run e2e complete/);
    // the parts are gone once the output is in place
    assert.ok(!existsSync(join(out, '.unmangle-queue')));
  });

  test('submitting the same run again adds nothing; other options under the same name are refused', async () => {
    const input = corpus('again', 100);
    const p = place();
    const out = join(root, 'again-queue');
    assert.equal(submit(p, 'again', [input, '--out', out]).status, 0);
    const r = submit(p, 'again', [input, '--out', out]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /submitted already .*nothing added/);
    const other = submit(p, 'again', [input, '--out', out, '--mode', 'article']);
    assert.equal(other.status, 2);
    assert.match(other.stderr, /^unmangle: run again was submitted with other mode \("fix", now "article"\); pick another --run name/);
    const bad = submit(p, 'no/slash', [input, '--out', out]);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--run wants letters/);
  });

  test('SIGTERM: the worker finishes the chunks it holds, hands back the assembly and exits; another worker completes the run', async () => {
    const input = corpus('term', 4000);
    const p = place();
    const out = join(root, 'term-queue');
    assert.equal(submit(p, 'term', [input, '--out', out, '--chunk-bytes', '8000']).status, 0);
    const w = startWorker(p);
    await until('some chunks are done', async () => (await statusOf(p, 'term')).chunks.done >= 3);
    w.child.kill('SIGTERM');
    assert.equal(await w.exited, 0, w.stderr());
    const s = await statusOf(p, 'term');
    assert.equal(s.chunks.active, 0, 'no chunk is left locked by the worker that left');
    assert.notEqual(s.state, 'completed');
    const next = startWorker(p, ['--until-idle']);
    assert.equal(await next.exited, 0, next.stderr());
    assert.equal((await statusOf(p, 'term')).state, 'completed');
    assertSameTree(out, localTree(input, 'term'));
  });

  test('a chunk that fails is retried with backoff, then kept as failed with its reason; the rest completes; retry reruns it', async () => {
    const input = corpus('fail', 800);
    const p = place();
    const out = join(root, 'fail-queue');
    const other = join(input, 'sub', 'page.txt');
    assert.equal(submit(p, 'fail', [input, '--out', out, '--attempts', '2']).status, 0);
    // The file vanishes from this "machine" after the run was planned, as when a mount is missing.
    renameSync(other, `${other}.away`);
    const w = startWorker(p, ['--until-idle']);
    assert.equal(await w.exited, 0, w.stderr());
    assert.match(w.stderr(), /page\.txt: no such file .*will be retried/);
    const status = runCli(['queue', 'status', '--redis', p.redis, '--queue', p.queue, '--run', 'fail', '--wait']);
    assert.equal(status.status, 1, status.stdout + status.stderr);
    assert.match(status.stdout, /failed; chunks \d+\/\d+ done.* 1 failed/);
    assert.match(status.stdout, /failed: chunk \d+ \(.*page\.txt\) after 2 attempts: .*no such file/);
    const s = await statusOf(p, 'fail');
    assert.equal(s.chunks.done, s.chunks.total - 1, 'every other chunk completed');
    renameSync(`${other}.away`, other);
    const retried = runCli(['queue', 'retry', '--redis', p.redis, '--queue', p.queue, '--run', 'fail']);
    assert.equal(retried.status, 0, retried.stderr);
    assert.match(retried.stderr, /1 failed chunk back in the queue, and its assembly/);
    const again = startWorker(p, ['--until-idle']);
    assert.equal(await again.exited, 0, again.stderr());
    const done = runCli(['queue', 'status', '--redis', p.redis, '--queue', p.queue, '--run', 'fail', '--wait', '--json']);
    assert.equal(done.status, 0, done.stderr);
    assert.equal(JSON.parse(done.stdout).state, 'completed');
    assertSameTree(out, localTree(input, 'fail'));
  });

  test('Redis restarted during a run (AOF on): the workers reconnect and the run completes with the same output', { skip: !hasRedisServer() && !process.env.CI ? 'needs redis-server to restart one' : false }, async () => {
    const own = await PrivateRedis.start();
    const own_client = await connectOnce({ redis: own.url, queue: 'x' });
    try {
      const input = corpus('restart', 5000);
      const p: QueuePlace = { redis: own.url, queue: 'restart' };
      const out = join(root, 'restart-queue.jsonl');
      assert.equal(submit(p, 'restart', [input, '--out', join(root, 'restart-parts'), '-o', out, '--chunk-bytes', '8000']).status, 0);
      const w = startWorker(p, ['--until-idle']);
      await until('some chunks are done', async () => (await runStatus(own_client, p, 'restart')).chunks.done >= 3);
      own_client.disconnect();
      await own.down();
      await new Promise((r) => setTimeout(r, 700));
      await own.up();
      assert.equal(await w.exited, 0, w.stderr());
      assert.match(w.stderr(), /cannot reach Redis .*retrying/);
      const local = join(root, 'restart-local.jsonl');
      const r = runCli(['batch', input, '-o', local, '--quiet']);
      assert.equal(r.status, 0, r.stderr);
      assert.ok(readFileSync(out).equals(readFileSync(local)), 'one JSON lines file, as batch -o writes it');
    } finally {
      own_client.disconnect();
      await own.down();
    }
  });
});
