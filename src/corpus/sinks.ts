import { mkdir, open, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import { InputError } from './io/errors.js';
import { dirname, join } from 'node:path';
import { Output } from './io/output.js';
import type { Chunk } from './chunks.js';
import type { InputFile } from './inputs.js';

/** Where repaired records go. Chunks arrive whole, so every write ends at a line (or file) boundary. */
export interface Sink {
  /** `written`: whether any record of the chunk made it to the output (not all rejected). */
  write(chunk: Chunk, out: Uint8Array, written?: boolean): Promise<void>;
  /** Makes everything written so far durable; the byte count a resume truncates back to. */
  commit(): Promise<number>;
  /** Whether a checkpoint may be taken after this chunk (the tree sink: only at file ends). */
  canCheckpointAfter(chunk: Chunk): boolean;
  /** Whether a resume could truncate the output back to a checkpoint (not a pipe, a device or standard output). */
  readonly resumable: boolean;
  /** Whether a write, once resolved, keeps no reference to its bytes (so their buffer may be filled again). */
  readonly releasesWrites: boolean;
  close(): Promise<void>;
}

/** Standard output, with back-pressure; not resumable. */
export class StreamSink implements Sink {
  readonly resumable = false;
  // The stream may still hold a write's bytes after back-pressure let it go on.
  readonly releasesWrites = false;
  private readonly out: Output;
  constructor(stream: NodeJS.WritableStream) {
    this.out = new Output(stream);
  }
  async write(_chunk: Chunk, out: Uint8Array): Promise<void> {
    if (out.length > 0) await this.out.write(Buffer.from(out.buffer, out.byteOffset, out.byteLength));
  }
  async commit(): Promise<number> {
    await this.out.flush();
    return 0;
  }
  canCheckpointAfter(): boolean {
    return false;
  }
  async close(): Promise<void> {
    await this.out.flush();
  }
}

/**
 * A file written at known positions. Each chunk is one write of whole lines, so a reader sees at most
 * a torn tail while a write is under way, and a resumed run truncates back to the last checkpoint.
 */
export class FileSink implements Sink {
  readonly releasesWrites = true;
  private constructor(
    private readonly handle: FileHandle,
    private position: number,
    /** A regular file; anything else (`/dev/null`, a named pipe, `/dev/stdout`) is written in sequence, never synced. */
    readonly resumable: boolean,
  ) {}

  /** The output's directory is created when missing, as `--help` says. */
  static async open(path: string, resumeAt: number | null): Promise<FileSink> {
    const info = await stat(path).catch(() => null);
    if (info && !info.isFile()) {
      if (info.isDirectory()) throw new InputError(path, 'is a directory, not a file to write');
      // Positions and fsync mean nothing for a device or a pipe; it is opened for appending as a shell would.
      return new FileSink(await open(path, 'a'), 0, false);
    }
    await mkdir(dirname(path), { recursive: true });
    if (resumeAt === null) return new FileSink(await open(path, 'w'), 0, true);
    const handle = await open(path, 'r+').catch(async () => open(path, 'w'));
    await handle.truncate(resumeAt);
    return new FileSink(handle, resumeAt, true);
  }

  async write(_chunk: Chunk | null, out: Uint8Array): Promise<void> {
    let done = 0;
    while (done < out.length) {
      const { bytesWritten } = await this.handle.write(out, done, out.length - done, this.resumable ? this.position : null);
      done += bytesWritten;
      this.position += bytesWritten;
    }
  }
  async commit(): Promise<number> {
    if (this.resumable) await this.handle.sync();
    return this.position;
  }
  canCheckpointAfter(): boolean {
    return true;
  }
  async close(): Promise<void> {
    await this.handle.close();
  }
}

/**
 * `--out-dir`: one output file per input file, at the same relative path. Each is written as
 * `NAME.partial` and renamed when complete, so a reader never sees half a file.
 */
export class TreeSink implements Sink {
  readonly resumable = true;
  readonly releasesWrites = true;
  private current: { index: number; handle: FileHandle; partial: string; final: string; position: number } | null = null;
  constructor(
    private readonly dir: string,
    private readonly files: readonly InputFile[],
    private readonly nameOf: (file: InputFile) => string,
  ) {}

  async write(chunk: Chunk, out: Uint8Array, written = true): Promise<void> {
    if (this.current?.index !== chunk.fileIndex) {
      await this.abandon();
      const file = this.files[chunk.fileIndex]!;
      // A file that was rejected whole (unreadable, binary) gets no output file rather than an empty one.
      if (chunk.endOfFile && out.length === 0 && (file.unreadable !== undefined || (file.format === 'text' && chunk.body.lengths.length > 0 && !written))) return;
      const final = join(this.dir, this.nameOf(file));
      const partial = `${final}.partial`;
      await mkdir(dirname(final), { recursive: true });
      this.current = { index: chunk.fileIndex, handle: await open(partial, 'w'), partial, final, position: 0 };
    }
    const cur = this.current!;
    let done = 0;
    while (done < out.length) {
      const { bytesWritten } = await cur.handle.write(out, done, out.length - done, cur.position);
      done += bytesWritten;
      cur.position += bytesWritten;
    }
    if (chunk.endOfFile) {
      await cur.handle.sync();
      await cur.handle.close();
      await rename(cur.partial, cur.final);
      this.current = null;
    }
  }
  async commit(): Promise<number> {
    return 0;
  }
  canCheckpointAfter(chunk: Chunk): boolean {
    return chunk.endOfFile;
  }
  /** A file left unfinished (a --strict stop) is removed rather than left half written. */
  private async abandon(): Promise<void> {
    if (!this.current) return;
    await this.current.handle.close();
    await rm(this.current.partial, { force: true });
    this.current = null;
  }
  async close(): Promise<void> {
    await this.abandon();
  }
}
