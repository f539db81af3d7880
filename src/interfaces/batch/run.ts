import { fstatSync } from 'node:fs';
import { Writable } from 'node:stream';
import type { FixOptions } from '../../repair/index.js';
import { expandInputs } from '../../corpus/inputs.js';
import { runCorpus, type BatchConfig } from '../../corpus/run.js';
import { LocalPool } from './pool.js';
import type { BatchSummary } from '../../corpus/summary.js';
import { Progress } from './progress.js';

export { BatchSetupError, type BatchConfig } from '../../corpus/run.js';
export { LocalPool } from './pool.js';

export interface BatchDriverConfig extends BatchConfig {
  /** Show the progress line on standard error. */
  progress: boolean;
  /** Least time between redraws of the progress line (tests draw it for every chunk). */
  progressMs?: number;
}

/**
 * `unmangle batch`: the corpus run on a local pool of worker threads, with a progress line. All
 * the work (reading, chunks, records, ordered output, journal, summary) is the corpus layer's.
 */
export async function runBatch(config: BatchDriverConfig, stdout: NodeJS.WritableStream, stderr: NodeJS.WriteStream, started?: LocalPool): Promise<BatchSummary> {
  // `started`: a pool the caller started before loading this module, so that the workers load theirs meanwhile.
  const pool = started ?? new LocalPool(config.workers);
  let progress: Progress | null = null;
  try {
    if (config.progress && !config.quiet) progress = new Progress(stderr, await totalBytes(config), config.progressMs);
    return await runCorpus(config, pool, progress && sameTerminal() ? clearingFirst(stdout, progress) : stdout, {
      progress: (records, read) => progress?.update(records, read),
      message: (line) => {
        progress?.finish();
        stderr.write(line);
      },
    });
  } finally {
    progress?.finish();
    await pool.destroy();
  }
}

/**
 * `unmangle fix` of a large plain UTF-8 file: the corpus run of its pieces (whole lines, about a
 * megabyte each) on the local pool, written to `stdout` as repaired text in order. Same engine, so
 * no document size limit and the batch's speed; a bad byte stops it with the file, line and column.
 */
export async function fixLargeFile(path: string, options: FixOptions, workers: number, stdout: NodeJS.WritableStream): Promise<void> {
  const pool = new LocalPool(workers);
  const config: BatchConfig = {
    inputs: [path],
    format: 'pieces',
    mode: 'fix',
    meta: 'none',
    field: 'text',
    idField: 'id',
    options,
    maxLineBytes: Number.MAX_SAFE_INTEGER,
    shard: null,
    strict: true,
    workers,
    unordered: false,
    output: null,
    outDir: null,
    rejects: null,
    summaryFile: null,
    resume: false,
    quiet: true,
  };
  try {
    // The summary and progress are the batch's; fix says nothing when all is well.
    await runCorpus(config, pool, stdout, { progress: () => undefined, message: () => undefined });
  } finally {
    await pool.destroy();
  }
}

/** The inputs' size on disk, for the percentage and ETA (progress counts the bytes read, compressed or not). */
async function totalBytes(config: BatchConfig): Promise<number | null> {
  const files = await expandInputs(config.inputs, config.format);
  return files.every((f) => f.size !== null) ? files.reduce((a, f) => a + (f.size ?? 0), 0) : null;
}

/** Standard output and standard error are one terminal: records written there would run into the progress line. */
function sameTerminal(): boolean {
  if (!process.stdout.isTTY || !process.stderr.isTTY) return false;
  try {
    return fstatSync(1).rdev === fstatSync(2).rdev;
  } catch {
    return false;
  }
}

/** The output, with the progress line cleared before each write so that records start on a clean line. */
function clearingFirst(stdout: NodeJS.WritableStream, progress: Progress): NodeJS.WritableStream {
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      progress.finish();
      stdout.write(chunk, (err) => done(err ?? null));
    },
  });
}
