import { open } from 'node:fs/promises';
import { InputError } from './io/errors.js';
import { fileProblem } from './inputs.js';
import { BlockSplitter, type LineBlock } from './lineBlocks.js';
import type { ByteCounter } from './open.js';

const NO_BYTES = Buffer.alloc(0);

/**
 * Blocks of whole lines read from a plain file straight into buffers of their own. Cutting a stream
 * copies every byte once more, to join a block from the pieces the stream happens to deliver; here
 * only the unfinished last line of each read is copied, to the front of the next buffer. A block
 * that is a whole read is `owned`: its memory can move to a worker as it is.
 *
 * Same contract as `lineBlocks`: at most `maxLines` lines per block, lines numbered from 1, the first
 * `skipLines` dropped, a last line without a line break counted.
 */
export async function* fileLineBlocks(
  path: string,
  source: string,
  counter: ByteCounter,
  readBytes: number,
  maxLines: number,
  skipLines: number,
): AsyncGenerator<LineBlock> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (err) {
    throw new InputError(source, fileProblem(err as NodeJS.ErrnoException));
  }
  try {
    const cut = new BlockSplitter(maxLines, skipLines);
    let carry = NO_BYTES;
    for (;;) {
      // A line longer than a read makes the next read as long as the line so far: linear, not quadratic.
      const size = Math.max(readBytes, carry.length);
      const buf = Buffer.allocUnsafeSlow(carry.length + size);
      carry.copy(buf, 0);
      let bytesRead: number;
      try {
        ({ bytesRead } = await handle.read(buf, carry.length, size, null));
      } catch (err) {
        throw new InputError(source, fileProblem(err as NodeJS.ErrnoException));
      }
      counter.bytes += bytesRead;
      counter.decompressed += bytesRead;
      const filled = carry.length + bytesRead;
      const atEnd = bytesRead === 0;
      const end = atEnd ? filled : buf.lastIndexOf(0x0a, filled - 1) + 1;
      if (end === 0) {
        if (atEnd) return;
        carry = buf.subarray(0, filled);
        continue;
      }
      carry = end < filled ? Buffer.from(buf.subarray(end, filled)) : NO_BYTES;
      yield* cut.blocks(buf.subarray(0, end), true);
      if (atEnd) return;
    }
  } finally {
    await handle.close();
  }
}
