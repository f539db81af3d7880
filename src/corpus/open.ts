import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { Decompress } from 'fzstd';
import { InputError } from './io/errors.js';
import { fileProblem, type InputFile } from './inputs.js';

/** Counts the bytes read from disk (compressed, for compressed files) and the bytes they hold, for progress and the summary. */
export interface ByteCounter {
  bytes: number;
  decompressed: number;
}

/**
 * The file's content as a stream of buffers, decompressed when its name ends in `.gz` or `.zst`.
 * A file that cannot be opened, or whose compressed data is corrupt, throws an InputError naming it.
 */
export async function* openInput(file: InputFile, counter: ByteCounter): AsyncGenerator<Buffer> {
  const raw = file.path === '-' ? process.stdin : createReadStream(file.path, { highWaterMark: 1 << 20 });
  const counted = countBytes(raw as AsyncIterable<Buffer>, counter, file.source);
  try {
    const content = file.compression === 'gzip' ? gunzip(counted, file.source) : file.compression === 'zstd' ? unzstd(counted, file.source) : counted;
    for await (const part of content) {
      counter.decompressed += part.length;
      yield part;
    }
  } finally {
    if (raw !== process.stdin) (raw as import('node:fs').ReadStream).destroy();
  }
}

async function* countBytes(stream: AsyncIterable<Buffer | string>, counter: ByteCounter, source: string): AsyncGenerator<Buffer> {
  try {
    for await (const chunk of stream) {
      const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      counter.bytes += buf.length;
      yield buf;
    }
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(source, fileProblem(err as NodeJS.ErrnoException));
  }
}

async function* gunzip(input: AsyncIterable<Buffer>, source: string): AsyncGenerator<Buffer> {
  // Concatenated gzip members (as in .warc.gz, one member per record) are read as one stream.
  const zip = createGunzip({ chunkSize: 1 << 18 });
  // Events rather than the stream's async iterator, which drops what was decompressed before an error:
  // the records before a corrupt or truncated end are still good.
  const queue: Buffer[] = [];
  let failure: Error | null = null;
  let ended = false;
  let wake: (() => void) | null = null;
  const notify = () => {
    wake?.();
    wake = null;
  };
  zip.on('data', (chunk: Buffer) => {
    queue.push(chunk);
    if (queue.length > 4) zip.pause(); // back-pressure: the reader catches up first
    notify();
  });
  zip.once('error', (err) => {
    failure = err;
    notify();
  });
  zip.once('end', () => {
    ended = true;
    notify();
  });
  const feed = (async () => {
    try {
      for await (const chunk of input) {
        if (failure) return;
        if (!zip.write(chunk)) await new Promise<void>((resolve) => { zip.once('drain', resolve); zip.once('error', () => resolve()); });
      }
      zip.end();
    } catch (err) {
      failure ??= err as Error;
      notify();
    }
  })();
  for (;;) {
    const next = queue.shift();
    if (next) {
      if (queue.length <= 1) zip.resume();
      yield next;
      continue;
    }
    if (failure || ended) break;
    await new Promise<void>((resolve) => (wake = resolve));
  }
  await feed;
  const err = failure as Error | null;
  if (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(source, `corrupt gzip data (${err.message})`);
  }
}

async function* unzstd(input: AsyncIterable<Buffer>, source: string): AsyncGenerator<Buffer> {
  const out: Buffer[] = [];
  const stream = new Decompress((chunk) => out.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)));
  try {
    for await (const chunk of input) {
      stream.push(chunk);
      yield* out.splice(0);
    }
    stream.push(new Uint8Array(0), true);
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(source, `corrupt zstd data (${(err as Error).message})`);
  }
  yield* out.splice(0);
}
