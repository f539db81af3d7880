import { readdir, rm, rmdir } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { hostname } from 'node:os';
import { Queue, UnrecoverableError, WaitingError, Worker, type Job } from 'bullmq';
import { Piscina } from 'piscina';
import type { Redis } from 'ioredis';
import { assembleRun } from '../../corpus/assemble.js';
import type { PartMeta } from '../../corpus/parts.js';
import type { DescribedChunk } from '../../corpus/plan.js';
import { formatSummary } from '../../corpus/summary.js';
import {
  assemblyQueueName,
  chunkJobId,
  chunkQueueName,
  connectForever,
  doneKey,
  markDone,
  PREFIX,
  readRun,
  runKey,
  type AssemblyJob,
  type ChunkJob,
  type QueuePlace,
  type RunSpec,
} from './redis.js';

export interface WorkConfig {
  place: QueuePlace;
  workers: number;
  untilIdle: boolean;
  /** BullMQ's lock and stalled-check intervals; short ones let tests see a killed worker's chunk taken up soon. */
  lockMs: number;
  stalledMs: number;
}

/**
 * `queue work`: takes chunks of every run in the queue and processes them on a pool of worker threads,
 * so that the event loop stays free to renew the jobs' locks; follows each run's parts to assemble its
 * output. Stops taking chunks at SIGTERM or SIGINT and finishes those it holds; a second signal leaves at
 * once, and the chunks it held are taken up again by the stalled-job check of any worker.
 */
export async function work(c: WorkConfig, log: (line: string) => void): Promise<void> {
  const client = connectForever(c.place, (m) => log(`unmangle queue: ${m}\n`));
  const pool = new Piscina({
    filename: new URL('./thread.js', import.meta.url).href,
    minThreads: c.workers,
    maxThreads: c.workers,
    idleTimeout: 60_000,
    // A thread holds its next chunk while it finishes one, so that it does not wait on Redis in between.
    concurrentTasksPerWorker: 2,
  });
  const name = `${hostname()}:${process.pid}`;
  // Connections passed in are the caller's to close; the workers' own blocking reads need one each.
  const chunkConnection = connectForever(c.place, () => undefined);
  const assemblyConnection = connectForever(c.place, () => undefined);
  const common = { prefix: PREFIX, lockDuration: c.lockMs, stalledInterval: c.stalledMs, maxStalledCount: 2, name };
  const chunkWorker = new Worker<ChunkJob, unknown>(
    chunkQueueName(c.place),
    async (job) => {
      const { run, chunk, partPath, bytes } = job.data;
      await client.multi().hsetnx(runKey(c.place, run), 'startedAt', Date.now()).sadd(`${runKey(c.place, run)}:workers`, name).exec();
      let meta: PartMeta;
      try {
        meta = (await pool.run({ chunk, partPath })) as PartMeta;
      } catch (err) {
        const message = `chunk ${chunk.seq} (${describeChunk(chunk)}): ${(err as Error).message}`;
        log(`unmangle queue: run ${run}: ${message}${job.attemptsMade + 1 < (job.opts.attempts ?? 1) ? ' (will be retried)' : ''}\n`);
        throw new Error(message);
      }
      await markDone(client, c.place, run, chunk.seq, meta.stats.in, bytes);
      return { records: meta.stats.in, rejected: meta.stats.rejected };
    },
    { ...common, connection: chunkConnection, concurrency: c.workers * 2 },
  );
  const assemblyWorker = new Worker<AssemblyJob, unknown>(
    assemblyQueueName(c.place),
    (job, token, signal) => assemble(job, token, signal, client, c.place, log),
    { ...common, connection: assemblyConnection, concurrency: 8 },
  );
  for (const w of [chunkWorker, assemblyWorker]) w.on('error', (err) => log(`unmangle queue: ${err.message}\n`));

  let stopping = false;
  const stop = async () => {
    if (stopping) {
      log('unmangle queue: leaving now; the chunks held here are taken up again by the other workers\n');
      process.exit(130);
    }
    stopping = true;
    // The assembler hands its job back at once; chunks in progress are finished.
    assemblyWorker.cancelAllJobs('worker stopping');
    await Promise.all([chunkWorker.close(), assemblyWorker.close()]);
  };
  const onSignal = () => void stop();
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  let idle: NodeJS.Timeout | null = null;
  const closed = new Promise<void>((resolve) => chunkWorker.once('closed', () => resolve()));
  if (c.untilIdle) {
    const queues = [new Queue(chunkQueueName(c.place), { connection: client, prefix: PREFIX }), new Queue(assemblyQueueName(c.place), { connection: client, prefix: PREFIX })];
    const check = async () => {
      try {
        const counts = await Promise.all(queues.map((q) => q.getJobCounts('waiting', 'active', 'delayed', 'prioritized')));
        if (counts.every((n) => Object.values(n).every((v) => v === 0))) {
          await stop();
          return;
        }
      } catch {
        // Redis away for a moment: look again later
      }
      if (!stopping) idle = setTimeout(() => void check(), 250);
    };
    idle = setTimeout(() => void check(), 250);
    await closed;
    await Promise.all(queues.map((q) => q.close()));
  } else await closed;
  if (idle) clearTimeout(idle);
  process.off('SIGTERM', onSignal);
  process.off('SIGINT', onSignal);
  await assemblyWorker.close();
  await pool.destroy();
  for (const connection of [client, chunkConnection, assemblyConnection]) connection.disconnect();
}

function describeChunk(chunk: DescribedChunk): string {
  const p = chunk.piece;
  return p.kind === 'range' ? `${chunk.file.source} lines ${p.firstN}–${p.firstN + p.lines - 1}` : chunk.file.source;
}

const POLL_MS = 100;

/**
 * The assembly job of a run: waits for each part in order and writes the output as the local run
 * would. When a chunk has failed for good it gives up (the run stays incomplete until `queue retry`).
 */
async function assemble(job: Job<AssemblyJob>, token: string | undefined, signal: AbortSignal | undefined, client: Redis, place: QueuePlace, log: (line: string) => void): Promise<unknown> {
  const { run } = job.data;
  const state = await readRun(client, place, run);
  if (!state) throw new UnrecoverableError(`run ${run} has no record in Redis`);
  if (state.completedAt !== null) return { already: true };
  const spec: RunSpec = state.spec;
  const chunkQueue = new Queue(chunkQueueName(place), { connection: client, prefix: PREFIX });
  const partPath = (seq: number) => join(spec.workDir, 'parts', `${String(seq).padStart(8, '0')}.part`);
  const ready = async (seq: number) => {
    for (let polls = 0; ; polls++) {
      if (signal?.aborted) {
        await job.moveToWait(token);
        throw new WaitingError();
      }
      if ((await client.sismember(doneKey(place, run), String(seq))) === 1) return;
      if (polls % 10 === 9) {
        const failed = await chunkQueue.getJob(chunkJobId(run, seq));
        if (failed && (await failed.getState()) === 'failed') {
          throw new UnrecoverableError(`waiting for chunk ${seq}, which failed: ${failed.failedReason}; \`unmangle queue retry\` runs it again`);
        }
      }
      await new Promise((r) => setTimeout(r, Math.min(POLL_MS * (1 + (polls >> 4)), 1000)));
    }
  };
  try {
    const plan = { files: spec.files, chunks: spec.chunkFiles.map((fileIndex, seq) => ({ seq, fileIndex })) };
    const summary = await assembleRun(plan as Parameters<typeof assembleRun>[0], spec.outputs, spec.workDir, partPath, ready, {
      seconds: () => (Date.now() - (state.startedAt ?? spec.submittedAt)) / 1000,
      workers: 0,
      shard: spec.shard,
    });
    const started = Number((await client.hget(runKey(place, run), 'startedAt')) ?? spec.submittedAt);
    summary.seconds = (Date.now() - started) / 1000;
    summary.workers = (await client.scard(`${runKey(place, run)}:workers`)) || 1;
    await client.hset(runKey(place, run), 'completedAt', Date.now(), 'summary', JSON.stringify(summary));
    await cleanUp(spec);
    log(`unmangle queue: run ${run} complete\n${formatSummary(summary, 'unmangle queue')}`);
    return { records: summary.records };
  } finally {
    await chunkQueue.close();
  }
}

/** The parts and what killed assemblers left behind; the output stays. */
async function cleanUp(spec: RunSpec): Promise<void> {
  await rm(spec.workDir, { recursive: true, force: true });
  await rmdir(dirname(spec.workDir)).catch(() => undefined); // only when no other run's parts are there
  for (const path of [spec.outputs.output, spec.outputs.rejects, spec.outputs.summaryFile]) {
    if (!path) continue;
    const names = await readdir(dirname(path)).catch(() => [] as string[]);
    for (const n of names) if (n.startsWith(`${basename(path)}.partial-`)) await rm(join(dirname(path), n), { force: true });
  }
}
