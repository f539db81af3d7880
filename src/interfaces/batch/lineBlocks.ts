/** A run of whole lines, cut from a byte stream without looking inside them. */
export interface LineBlock {
  bytes: Buffer;
  /** Number of the block's first line, from 1. */
  firstN: number;
  /** How many lines the block holds (a last line without a line break counts). */
  lines: number;
  /** The block's memory (from its start) is used by nothing else, so it can move to a worker without a copy. */
  owned?: boolean;
}

/**
 * Cuts a byte stream into blocks of whole lines (at most `maxLines` lines; a block is closed at the
 * first line break past `maxBytes`), dropping the first `skipLines` lines. The main thread only
 * finds line breaks; splitting and parsing the lines is the workers' job, so a run of many small
 * records does not cost the main thread an object per record.
 */
export async function* lineBlocks(stream: AsyncIterable<Buffer>, maxBytes: number, maxLines: number, skipLines: number): AsyncGenerator<LineBlock> {
  const cutter = new LineBlockCutter(maxBytes, maxLines, skipLines);
  for await (const part of stream) yield* cutter.push(part);
  const last = cutter.end();
  if (last) yield last;
}

/**
 * The cutting itself, synchronous: the loop over line breaks runs on the main thread for every
 * record, and inside an async generator it cost V8 more to optimise than the loop costs to run.
 */
export class LineBlockCutter {
  private pending: Buffer[] = []; // whole lines, then possibly the start of the next one
  private pendingBytes = 0;
  private pendingLines = 0; // whole lines in `pending`
  private seen = 0; // line breaks so far, skipped lines included

  constructor(
    private readonly maxBytes: number,
    private readonly maxLines: number,
    private readonly skipLines: number,
  ) {}

  /** The blocks completed by this part of the stream. */
  push(part: Buffer): LineBlock[] {
    const blocks: LineBlock[] = [];
    let start = 0;
    for (let nl = part.indexOf(0x0a); nl >= 0; nl = part.indexOf(0x0a, nl + 1)) {
      this.seen++;
      if (this.seen <= this.skipLines) {
        // done before a resume: drop it, with its beginning from earlier parts
        this.pending = [];
        this.pendingBytes = 0;
        start = nl + 1;
        continue;
      }
      this.pendingLines++;
      if (this.pendingLines >= this.maxLines || this.pendingBytes + (nl + 1 - start) >= this.maxBytes) {
        this.pending.push(part.subarray(start, nl + 1));
        start = nl + 1;
        blocks.push(this.take());
      }
    }
    if (start < part.length) {
      this.pending.push(part.subarray(start));
      this.pendingBytes += part.length - start;
    }
    return blocks;
  }

  /** The last block, at the end of the stream, if any lines are left. */
  end(): LineBlock | null {
    const last = this.pending[this.pending.length - 1];
    if (last && last.length > 0 && last[last.length - 1] !== 0x0a) {
      // a last line without a line break
      this.seen++;
      if (this.seen > this.skipLines) this.pendingLines++;
      else this.pending = [];
    }
    return this.pendingLines > 0 ? this.take() : null;
  }

  private take(): LineBlock {
    const block = { bytes: Buffer.concat(this.pending), firstN: this.seen - this.pendingLines + 1, lines: this.pendingLines };
    this.pending = [];
    this.pendingBytes = 0;
    this.pendingLines = 0;
    return block;
  }
}
