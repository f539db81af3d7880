import { randomBytes } from 'node:crypto';
import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import { threadId } from 'node:worker_threads';
import { InputError } from './io/errors.js';
import { CHUNK_BYTES, chunksOf } from './chunks.js';
import { BlockSplitter } from './lineBlocks.js';
import type { ByteCounter } from './open.js';
import { checkUnchanged, type DescribedChunk } from './plan.js';
import { processChunk } from './processChunk.js';
import { REJECT_NOTES_KEPT } from './summary.js';
import type { RejectNote } from './journal.js';
import { addStats, emptyStats, type ChunkStats, type ChunkTask } from './chunk.js';
import { MARK, readPart, TRAILER, type PartMeta } from './partFiles.js';

export { readPart, readPartMeta, type PartMeta } from './partFiles.js';

/**
 * A part is the finished output of one described chunk, as one file: the output records, then the
 * rejected records (verbatim, one per line, as `--rejects` holds them), then this account of them
 * as JSON, its length and a mark. It is written under a temporary name, flushed and renamed into
 * place, so that a part either is complete or is not there, and a chunk done twice leaves one.
 */


/** The processor's tasks for a described chunk, read from the file it names. */
export async function* tasksOf(chunk: DescribedChunk, counter: ByteCounter): AsyncGenerator<{ task: ChunkTask; warcSkipped: number }> {
  const { file, piece, settings } = chunk;
  const base = { format: file.format, source: file.source, shardName: file.relative, settings };
  if (piece.kind === 'file') {
    for await (const c of chunksOf(file, chunk.fileIndex, 0, counter, chunk.chunkRecords)) {
      yield { task: { ...c.body, seq: chunk.seq, settings }, warcSkipped: c.warcSkipped };
    }
    return;
  }
  const bytes = await readRange(file.path, file.source, piece.start, piece.end);
  counter.bytes += bytes.length;
  counter.decompressed += bytes.length;
  const splitter = new BlockSplitter(chunk.chunkRecords, 0);
  let lines = 0;
  // Cut at line breaks about every CHUNK_BYTES, as the local run reads; the output does not depend on where.
  for (let from = 0; from < bytes.length; ) {
    const nl = from + CHUNK_BYTES >= bytes.length ? -1 : bytes.indexOf(0x0a, from + CHUNK_BYTES - 1);
    const to = nl < 0 ? bytes.length : nl + 1;
    for (const block of splitter.blocks(bytes.subarray(from, to), false)) {
      lines += block.lines;
      const task: ChunkTask = { ...base, seq: chunk.seq, bytes: block.bytes, lengths: [], firstN: piece.firstN + block.firstN - 1, lineCount: block.lines };
      yield { task, warcSkipped: 0 };
    }
    from = to;
  }
  if (lines !== piece.lines) throw new InputError(file.source, `bytes ${piece.start}–${piece.end} no longer hold the ${piece.lines} lines planned; the file changed since the run was submitted`);
}

async function readRange(path: string, source: string, start: number, end: number): Promise<Buffer> {
  const buf = Buffer.allocUnsafeSlow(end - start);
  const handle = await open(path, 'r');
  try {
    let done = 0;
    while (done < buf.length) {
      const { bytesRead } = await handle.read(buf, done, buf.length - done, start + done);
      if (bytesRead === 0) throw new InputError(source, `ends before byte ${end}; the file changed since the run was submitted`);
      done += bytesRead;
    }
    return buf;
  } finally {
    await handle.close();
  }
}

/**
 * Processes a described chunk with the chunk processor and writes its part to `path`. Throws when the
 * input cannot be read as planned (the chunk fails and can be retried); bad records are rejects.
 */
export async function writePart(chunk: DescribedChunk, path: string): Promise<PartMeta> {
  await checkUnchanged(chunk.file);
  const token = `${process.pid}.${threadId}.${randomBytes(4).toString('hex')}`;
  const tmp = `${path}.${token}.tmp`;
  const rejectsTmp = `${path}.${token}.rejects.tmp`;
  const out = await Appender.open(tmp);
  // Rejects go to a file of their own while the chunk is processed, and after the records at the end.
  const side: { rejects: Appender | null } = { rejects: null };
  const meta: PartMeta = { seq: chunk.seq, outBytes: 0, rejectsBytes: 0, stats: emptyStats(), notes: [], warcSkipped: 0, bytesRead: 0, bytesDecompressed: 0 };
  const counter: ByteCounter = { bytes: 0, decompressed: 0 };
  try {
    for await (const { task, warcSkipped } of tasksOf(chunk, counter)) {
      const result = await processChunk(task);
      // Written while the next task is repaired: the file system works beside the processor.
      out.append(result.out);
      meta.outBytes += result.out.byteLength;
      for (const reject of result.rejects) {
        if (meta.notes.length < REJECT_NOTES_KEPT) meta.notes.push({ where: reject.where, problem: reject.problem });
        if (!reject.bytes) continue;
        side.rejects ??= await Appender.open(rejectsTmp);
        side.rejects.append(reject.bytes);
        side.rejects.append(NEWLINE);
        meta.rejectsBytes += reject.bytes.byteLength + 1;
      }
      addStats(meta.stats, result.stats);
      meta.warcSkipped += warcSkipped;
      await out.room();
      await side.rejects?.room();
    }
    if (side.rejects) {
      await side.rejects.close();
      await copyInto(rejectsTmp, out);
    }
    meta.bytesRead = counter.bytes;
    meta.bytesDecompressed = counter.decompressed;
    const json = Buffer.from(JSON.stringify(meta));
    const trailer = Buffer.alloc(TRAILER);
    trailer.writeUInt32BE(json.length, 0);
    MARK.copy(trailer, 4);
    out.append(json);
    out.append(trailer);
    await out.finish();
    await rename(tmp, path);
    return meta;
  } finally {
    await out.close();
    await side.rejects?.close();
    await rm(tmp, { force: true });
    await rm(rejectsTmp, { force: true });
  }
}

const NEWLINE = Buffer.from('\n');
const PENDING_BYTES = 16 << 20;

/** Writes in order without waiting for each write; the first failure is thrown by `finish`. */
class Appender {
  private chain: Promise<void> = Promise.resolve();
  private position = 0;
  private pending = 0;
  private closed = false;
  private constructor(private readonly handle: FileHandle) {}

  static async open(path: string): Promise<Appender> {
    return new Appender(await open(path, 'w'));
  }
  append(bytes: Uint8Array): void {
    const at = this.position;
    this.position += bytes.byteLength;
    this.pending += bytes.byteLength;
    this.chain = this.chain.then(async () => {
      await writeAll(this.handle, bytes, at);
      this.pending -= bytes.byteLength;
    });
  }
  /** Waits while much is still to be written, so that memory stays bounded on a slow disk. */
  async room(): Promise<void> {
    if (this.pending > PENDING_BYTES) await this.chain;
  }
  async finish(): Promise<void> {
    await this.chain;
    await this.handle.sync();
  }
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.chain.catch(() => undefined);
    await this.handle.close();
  }
}

async function writeAll(handle: FileHandle, bytes: Uint8Array, at: number): Promise<void> {
  let done = 0;
  while (done < bytes.byteLength) {
    const { bytesWritten } = await handle.write(bytes, done, bytes.byteLength - done, at + done);
    done += bytesWritten;
  }
}

async function copyInto(path: string, into: Appender): Promise<void> {
  for await (const piece of readPart(path, 0, Infinity)) {
    into.append(piece);
    await into.room();
  }
}

