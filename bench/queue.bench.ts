/**
 * Queue overhead: `unmangle queue` with one `queue work --workers 2` on this machine against
 * `unmangle batch --workers 2`, on the same 89 MB of lines (the nlp-corpus sentences, one per line,
 * ten times over), with `--lines -o FILE`. The queue's time runs from `submit` to the worker's exit
 * after the output was assembled, so it holds planning, Redis round trips, parts and assembly. A
 * real redis-server is started for it; without one the bench says so and skips. The outputs are
 * compared byte for byte. UNMANGLE_BENCH_REPEAT (default 3) alternating runs each, best reported.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nlpCorpusSentences } from '../test/support/corpus.js';
import { hasRedisServer, PrivateRedis } from '../test/support/redis.js';

const BIN = fileURLToPath(new URL('../../bin/unmangle', import.meta.url));
const REPEAT = Math.max(1, Number(process.env.UNMANGLE_BENCH_REPEAT ?? 3));
const dir = join(tmpdir(), 'unmangle-bench-queue');
mkdirSync(dir, { recursive: true });
const corpus = join(dir, 'nlp-corpus-x10.txt');

if (!existsSync(corpus)) {
  const text = nlpCorpusSentences().join('\n') + '\n';
  writeFileSync(`${corpus}.tmp`, text.repeat(10));
  renameSync(`${corpus}.tmp`, corpus);
}
const size = statSync(corpus).size;

/** CPU seconds (user and system) of the child processes waited for so far, from /proc (Linux). */
function childCpu(): number {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return NaN;
  }
}

interface Timing {
  wall: number;
  cpu: number;
  /** The run's own clock: batch's summary, or the queue's first chunk taken to its output assembled. */
  run: number;
}

function timed(args: string[]): { wall: number; cpu: number } {
  const t0 = process.hrtime.bigint();
  const c0 = childCpu();
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`unmangle ${args[0]} ${args[1]} failed (${r.status}): ${r.stderr}`);
  return { wall: Number(process.hrtime.bigint() - t0) / 1e9, cpu: childCpu() - c0 };
}

if (!hasRedisServer()) {
  console.log('queue bench: skipped, no redis-server (sudo apt-get install redis-server)');
  process.exit(0);
}
const redis = await PrivateRedis.start();
console.log(`corpus: ${corpus} (${(size / 1e6).toFixed(1)} MB, nlp-corpus sentences one per line ×10, --lines -o FILE)`);
console.log(`load average before: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
const batchOut = join(dir, 'batch.jsonl');
const queueOut = join(dir, 'queue.jsonl');
const batchSummary = join(dir, 'batch.summary.json');
const queueSummary = join(dir, 'queue.summary.json');
const batch: Timing[] = [];
const queue: Timing[] = [];
const seconds = (path: string) => (JSON.parse(readFileSync(path, 'utf8')) as { seconds: number }).seconds;
try {
  for (let i = 0; i < REPEAT; i++) {
    rmSync(batchOut, { force: true });
    const b = timed(['batch', '--lines', corpus, '--workers', '2', '-o', batchOut, '--quiet', '--summary', batchSummary]);
    batch.push({ ...b, run: seconds(batchSummary) });
    rmSync(queueOut, { force: true });
    const place = ['--redis', redis.url, '--queue', `bench${i}`];
    const submitted = timed(['queue', 'submit', ...place, '--run', 'bench', '--lines', corpus, '--out', join(dir, 'parts'), '-o', queueOut, '--summary', queueSummary]);
    const worked = timed(['queue', 'work', ...place, '--workers', '2', '--until-idle']);
    queue.push({ wall: submitted.wall + worked.wall, cpu: submitted.cpu + worked.cpu, run: seconds(queueSummary) });
    if (!readFileSync(queueOut).equals(readFileSync(batchOut))) throw new Error('the queue output differs from the batch output');
  }
} finally {
  await redis.down();
  rmSync(batchOut, { force: true });
  rmSync(`${batchOut}.journal`, { force: true });
  rmSync(queueOut, { force: true });
}
const best = (xs: Timing[], key: keyof Timing) => Math.min(...xs.map((t) => t[key]));
const mbs = (s: number) => (size / 1e6 / s).toFixed(1);
console.log(`all runs (s wall): batch ${batch.map((t) => t.wall.toFixed(2)).join(' ')}; queue ${queue.map((t) => t.wall.toFixed(2)).join(' ')}`);
for (const [name, runs] of [['batch --workers 2', batch], ['queue, submit + 1 `queue work --workers 2` on redis-server', queue]] as const) {
  console.log(`${name}: ${mbs(best(runs, 'run'))} MB/s on the run's clock (${best(runs, 'run').toFixed(2)} s), ${mbs(best(runs, 'wall'))} MB/s end to end (${best(runs, 'wall').toFixed(2)} s wall with process start-up), ${best(runs, 'cpu').toFixed(1)} s CPU`);
}
console.log(`queue / batch throughput: ${(best(batch, 'run') / best(queue, 'run')).toFixed(2)}× on the runs' clocks, ${(best(batch, 'wall') / best(queue, 'wall')).toFixed(2)}× end to end (target ≥ 0.9×); CPU ${(best(queue, 'cpu') / best(batch, 'cpu')).toFixed(2)}× batch's; outputs identical byte for byte`);
