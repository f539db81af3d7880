/** A run of whole lines, cut from a byte stream without looking inside them. */
export interface LineBlock {
  bytes: Buffer;
  /** Number of the block's first line, from 1. */
  firstN: number;
  /** How many lines the block holds (a last line without a line break counts). */
  lines: number;
  /** The block's memory (from its start) is used by nothing else, so it can move to a worker without a copy. */
  owned: boolean;
}

/**
 * Cuts a byte stream into blocks of whole lines (at most `maxLines` lines; parts are gathered until
 * they hold `maxBytes` and a line break), dropping the first `skipLines` lines. The main thread only
 * finds line breaks; splitting and parsing the lines is the workers' job, so a run of many small
 * records does not cost the main thread an object per record.
 */
export async function* lineBlocks(stream: AsyncIterable<Buffer>, maxBytes: number, maxLines: number, skipLines: number): AsyncGenerator<LineBlock> {
  const splitter = new BlockSplitter(maxLines, skipLines);
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  for await (const part of stream) {
    pending.push(part);
    pendingBytes += part.length;
    if (pendingBytes < maxBytes) continue;
    const nl = part.lastIndexOf(0x0a);
    if (nl < 0) continue; // a line that goes on into the next part
    const rest = part.subarray(nl + 1);
    // Joined up to the line break only; what follows it starts the next block.
    const whole = Buffer.concat(pending, pendingBytes - rest.length);
    pending = rest.length > 0 ? [rest] : [];
    pendingBytes = rest.length;
    yield* splitter.blocks(whole, false);
  }
  if (pendingBytes > 0) yield* splitter.blocks(Buffer.concat(pending, pendingBytes), false);
}

/**
 * Numbers the lines of successive buffers of whole lines, drops those done before a resume and cuts
 * the rest into blocks. Synchronous: the loop over line breaks runs on the main thread for every
 * record, and inside an async generator it cost V8 more to optimise than the loop costs to run.
 */
export class BlockSplitter {
  private seen = 0; // lines so far, skipped ones included

  constructor(
    private readonly maxLines: number,
    private readonly skipLines: number,
  ) {}

  /**
   * `bytes` holds whole lines; the last may lack its line break only at the end of the input.
   * `ownable`: the buffer's memory is its own, so a block that is all of it may move without a copy.
   */
  *blocks(bytes: Buffer, ownable: boolean): Generator<LineBlock> {
    let start = 0;
    let lines = 0;
    let from = 0;
    while (from < bytes.length) {
      const nl = bytes.indexOf(0x0a, from);
      from = nl < 0 ? bytes.length : nl + 1;
      this.seen++;
      if (this.seen <= this.skipLines) {
        start = from; // done before a resume
        continue;
      }
      lines++;
      if (lines === this.maxLines || from === bytes.length) {
        const owned = ownable && start === 0 && from === bytes.length;
        yield { bytes: bytes.subarray(start, from), firstN: this.seen - lines + 1, lines, owned };
        start = from;
        lines = 0;
      }
    }
  }
}
