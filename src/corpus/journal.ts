import { open, readFile, rename, stat, type FileHandle } from 'node:fs/promises';
import type { ChunkStats } from './chunk.js';

/** A reject as the summary keeps it (the first ones only; all of them are counted). */
export interface RejectNote {
  where: string;
  problem: string;
}

/**
 * Where a run stood after its output up to `outBytes` (and `--rejects` up to `rejectsBytes`) was on
 * disk: every record of files before `file`, and of `file` up to record `n` (all of it when
 * `fileDone`), had been written. Written as one JSON line, fsynced, after the output was fsynced.
 */
export interface Checkpoint {
  fingerprint: string;
  file: number;
  n: number;
  fileDone: boolean;
  outBytes: number;
  rejectsBytes: number;
  stats: ChunkStats;
  warcSkipped: number;
  rejectNotes: RejectNote[];
  done: boolean;
}

/** Past this size the journal is replaced by one holding only its last checkpoint. */
const COMPACT_AT = 1 << 20;

/**
 * An append-only file of checkpoints; a torn last line (kill -9 while writing it) is ignored. A long
 * run's journal is compacted now and then by writing a new one beside it and renaming it over.
 */
export class Journal {
  private constructor(
    private readonly path: string,
    private handle: FileHandle,
    private size: number,
  ) {}

  static async create(path: string, append: boolean): Promise<Journal> {
    const handle = await open(path, append ? 'a' : 'w');
    return new Journal(path, handle, append ? (await stat(path)).size : 0);
  }

  static async last(path: string): Promise<Checkpoint | null> {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
    let last: Checkpoint | null = null;
    for (const line of text.split('\n')) {
      if (!line.endsWith('}')) continue;
      try {
        last = JSON.parse(line) as Checkpoint;
      } catch {
        // the torn last line of a killed run
      }
    }
    return last;
  }

  async write(checkpoint: Checkpoint): Promise<void> {
    const line = JSON.stringify(checkpoint) + '\n';
    if (this.size + line.length > COMPACT_AT) {
      const fresh = await open(`${this.path}.new`, 'w');
      await fresh.write(line);
      await fresh.sync();
      await fresh.close();
      await this.handle.close();
      await rename(`${this.path}.new`, this.path);
      this.handle = await open(this.path, 'a');
      this.size = line.length;
      return;
    }
    await this.handle.write(line);
    await this.handle.sync();
    this.size += line.length;
  }

  async close(): Promise<void> {
    await this.handle.close();
  }
}
