import { InputError, where } from './io/errors.js';
import { MAX_DOCUMENT_BYTES } from './io/readDocument.js';
import type { InputFile } from './inputs.js';
import { fileLineBlocks } from './fileLineBlocks.js';
import { lineBlocks } from './lineBlocks.js';
import { openInput, type ByteCounter } from './open.js';
import type { ChunkTask, RecordOrigin } from './chunk.js';
import { isTextPayload, parseHttpResponse, readWarc, WarcFormatError } from './warc.js';

/** A chunk as the reader makes it; the runner adds the sequence number and settings. */
export type ChunkBody = Omit<ChunkTask, 'seq' | 'settings'>;

export interface Chunk {
  body: ChunkBody;
  fileIndex: number;
  /** The last record number (line, WARC record) this chunk covers: where a resumed run goes on. */
  lastN: number;
  /** The file's last chunk (possibly with no records), so that `--out-dir` can close the file. */
  endOfFile: boolean;
  /** WARC records passed over since the previous chunk (requests, metadata, images): not records for us. */
  warcSkipped: number;
  /** The bytes' memory is this chunk's alone (from the view's start), so it can move to a worker as it is. */
  ownsBytes?: boolean;
}

/**
 * Enough records per task that messaging costs little, few enough that memory stays bounded. At
 * 16,384 records a megabyte read of short lines is one chunk whose memory moves to the worker as it
 * is; at 4,096 it was cut into three views that had to be copied, and the run cost 10% more CPU time.
 */
export const CHUNK_BYTES = 1 << 20;
export const CHUNK_RECORDS = 16384;

/**
 * Cuts one input file into chunks of records, skipping records numbered `skipThrough` or less (they
 * were done before a resume). Errors reading the file become a rejected record after the good ones.
 */
export async function* chunksOf(
  file: InputFile,
  fileIndex: number,
  skipThrough: number,
  counter: ByteCounter,
  chunkRecords = CHUNK_RECORDS,
): AsyncGenerator<Chunk> {
  const base = { format: file.format, source: file.source, shardName: file.relative };
  let bytes: Buffer[] = [];
  let size = 0;
  let lengths: number[] = [];
  let origins: RecordOrigin[] = [];
  let firstN = 0;
  let lastN = skipThrough;
  let warcSkipped = 0;
  const take = (endOfFile: boolean): Chunk => {
    const body: ChunkBody = { ...base, bytes: Buffer.concat(bytes), lengths, firstN };
    if (file.format === 'warc') body.origins = origins;
    const chunk: Chunk = { body, fileIndex, lastN, endOfFile, warcSkipped };
    warcSkipped = 0;
    bytes = [];
    size = 0;
    lengths = [];
    origins = [];
    return chunk;
  };
  const add = (record: Buffer, origin: RecordOrigin): boolean => {
    if (lengths.length === 0) firstN = origin.n;
    bytes.push(record);
    size += record.length;
    lengths.push(record.length);
    if (file.format === 'warc') origins.push(origin);
    lastN = origin.n;
    return size >= CHUNK_BYTES || lengths.length >= chunkRecords;
  };
  const unreadable = (at: string, problem: string, n: number): Chunk => ({
    body: { ...base, bytes: new Uint8Array(0), lengths: [0], firstN: n, unreadable: { where: at, problem } },
    fileIndex,
    lastN: n,
    endOfFile: true,
    warcSkipped: 0,
  });

  if (file.unreadable !== undefined) {
    if (skipThrough < 1) yield unreadable(file.source, file.unreadable, 1);
    return;
  }
  try {
    if (file.format === 'jsonl' || file.format === 'lines' || file.format === 'pieces') {
      // Oversize lines are still read whole so that they can be rejected verbatim; the worker decides.
      const blocks =
        file.path !== '-' && file.compression === 'none'
          ? fileLineBlocks(file.path, file.source, counter, CHUNK_BYTES, chunkRecords, skipThrough)
          : lineBlocks(openInput(file, counter), CHUNK_BYTES, chunkRecords, skipThrough);
      for await (const block of blocks) {
        lastN = block.firstN + block.lines - 1;
        const body: ChunkBody = { ...base, bytes: block.bytes, lengths: [], firstN: block.firstN, lineCount: block.lines };
        yield { body, fileIndex, lastN, endOfFile: false, warcSkipped: 0, ownsBytes: block.owned };
      }
    } else if (file.format === 'text') {
      if (skipThrough < 1) {
        const parts: Buffer[] = [];
        let total = 0;
        for await (const part of openInput(file, counter)) {
          total += part.length;
          if (total > MAX_DOCUMENT_BYTES) throw new InputError(file.source, `is more than one document may be (${MAX_DOCUMENT_BYTES / 1024 / 1024} MiB); use --lines or split it`);
          parts.push(part);
        }
        add(Buffer.concat(parts), { n: 1 });
      }
    } else {
      let n = 0;
      for await (const record of readWarc(openInput(file, counter))) {
        n++;
        if (n <= skipThrough) continue;
        lastN = n;
        const type = record.headers.get('warc-type');
        if (type !== 'response' || !/application\/http/i.test(record.headers.get('content-type') ?? '')) {
          warcSkipped++;
          continue;
        }
        const origin: RecordOrigin = { n, offset: record.offset };
        const url = record.headers.get('warc-target-uri');
        if (url) origin.url = url.replace(/^<(.*)>$/, '$1');
        const id = record.headers.get('warc-record-id');
        if (id) origin.warcId = id;
        const date = record.headers.get('warc-date');
        if (date) origin.date = date;
        let http;
        try {
          http = parseHttpResponse(record.block);
        } catch (err) {
          // A broken HTTP payload is one bad record, not a bad file.
          if (lengths.length > 0) yield take(false);
          yield { ...unreadable(where(file.source, n), `WARC record at byte ${record.offset}: ${(err as Error).message}`, n), endOfFile: false };
          continue;
        }
        if (!isTextPayload(http.mediaType)) {
          warcSkipped++;
          continue;
        }
        if (http.charset) origin.charset = http.charset;
        if (http.mediaType) origin.contentType = http.mediaType;
        if (add(http.body, origin)) yield take(false);
      }
    }
  } catch (err) {
    if (!(err instanceof InputError) && !(err instanceof WarcFormatError)) throw err;
    if (lengths.length > 0) yield take(false);
    const problem = err instanceof InputError ? err.problem : err.message;
    // Line-based files name the line where reading stopped; other files are one record or WARC.
    const at = lastN > 0 && (file.format === 'jsonl' || file.format === 'lines' || file.format === 'pieces') ? where(file.source, lastN + 1) : file.source;
    yield unreadable(at, problem, lastN + 1);
    return;
  }
  yield take(true);
}
