import { createHash } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Queue } from 'bullmq';
import { planRun, type PlannedFile } from '../../corpus/plan.js';
import type { BatchConfig } from '../../corpus/run.js';
import {
  assemblyQueueName,
  chunkJobId,
  chunkQueueName,
  connectOnce,
  doneKey,
  PREFIX,
  QueueSetupError,
  readRun,
  runKey,
  runsKey,
  type AssemblyJob,
  type ChunkJob,
  type QueuePlace,
  type RunSpec,
} from './redis.js';

export interface SubmitConfig {
  place: QueuePlace;
  run: string;
  /** The output directory: the tree (or, with `batch.output`, the parts only). */
  out: string;
  /** The run as `batch` would take it; `outDir` is `out` unless one file (`output`) is wanted. */
  batch: BatchConfig;
  pieceBytes: number;
  attempts: number;
  backoffMs: number;
}

export interface Submitted {
  total: number;
  added: number;
  /** The run was complete in Redis already: nothing was added. */
  already: boolean;
}

/** Where a run keeps its parts until its output is assembled: hidden, so that a later run over the directory skips it. */
export const workDirOf = (out: string, run: string) => join(resolve(out), '.unmangle-queue', run);

/**
 * `queue submit`: plans the run, records it and enqueues one job per chunk with a job id made of the
 * run's name and the chunk's number, so that submitting again adds nothing that is queued or done.
 */
export async function submitRun(c: SubmitConfig, log: (line: string) => void): Promise<Submitted> {
  const client = await connectOnce(c.place);
  const chunks = new Queue<ChunkJob>(chunkQueueName(c.place), { connection: client, prefix: PREFIX });
  const assembly = new Queue<AssemblyJob>(assemblyQueueName(c.place), { connection: client, prefix: PREFIX });
  try {
    const settings = settingsOf(c);
    const key = runKey(c.place, c.run);
    const existing = await readRun(client, c.place, c.run);
    const plan = await planRun(c.batch, c.pieceBytes);
    const fingerprint = fingerprintOf(settings, plan.files);
    if (existing) {
      if (existing.spec.fingerprint !== fingerprint) throw new QueueSetupError(`run ${c.run} was submitted with ${difference(existing.spec, settings, plan.files)}; pick another --run name for these`);
      if (existing.completedAt !== null || existing.submitted) {
        log(`unmangle queue: run ${c.run} is ${existing.completedAt !== null ? 'complete' : 'submitted'} already (${existing.total} chunks); nothing added\n`);
        return { total: existing.total, added: 0, already: true };
      }
    }
    const workDir = workDirOf(c.out, c.run);
    await mkdir(join(workDir, 'parts'), { recursive: true });
    const spec: RunSpec = {
      name: c.run,
      fingerprint,
      settings,
      inputs: c.batch.inputs,
      outputs: { outDir: c.batch.outDir, output: c.batch.output, rejects: c.batch.rejects, summaryFile: c.batch.summaryFile },
      workDir,
      files: plan.files,
      chunkFiles: plan.chunks.map((ch) => ch.fileIndex),
      shard: c.batch.shard ? `${c.batch.shard.index}/${c.batch.shard.count}` : null,
      submittedAt: Date.now(),
    };
    const sizes = plan.chunks.map((ch) => (ch.piece.kind === 'range' ? ch.piece.end - ch.piece.start : (ch.file.size ?? 0)));
    // The name is claimed atomically: of two submits racing with different options, one is refused above next time.
    const claimed = await client.hsetnx(key, 'spec', JSON.stringify(spec));
    if (claimed === 1) await client.hset(key, 'total', plan.chunks.length, 'bytesTotal', sizes.reduce((a, b) => a + b, 0));
    else {
      const now = await readRun(client, c.place, c.run);
      if (now && now.spec.fingerprint !== fingerprint) throw new QueueSetupError(`run ${c.run} was just submitted with other inputs or options; pick another --run name`);
    }
    const done = new Set((await client.smembers(doneKey(c.place, c.run))).map(Number));
    const jobs = plan.chunks
      .filter((ch) => !done.has(ch.seq))
      .map((ch) => ({
        name: 'chunk',
        data: { run: c.run, partPath: join(workDir, 'parts', `${String(ch.seq).padStart(8, '0')}.part`), chunk: ch, bytes: sizes[ch.seq]! } satisfies ChunkJob,
        opts: { jobId: chunkJobId(c.run, ch.seq), attempts: c.attempts, backoff: { type: 'exponential', delay: c.backoffMs }, removeOnComplete: true, removeOnFail: false },
      }));
    for (let i = 0; i < jobs.length; i += 1000) await chunks.addBulk(jobs.slice(i, i + 1000));
    // The assembler follows the parts as they are done, so it is queued (in a queue of its own) from the start.
    await assembly.add('assemble', { run: c.run }, { jobId: c.run, attempts: c.attempts, backoff: { type: 'exponential', delay: c.backoffMs }, removeOnComplete: true, removeOnFail: false });
    await client.hset(key, 'submitted', '1');
    await client.sadd(runsKey(c.place), c.run);
    const mb = sizes.reduce((a, b) => a + b, 0) / 1e6;
    log(`unmangle queue: run ${c.run}: ${plan.chunks.length} chunks of ${plan.files.length} file${plan.files.length === 1 ? '' : 's'} (${mb.toFixed(1)} MB) in queue ${c.place.queue}; ${jobs.length} added\n`);
    return { total: plan.chunks.length, added: jobs.length, already: false };
  } finally {
    await chunks.close();
    await assembly.close();
    client.disconnect();
  }
}

/** Everything that decides a run's output; a second submit under the name must bring the same. */
function settingsOf(c: SubmitConfig): Record<string, unknown> {
  const b = c.batch;
  return {
    inputs: b.inputs,
    format: b.format,
    mode: b.mode,
    meta: b.meta,
    field: b.field,
    idField: b.idField,
    options: b.options,
    maxLineBytes: b.maxLineBytes,
    shard: b.shard,
    out: resolve(c.out),
    output: b.output,
    rejects: b.rejects,
    summary: b.summaryFile,
    chunkBytes: c.pieceBytes,
    chunkRecords: b.chunkRecords ?? null,
  };
}

function fingerprintOf(settings: Record<string, unknown>, files: readonly PlannedFile[]): string {
  const what = { settings, files: files.map((f) => [f.path, f.format, f.compression, f.size, f.mtimeMs]) };
  return createHash('sha256').update(JSON.stringify(what)).digest('hex').slice(0, 32);
}

/** Which setting differs, in words: the first one found. */
function difference(spec: RunSpec, settings: Record<string, unknown>, files: readonly PlannedFile[]): string {
  for (const [name, value] of Object.entries(settings)) {
    const before = spec.settings[name];
    if (JSON.stringify(before) !== JSON.stringify(value)) return `other ${name} (${JSON.stringify(before)}, now ${JSON.stringify(value)})`;
  }
  const changed = files.find((f, i) => {
    const was = spec.files[i];
    return !was || was.size !== f.size || was.mtimeMs !== f.mtimeMs;
  });
  return changed ? `another version of ${changed.source} (it changed since)` : 'other inputs';
}
