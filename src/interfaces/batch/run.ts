import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Piscina } from 'piscina';
import type { FixOptions } from '../../repair/index.js';
import { InputError } from '../io/errors.js';
import { CHUNK_RECORDS, chunksOf, type Chunk } from './chunks.js';
import { compressionOf, expandInputs, type FormatChoice, type InputFile } from './inputs.js';
import { Journal, type Checkpoint, type RejectNote } from './journal.js';
import type { ByteCounter } from './open.js';
import { Progress } from './progress.js';
import type { Shard } from './shard.js';
import { FileSink, StreamSink, TreeSink, type Sink } from './sinks.js';
import { formatSummary, makeSummary, REJECT_NOTES_KEPT, type BatchSummary } from './summary.js';
import { addStats, emptyStats, type ChunkResult, type Mode, type TaskSettings } from './task.js';

export interface BatchConfig {
  inputs: string[];
  format: FormatChoice;
  mode: Mode;
  field: string;
  idField: string;
  options: FixOptions;
  maxLineBytes: number;
  shard: Shard | null;
  strict: boolean;
  workers: number;
  unordered: boolean;
  /** A file for the JSON lines (resumable), or null for standard output. */
  output: string | null;
  outDir: string | null;
  rejects: string | null;
  summaryFile: string | null;
  resume: boolean;
  quiet: boolean;
  progress: boolean;
  /** Chunks dispatched but not yet written; bounds memory. Default: 3 per worker, at least 4. */
  maxInFlight?: number;
  /** Records per chunk at most (tests use small chunks to exercise ordering and resume). */
  chunkRecords?: number;
  /** Least time between checkpoints. */
  checkpointMs?: number;
}

/** A setting that cannot work (a resume of a different run); the CLI reports it as a usage error. */
export class BatchSetupError extends Error {
  override readonly name = 'BatchSetupError';
}

/** Reject messages printed on stderr before the rest are only counted (and kept in --rejects). */
const REJECTS_PRINTED = 100;
const CHECKPOINT_EVERY_MS = 1000;

/**
 * Runs a batch: reads chunks of records, repairs them on a worker pool with a bounded number of
 * chunks in flight, writes the results in input order (or as they come with `unordered`), and
 * checkpoints the output so that a killed run can resume. Returns the summary; with `strict`, the
 * first bad record is thrown as an InputError after everything before it was written.
 */
export async function runBatch(config: BatchConfig, stdout: NodeJS.WritableStream, stderr: NodeJS.WriteStream): Promise<BatchSummary> {
  const started = Date.now();
  const files = await expandInputs(config.inputs, config.format);
  const fingerprint = fingerprintOf(config, files);
  const journalPath = config.output ? `${config.output}.journal` : config.outDir ? join(config.outDir, '.unmangle-journal') : null;
  const checkpoint = config.resume && journalPath ? await Journal.last(journalPath) : null;
  if (checkpoint && checkpoint.fingerprint !== fingerprint) {
    throw new BatchSetupError(`cannot resume: ${journalPath} belongs to a run with other inputs or options`);
  }
  const stats = checkpoint ? structuredClone(checkpoint.stats) : emptyStats();
  let warcSkipped = checkpoint?.warcSkipped ?? 0;
  const rejectNotes: RejectNote[] = checkpoint ? [...checkpoint.rejectNotes] : [];
  const counter: ByteCounter = { bytes: 0 };
  const summarize = (): BatchSummary =>
    makeSummary(stats, {
      bytesRead: counter.bytes,
      seconds: (Date.now() - started) / 1000,
      workers: config.workers,
      shard: config.shard ? `${config.shard.index}/${config.shard.count}` : null,
      resumed: checkpoint !== null,
      rejects: rejectNotes,
      warcSkipped,
    });
  if (checkpoint?.done) return finish(summarize());
  if (config.outDir) {
    const seen = new Map<string, string>();
    for (const file of files) {
      if (file.unreadable !== undefined) continue;
      const name = outputName(file);
      const other = seen.get(name);
      if (other !== undefined) throw new BatchSetupError(`--out-dir: ${other} and ${file.source} would both be written to ${name}`);
      seen.set(name, file.source);
    }
    await mkdir(config.outDir, { recursive: true });
  }

  const sink: Sink = config.output
    ? await FileSink.open(config.output, checkpoint?.outBytes ?? null)
    : config.outDir
      ? new TreeSink(config.outDir, files, outputName)
      : new StreamSink(stdout);
  const rejectsSink = config.rejects ? await FileSink.open(config.rejects, checkpoint?.rejectsBytes ?? null) : null;
  const journal = journalPath ? await Journal.create(journalPath, checkpoint !== null) : null;
  const totalBytes = files.every((f) => f.size !== null) ? files.reduce((a, f) => a + (f.size ?? 0), 0) : null;
  const progress = config.progress && !config.quiet ? new Progress(stderr, totalBytes) : null;
  const pool = new Piscina({
    filename: new URL('./worker.js', import.meta.url).href,
    minThreads: config.workers,
    maxThreads: config.workers,
    idleTimeout: 60_000,
    // A worker holds its next chunk while it repairs one: otherwise it idled for each round trip through
    // the main thread (about 0.8 ms per chunk, 3% of the run). Chunks still run one at a time.
    concurrentTasksPerWorker: 2,
  });

  const maxInFlight = config.maxInFlight ?? Math.max(4, config.workers * 3);
  let inFlight = 0;
  const waiters: Array<() => void> = [];
  const release = () => {
    inFlight--;
    waiters.shift()?.();
  };
  let failure: unknown = null;
  const fail = (err: unknown) => {
    failure ??= err;
    for (const wake of waiters.splice(0)) wake();
  };
  let lastCheckpoint = Date.now();
  let printed = 0;

  const emit = async (chunk: Chunk, result: ChunkResult): Promise<void> => {
    await sink.write(chunk, result.out, result.stats.out > 0);
    for (const reject of result.rejects) {
      if (rejectsSink && reject.bytes) await rejectsSink.write(null, Buffer.concat([reject.bytes, Buffer.from('\n')]));
      if (rejectNotes.length < REJECT_NOTES_KEPT) rejectNotes.push({ where: reject.where, problem: reject.problem });
      if (!config.quiet && !config.strict && printed < REJECTS_PRINTED) {
        progress?.finish();
        stderr.write(`unmangle: ${reject.where}: ${reject.problem} (rejected)\n`);
        if (++printed === REJECTS_PRINTED) stderr.write(`unmangle: further rejects are counted but not printed${config.rejects ? `; see ${config.rejects}` : ''}\n`);
      }
    }
    addStats(stats, result.stats);
    warcSkipped += chunk.warcSkipped;
    progress?.update(stats.in + stats.otherShards, counter.bytes);
    if (result.stopped) {
      const first = result.rejects[0]!;
      throw new InputError(first.where, first.problem);
    }
    if (journal && sink.canCheckpointAfter(chunk) && (chunk.endOfFile || Date.now() - lastCheckpoint >= (config.checkpointMs ?? CHECKPOINT_EVERY_MS))) {
      await writeCheckpoint(chunk, false);
      lastCheckpoint = Date.now();
    }
  };

  const writeCheckpoint = async (chunk: Chunk | null, done: boolean) => {
    const outBytes = await sink.commit();
    const rejectsBytes = rejectsSink ? await rejectsSink.commit() : 0;
    const at = chunk ? { file: chunk.fileIndex, n: chunk.lastN, fileDone: chunk.endOfFile } : { file: files.length, n: 0, fileDone: true };
    const cp: Checkpoint = { fingerprint, ...at, outBytes, rejectsBytes, stats, warcSkipped, rejectNotes, done };
    await journal!.write(cp);
  };

  // Results wait here until every earlier chunk is written; writes form one chain.
  const ready = new Map<number, { chunk: Chunk; result: ChunkResult }>();
  let nextToWrite = 0;
  let writing = Promise.resolve();
  const write = (chunk: Chunk, result: ChunkResult) => {
    writing = writing.then(async () => {
      if (failure) return;
      try {
        await emit(chunk, result);
      } catch (err) {
        fail(err);
      }
      release();
    });
  };
  const onResult = (seq: number, chunk: Chunk, result: ChunkResult) => {
    if (config.unordered) return write(chunk, result);
    ready.set(seq, { chunk, result });
    while (ready.has(nextToWrite)) {
      const next = ready.get(nextToWrite)!;
      ready.delete(nextToWrite++);
      write(next.chunk, next.result);
    }
  };

  const running = new Set<Promise<void>>();
  let seq = 0;
  const startFile = checkpoint ? (checkpoint.fileDone ? checkpoint.file + 1 : checkpoint.file) : 0;
  try {
    outer: for (let fileIndex = startFile; fileIndex < files.length; fileIndex++) {
      const file = files[fileIndex]!;
      const skip = checkpoint && !checkpoint.fileDone && fileIndex === checkpoint.file ? checkpoint.n : 0;
      const settings = settingsFor(config, file);
      for await (const chunk of chunksOf(file, fileIndex, skip, counter, config.chunkRecords ?? CHUNK_RECORDS)) {
        while (inFlight >= maxInFlight && !failure) await new Promise<void>((wake) => waiters.push(wake));
        if (failure) break outer;
        inFlight++;
        const mySeq = seq++;
        // The bytes move to the worker instead of being copied; a view into a shared pool is copied first.
        const bytes = chunk.ownsBytes ? chunk.body.bytes : ownBuffer(chunk.body.bytes);
        const task = { ...chunk.body, bytes, seq: mySeq, settings };
        chunk.body.bytes = new Uint8Array(0);
        const job: Promise<void> = pool.run(task, { transferList: [bytes.buffer as ArrayBuffer] }).then(
          (result: ChunkResult) => onResult(mySeq, chunk, result),
          (err: unknown) => fail(err),
        );
        running.add(job);
        void job.finally(() => running.delete(job));
      }
    }
    await Promise.all([...running]);
    await writing;
    if (failure) {
      // A --strict stop still accounts for what was done before the bad record.
      if (failure instanceof InputError) await finish(summarize());
      throw failure;
    }
    if (journal) await writeCheckpoint(null, true);
    else await sink.commit();
  } finally {
    progress?.finish();
    await Promise.allSettled([...running]);
    await writing;
    await sink.close().catch(() => undefined);
    await rejectsSink?.close().catch(() => undefined);
    await journal?.close().catch(() => undefined);
    await pool.destroy();
  }
  return finish(summarize());

  async function finish(summary: BatchSummary): Promise<BatchSummary> {
    if (config.summaryFile) await writeFile(config.summaryFile, JSON.stringify(summary, null, 2) + '\n');
    stderr.write(formatSummary(summary));
    return summary;
  }
}

function ownBuffer(bytes: Uint8Array): Uint8Array {
  if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && !(bytes.buffer instanceof SharedArrayBuffer)) return bytes;
  return new Uint8Array(bytes);
}

/** Under `--out-dir`, text stays text and everything else becomes JSON lines. */
function settingsFor(config: BatchConfig, file: InputFile): TaskSettings {
  const raw = config.outDir !== null && (file.format === 'text' || file.format === 'lines');
  return {
    mode: config.mode,
    field: config.field,
    idField: config.idField,
    options: config.options,
    maxLineBytes: config.maxLineBytes,
    shard: config.shard,
    strict: config.strict,
    output: raw ? 'raw' : 'jsonl',
  };
}

/** The output's relative path under `--out-dir`: compression suffixes dropped, WARC as `.jsonl`. */
function outputName(file: InputFile): string {
  const { inner } = compressionOf(file.relative);
  return file.format === 'warc' ? `${inner}.jsonl` : inner;
}

/** What must not change between a run and its resume. */
function fingerprintOf(config: BatchConfig, files: readonly InputFile[]): string {
  const what = {
    files: files.map((f) => [f.path, f.format, f.compression]),
    mode: config.mode,
    field: config.field,
    idField: config.idField,
    options: config.options,
    maxLineBytes: config.maxLineBytes,
    shard: config.shard,
    outDir: config.outDir !== null,
  };
  return createHash('sha256').update(JSON.stringify(what)).digest('hex').slice(0, 32);
}
