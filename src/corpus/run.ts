import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { FixOptions } from '../repair/index.js';
import { InputError } from './io/errors.js';
import { CHUNK_RECORDS, chunksOf, type Chunk } from './chunks.js';
import { compressionOf, expandInputs, type FormatChoice, type InputFile } from './inputs.js';
import { outputName } from './outputName.js';
import { Journal, type Checkpoint, type RejectNote } from './journal.js';
import type { ByteCounter } from './open.js';
import type { Shard } from './shard.js';
import { FileSink, StreamSink, TreeSink, type Sink } from './sinks.js';
import { formatSummary, makeSummary, REJECT_NOTES_KEPT, type BatchSummary } from './summary.js';
import { addStats, emptyStats, type ChunkResult, type ChunkTask, type MetaLevel, type Mode, type TaskSettings } from './chunk.js';

export interface BatchConfig {
  inputs: string[];
  format: FormatChoice;
  mode: Mode;
  /** What each output record carries under `unmangle` (default `full`). */
  meta: MetaLevel;
  field: string;
  idField: string;
  options: FixOptions;
  maxLineBytes: number;
  shard: Shard | null;
  strict: boolean;
  /** Shown in the summary: how many threads (or machines) processed chunks. */
  workers: number;
  unordered: boolean;
  /** A file for the JSON lines (resumable), or null for standard output. */
  output: string | null;
  outDir: string | null;
  rejects: string | null;
  summaryFile: string | null;
  resume: boolean;
  quiet: boolean;
  /** Records per chunk at most (tests use small chunks to exercise ordering and resume). */
  chunkRecords?: number;
  /** Least time between checkpoints. */
  checkpointMs?: number;
}

/** A setting that cannot work (a resume of a different run); the CLI reports it as a usage error. */
export class BatchSetupError extends Error {
  override readonly name = 'BatchSetupError';
}

/**
 * Whoever processes chunks: the local pool of threads, a queue of machines, or this thread. `run`
 * resolves with the chunk processor's result for that chunk; `concurrency` is how many chunks it
 * wants at once (memory stays bounded by it: nothing else is read ahead).
 */
export interface ChunkRunner {
  run(task: ChunkTask): Promise<ChunkResult>;
  readonly concurrency: number;
  /**
   * A chunk's output buffer, written out and no longer needed, for a later chunk to be written into:
   * fresh memory costs a page fault per 4 KB on first touch, a sixth of a clean run's time.
   */
  recycle?(buffer: ArrayBuffer): void;
}

/** What the driver shows its user: progress, messages (rejects, the summary). */
export interface RunReport {
  progress(records: number, bytesRead: number, decompressed: number): void;
  message(line: string): void;
}

/** Reject messages printed before the rest are only counted (and kept in --rejects). */
const REJECTS_PRINTED = 100;
const CHECKPOINT_EVERY_MS = 1000;

/**
 * One corpus run, top to bottom: read the inputs → cut them into chunks → process the chunks with
 * the runner, several at once → write the results in input order (as they come with `unordered`),
 * checkpointing the output so that a killed run can resume. Returns the summary; with `strict`, the
 * first bad record is thrown as an InputError after everything before it was written.
 */
export async function runCorpus(config: BatchConfig, runner: ChunkRunner, stdout: NodeJS.WritableStream, report: RunReport): Promise<BatchSummary> {
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
  const counter: ByteCounter = { bytes: 0, decompressed: 0 };
  const summarize = (): BatchSummary =>
    makeSummary(stats, {
      bytesRead: counter.bytes,
      bytesDecompressed: counter.decompressed,
      seconds: (Date.now() - started) / 1000,
      workers: config.workers,
      shard: config.shard ? `${config.shard.index}/${config.shard.count}` : null,
      resumed: checkpoint !== null,
      rejects: rejectNotes,
      warcSkipped,
    });
  const finish = async (summary: BatchSummary): Promise<BatchSummary> => {
    if (config.summaryFile) await writeFile(config.summaryFile, JSON.stringify(summary, null, 2) + '\n');
    report.message(formatSummary(summary, 'unmangle batch'));
    return summary;
  };
  if (checkpoint?.done) return finish(summarize());
  if (config.outDir) {
    checkOutDirNames(files);
    await mkdir(config.outDir, { recursive: true });
  }

  const sink: Sink = config.output
    ? await FileSink.open(config.output, checkpoint?.outBytes ?? null)
    : config.outDir
      ? new TreeSink(config.outDir, files, outputName)
      : new StreamSink(stdout);
  const rejectsSink = config.rejects ? await FileSink.open(config.rejects, checkpoint?.rejectsBytes ?? null) : null;
  // A journal is kept only where the output can be truncated back to it: a regular file or a tree.
  const journal = journalPath && sink.resumable ? await Journal.create(journalPath, checkpoint !== null) : null;

  let lastCheckpoint = Date.now();
  let printed = 0;
  const writeCheckpoint = async (chunk: Chunk | null, done: boolean) => {
    const outBytes = await sink.commit();
    const rejectsBytes = rejectsSink ? await rejectsSink.commit() : 0;
    const at = chunk ? { file: chunk.fileIndex, n: chunk.lastN, fileDone: chunk.endOfFile } : { file: files.length, n: 0, fileDone: true };
    const cp: Checkpoint = { fingerprint, ...at, outBytes, rejectsBytes, stats, warcSkipped, rejectNotes, done };
    await journal!.write(cp);
  };
  const emit = async (chunk: Chunk, result: ChunkResult): Promise<void> => {
    await sink.write(chunk, result.out, result.stats.out > 0);
    if (sink.releasesWrites && runner.recycle && result.out.buffer instanceof ArrayBuffer) runner.recycle(result.out.buffer);
    for (const reject of result.rejects) {
      if (rejectsSink && reject.bytes) await rejectsSink.write(null, Buffer.concat([reject.bytes, NEWLINE]));
      if (rejectNotes.length < REJECT_NOTES_KEPT) rejectNotes.push({ where: reject.where, problem: reject.problem });
      if (!config.quiet && !config.strict && printed < REJECTS_PRINTED) {
        report.message(`unmangle: ${reject.where}: ${reject.problem} (rejected)\n`);
        if (++printed === REJECTS_PRINTED) report.message(`unmangle: further rejects are counted but not printed${config.rejects ? `; see ${config.rejects}` : ''}\n`);
      }
    }
    addStats(stats, result.stats);
    warcSkipped += chunk.warcSkipped;
    report.progress(stats.in + stats.otherShards, counter.bytes, counter.decompressed);
    if (result.stopped) {
      const first = result.rejects[0]!;
      throw new InputError(first.where, first.problem);
    }
    if (journal && sink.canCheckpointAfter(chunk) && (chunk.endOfFile || Date.now() - lastCheckpoint >= (config.checkpointMs ?? CHECKPOINT_EVERY_MS))) {
      await writeCheckpoint(chunk, false);
      lastCheckpoint = Date.now();
    }
  };

  // A failed chunk is carried to the writer as a value: a rejection inside the stream would leave
  // the other chunks' promises unobserved.
  const processed = async (chunk: Chunk): Promise<Processed> => {
    try {
      return { chunk, result: await runner.run(toTask(chunk, config, files)) };
    } catch (error) {
      return { chunk, result: null, error };
    }
  };
  const chunks = Readable.from(chunksOfRun(files, checkpoint, counter, config.chunkRecords ?? CHUNK_RECORDS));
  const results = config.unordered ? asCompleted(chunks, processed, runner.concurrency) : chunks.map(processed, { concurrency: runner.concurrency });
  try {
    try {
      for await (const { chunk, result, error } of results as AsyncIterable<Processed>) {
        if (!result) throw error;
        await emit(chunk, result);
      }
    } catch (failure) {
      chunks.destroy();
      // A --strict stop still accounts for what was done before the bad record.
      if (failure instanceof InputError) await finish(summarize());
      throw failure;
    }
    if (journal) await writeCheckpoint(null, true);
    else await sink.commit();
  } finally {
    await sink.close().catch(() => undefined);
    await rejectsSink?.close().catch(() => undefined);
    await journal?.close().catch(() => undefined);
  }
  return finish(summarize());
}

interface Processed {
  chunk: Chunk;
  result: ChunkResult | null;
  error?: unknown;
}

const NEWLINE = Buffer.from('\n');

/** Every chunk of the run, file after file, from where a resumed run stopped. */
async function* chunksOfRun(files: readonly InputFile[], checkpoint: Checkpoint | null, counter: ByteCounter, chunkRecords: number): AsyncGenerator<Chunk> {
  const startFile = checkpoint ? (checkpoint.fileDone ? checkpoint.file + 1 : checkpoint.file) : 0;
  for (let fileIndex = startFile; fileIndex < files.length; fileIndex++) {
    const skip = checkpoint && !checkpoint.fileDone && fileIndex === checkpoint.file ? checkpoint.n : 0;
    yield* chunksOf(files[fileIndex]!, fileIndex, skip, counter, chunkRecords);
  }
}

let seq = 0;

/** The chunk as the processor takes it: its bytes move with it (a view into a shared pool is copied first). */
function toTask(chunk: Chunk, config: BatchConfig, files: readonly InputFile[]): ChunkTask {
  const bytes = chunk.ownsBytes ? chunk.body.bytes : ownBuffer(chunk.body.bytes);
  chunk.body.bytes = EMPTY;
  return { ...chunk.body, bytes, seq: seq++, settings: settingsFor(config, files[chunk.fileIndex]!) };
}

const EMPTY = new Uint8Array(0);

/**
 * `--unordered`: results as they complete, at most `concurrency` at once. Node's `map` keeps input
 * order, which is the point of the ordered run and exactly what this option gives up.
 */
async function* asCompleted<T, R>(source: AsyncIterable<T>, fn: (item: T) => Promise<R>, concurrency: number): AsyncGenerator<R> {
  const running = new Map<number, Promise<{ key: number; value: R }>>();
  let key = 0;
  for await (const item of source) {
    const k = key++;
    running.set(k, fn(item).then((value) => ({ key: k, value })));
    if (running.size >= concurrency) {
      const done = await Promise.race(running.values());
      running.delete(done.key);
      yield done.value;
    }
  }
  while (running.size > 0) {
    const done = await Promise.race(running.values());
    running.delete(done.key);
    yield done.value;
  }
}

export function checkOutDirNames(files: readonly InputFile[]): void {
  const seen = new Map<string, string>();
  for (const file of files) {
    if (file.unreadable !== undefined) continue;
    const name = outputName(file);
    const other = seen.get(name);
    if (other !== undefined) throw new BatchSetupError(`--out-dir: ${other} and ${file.source} would both be written to ${name}`);
    seen.set(name, file.source);
  }
}

function ownBuffer(bytes: Uint8Array): Uint8Array {
  if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && !(bytes.buffer instanceof SharedArrayBuffer)) return bytes;
  return new Uint8Array(bytes);
}

/** Under `--out-dir`, text stays text and everything else becomes JSON lines. */
export function settingsFor(config: BatchConfig, file: InputFile): TaskSettings {
  const raw = (config.outDir !== null && (file.format === 'text' || file.format === 'lines')) || file.format === 'pieces';
  return { ...recordSettings(config), strict: config.strict, output: raw ? 'raw' : 'jsonl' };
}

/** What says how records are read and repaired: the chunks' settings, and part of a run's fingerprint (in this key order). */
function recordSettings(config: BatchConfig): Pick<TaskSettings, 'mode' | 'meta' | 'field' | 'idField' | 'options' | 'maxLineBytes' | 'shard'> {
  return {
    mode: config.mode,
    meta: config.meta,
    field: config.field,
    idField: config.idField,
    options: config.options,
    maxLineBytes: config.maxLineBytes,
    shard: config.shard,
  };
}

/** The output's relative path under `--out-dir`: compression suffixes dropped, WARC as `.jsonl`. */
export { outputName };

/** What must not change between a run and its resume. */
function fingerprintOf(config: BatchConfig, files: readonly InputFile[]): string {
  const what = {
    files: files.map((f) => [f.path, f.format, f.compression]),
    ...recordSettings(config),
    outDir: config.outDir !== null,
  };
  return createHash('sha256').update(JSON.stringify(what)).digest('hex').slice(0, 32);
}
