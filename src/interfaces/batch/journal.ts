import { open, readFile, type FileHandle } from 'node:fs/promises';
import type { ChunkStats } from './task.js';

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

/** An append-only file of checkpoints; a torn last line (kill -9 while writing it) is ignored. */
export class Journal {
  private constructor(private readonly handle: FileHandle) {}

  static async create(path: string, append: boolean): Promise<Journal> {
    return new Journal(await open(path, append ? 'a' : 'w'));
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
    await this.handle.write(JSON.stringify(checkpoint) + '\n');
    await this.handle.sync();
  }

  async close(): Promise<void> {
    await this.handle.close();
  }
}
