import { open } from 'node:fs/promises';
import type { RejectNote } from './journal.js';
import type { ChunkStats } from './chunk.js';

// Reading a finished part needs none of the repair code: the process that assembles a run loads only this.

/** What a part says of itself, as JSON at its end (the layout is described in parts.ts). */
export interface PartMeta {
  seq: number;
  outBytes: number;
  rejectsBytes: number;
  stats: ChunkStats;
  /** The first rejects with where and why. */
  notes: RejectNote[];
  warcSkipped: number;
  bytesRead: number;
  bytesDecompressed: number;
}

export const MARK = Buffer.from('UMP1');
export const TRAILER = 8; // meta length (UInt32BE) + mark

/** A part's account of itself; throws when the file is not a complete part. */
export async function readPartMeta(path: string): Promise<PartMeta> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const trailer = Buffer.alloc(TRAILER);
    if (size >= TRAILER) await handle.read(trailer, 0, TRAILER, size - TRAILER);
    const length = trailer.readUInt32BE(0);
    if (size < TRAILER || !trailer.subarray(4).equals(MARK) || length > size - TRAILER) throw new Error(`${path} is not a complete part`);
    const json = Buffer.alloc(length);
    await handle.read(json, 0, length, size - TRAILER - length);
    return JSON.parse(json.toString('utf8')) as PartMeta;
  } finally {
    await handle.close();
  }
}

const READ_BYTES = 4 << 20;

/** `length` bytes of a part from `start`, in pieces that keep memory small whatever the part's size. */
export async function* readPart(path: string, start: number, length: number): AsyncGenerator<Buffer> {
  const handle = await open(path, 'r');
  try {
    let position = start;
    let left = length;
    while (left > 0) {
      const buf = Buffer.allocUnsafeSlow(Math.min(READ_BYTES, left));
      const { bytesRead } = await handle.read(buf, 0, buf.length, position);
      if (bytesRead === 0) {
        if (left === Infinity) return;
        throw new Error(`${path} is shorter than its account says`);
      }
      position += bytesRead;
      left -= bytesRead;
      yield buf.subarray(0, bytesRead);
    }
  } finally {
    await handle.close();
  }
}
