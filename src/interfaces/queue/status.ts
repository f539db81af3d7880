import { Queue, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { formatSummary, type BatchSummary } from '../../corpus/summary.js';
import type { ChunkJob, QueuePlace, RunState } from './redis.js';
import { assemblyQueueName, chunkQueueName, connectOnce, doneKey, PREFIX, QueueSetupError, readRun } from './redis.js';

export interface FailedChunk {
  /** The chunk's number, or `assembly` for the run's assembly. */
  chunk: number | 'assembly';
  where: string;
  error: string;
  attempts: number;
}

/** A run's progress as `status --json` prints it. */
export interface RunStatus {
  run: string;
  state: 'running' | 'completed' | 'failed';
  chunks: { total: number; waiting: number; active: number; retrying: number; done: number; failed: number };
  records: number;
  bytes: { done: number; total: number };
  /** Input bytes per second since the first chunk started. */
  bytesPerSecond: number | null;
  etaSeconds: number | null;
  failed: FailedChunk[];
  summary: BatchSummary | null;
}

export async function runStatus(client: Redis, place: QueuePlace, run: string): Promise<RunStatus> {
  const state = await readRun(client, place, run);
  if (!state) throw new QueueSetupError(`no run ${run} in queue ${place.queue} at ${place.redis}`);
  const chunks = new Queue<ChunkJob>(chunkQueueName(place), { connection: client, prefix: PREFIX });
  const assembly = new Queue(assemblyQueueName(place), { connection: client, prefix: PREFIX });
  try {
    const mine = (jobs: Job[]) => jobs.filter((j) => j?.id?.startsWith(`${run}.`));
    const [active, delayed, failedJobs, done] = await Promise.all([
      chunks.getActive().then(mine),
      chunks.getDelayed().then(mine),
      chunks.getFailed().then(mine),
      client.scard(doneKey(place, run)),
    ]);
    const assemblyJob = await assembly.getJob(run);
    const failed: FailedChunk[] = failedJobs.map((j) => ({ chunk: (j.data as ChunkJob).chunk.seq, where: whereOf(j.data as ChunkJob), error: j.failedReason, attempts: j.attemptsMade }));
    failed.sort((a, b) => Number(a.chunk) - Number(b.chunk));
    if (assemblyJob && (await assemblyJob.getState()) === 'failed' && failed.length === 0) {
      failed.push({ chunk: 'assembly', where: state.spec.outputs.output ?? state.spec.outputs.outDir ?? '', error: assemblyJob.failedReason, attempts: assemblyJob.attemptsMade });
    }
    const waiting = Math.max(0, state.total - done - active.length - delayed.length - failedJobs.length);
    return summarise(run, state, { waiting, active: active.length, retrying: delayed.length, done, failed: failedJobs.length }, failed);
  } finally {
    await chunks.close();
    await assembly.close();
  }
}

function summarise(run: string, state: RunState, counts: Omit<RunStatus['chunks'], 'total'>, failed: FailedChunk[]): RunStatus {
  const end = state.completedAt ?? Date.now();
  const seconds = state.startedAt !== null ? (end - state.startedAt) / 1000 : 0;
  const rate = seconds > 0 ? state.bytesDone / seconds : null;
  const left = state.bytesTotal - state.bytesDone;
  const pending = counts.waiting + counts.active + counts.retrying > 0;
  return {
    run,
    state: state.completedAt !== null ? 'completed' : !pending && failed.length > 0 ? 'failed' : 'running',
    chunks: { total: state.total, ...counts },
    records: state.summary?.records.in ?? state.recordsDone,
    bytes: { done: state.bytesDone, total: state.bytesTotal },
    bytesPerSecond: rate,
    etaSeconds: state.completedAt !== null ? 0 : rate && rate > 0 ? left / rate : null,
    failed,
    summary: state.summary,
  };
}

function whereOf(job: ChunkJob): string {
  const p = job.chunk.piece;
  return p.kind === 'range' ? `${job.chunk.file.source}:${p.firstN}-${p.firstN + p.lines - 1}` : job.chunk.file.source;
}

const n = (x: number) => x.toLocaleString('en-US');

/** The status for people: counts, progress and rate, each failure with its reason, and the summary at the end. */
export function formatStatus(s: RunStatus): string {
  const c = s.chunks;
  const lines = [
    `run ${s.run}: ${s.state}; chunks ${n(c.done)}/${n(c.total)} done, ${n(c.active)} active, ${n(c.waiting)} waiting, ${n(c.retrying)} retrying, ${n(c.failed)} failed`,
    `  ${n(s.records)} records, ${(s.bytes.done / 1e6).toFixed(1)} of ${(s.bytes.total / 1e6).toFixed(1)} MB` +
      (s.bytesPerSecond !== null ? `, ${(s.bytesPerSecond / 1e6).toFixed(1)} MB/s` : '') +
      (s.etaSeconds !== null && s.state === 'running' ? `, about ${formatSeconds(s.etaSeconds)} left` : ''),
  ];
  for (const f of s.failed) lines.push(`  failed: ${f.chunk === 'assembly' ? 'assembly' : `chunk ${f.chunk}`} (${f.where}) after ${f.attempts} attempt${f.attempts === 1 ? '' : 's'}: ${f.error}`);
  if (s.state === 'failed') lines.push(`  run \`unmangle queue retry --run ${s.run}\` to put the failed chunks back into the queue`);
  let out = lines.join('\n') + '\n';
  if (s.summary) out += formatSummary(s.summary, 'unmangle queue');
  return out;
}

function formatSeconds(s: number): string {
  if (s < 90) return `${Math.ceil(s)} s`;
  if (s < 5400) return `${Math.round(s / 60)} min`;
  return `${(s / 3600).toFixed(1)} h`;
}

/** One line that redraws itself on a terminal. */
export function progressBar(s: RunStatus, width = 30): string {
  const share = s.bytes.total > 0 ? s.bytes.done / s.bytes.total : s.chunks.total > 0 ? s.chunks.done / s.chunks.total : 1;
  const full = Math.round(share * width);
  const eta = s.etaSeconds !== null && s.state === 'running' ? `, ${formatSeconds(s.etaSeconds)} left` : '';
  const rate = s.bytesPerSecond !== null ? `, ${(s.bytesPerSecond / 1e6).toFixed(1)} MB/s` : '';
  return `[${'#'.repeat(full)}${'.'.repeat(width - full)}] ${(share * 100).toFixed(0)}% ${n(s.chunks.done)}/${n(s.chunks.total)} chunks, ${n(s.records)} records${rate}${eta}${s.chunks.failed ? `, ${s.chunks.failed} failed` : ''}`;
}

export interface StatusConfig {
  place: QueuePlace;
  run: string;
  wait: boolean;
  json: boolean;
  intervalMs?: number;
}

/** `queue status`: once, or (`--wait`) until the run completed (exit 0) or has chunks failed for good (exit 1). */
export async function status(c: StatusConfig, out: NodeJS.WriteStream | NodeJS.WritableStream, err: NodeJS.WriteStream): Promise<number> {
  const client = await connectOnce(c.place);
  try {
    let s = await runStatus(client, c.place, c.run);
    if (c.wait) {
      const tty = err.isTTY === true && !c.json;
      while (s.state === 'running') {
        if (tty) err.write(`\r\x1b[K${progressBar(s, Math.max(10, Math.min(40, (err.columns ?? 80) - 70)))}`);
        await new Promise((r) => setTimeout(r, c.intervalMs ?? 500));
        s = await runStatus(client, c.place, c.run);
      }
      if (tty) err.write('\r\x1b[K');
    }
    out.write(c.json ? JSON.stringify(s) + '\n' : formatStatus(s));
    return c.wait ? (s.state === 'completed' ? 0 : 1) : 0;
  } finally {
    client.disconnect();
  }
}

/** `queue retry`: the run's failed chunks (and its assembly, if it gave up) back into the queue, their attempts anew. */
export async function retry(place: QueuePlace, run: string, log: (line: string) => void): Promise<number> {
  const client = await connectOnce(place);
  const chunks = new Queue<ChunkJob>(chunkQueueName(place), { connection: client, prefix: PREFIX });
  const assembly = new Queue(assemblyQueueName(place), { connection: client, prefix: PREFIX });
  try {
    const state = await readRun(client, place, run);
    if (!state) throw new QueueSetupError(`no run ${run} in queue ${place.queue} at ${place.redis}`);
    const failed = (await chunks.getFailed()).filter((j) => j?.id?.startsWith(`${run}.`));
    for (const job of failed) await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
    const assemblyJob = await assembly.getJob(run);
    let assemblyBack = false;
    if (assemblyJob && (await assemblyJob.getState()) === 'failed') {
      await assemblyJob.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
      assemblyBack = true;
    } else if (!assemblyJob && state.completedAt === null) {
      // An assembly that was removed (never kept when done) is queued anew.
      await assembly.add('assemble', { run }, { jobId: run, attempts: 3, backoff: { type: 'exponential', delay: 1000 }, removeOnComplete: true, removeOnFail: false });
      assemblyBack = true;
    }
    log(`unmangle queue: run ${run}: ${failed.length} failed chunk${failed.length === 1 ? '' : 's'} back in the queue${assemblyBack ? ', and its assembly' : ''}\n`);
    return failed.length;
  } finally {
    await chunks.close();
    await assembly.close();
    client.disconnect();
  }
}
