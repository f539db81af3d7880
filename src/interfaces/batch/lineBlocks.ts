/** A run of whole lines, cut from a byte stream without looking inside them. */
export interface LineBlock {
  bytes: Buffer;
  /** Number of the block's first line, from 1. */
  firstN: number;
  /** How many lines the block holds (a last line without a line break counts). */
  lines: number;
}

/**
 * Cuts a byte stream into blocks of whole lines (at most `maxLines` lines; a block is closed at the
 * first line break past `maxBytes`), dropping the first `skipLines` lines. The main thread only
 * finds line breaks; splitting and parsing the lines is the workers' job (`readLines` there), so a
 * run of many small records does not cost the main thread an object per record.
 */
export async function* lineBlocks(stream: AsyncIterable<Buffer>, maxBytes: number, maxLines: number, skipLines: number): AsyncGenerator<LineBlock> {
  let pending: Buffer[] = []; // whole lines, then possibly the start of the next one
  let pendingBytes = 0;
  let pendingLines = 0; // whole lines in `pending`
  let seen = 0; // line breaks so far, skipped lines included
  const take = (): LineBlock => {
    const block = { bytes: Buffer.concat(pending), firstN: seen - pendingLines + 1, lines: pendingLines };
    pending = [];
    pendingBytes = 0;
    pendingLines = 0;
    return block;
  };
  for await (const part of stream) {
    let start = 0;
    for (let nl = part.indexOf(0x0a); nl >= 0; nl = part.indexOf(0x0a, nl + 1)) {
      seen++;
      if (seen <= skipLines) {
        // done before a resume: drop it, with its beginning from earlier parts
        pending = [];
        pendingBytes = 0;
        start = nl + 1;
        continue;
      }
      pendingLines++;
      if (pendingLines >= maxLines || pendingBytes + (nl + 1 - start) >= maxBytes) {
        pending.push(part.subarray(start, nl + 1));
        start = nl + 1;
        yield take();
      }
    }
    if (start < part.length) {
      pending.push(part.subarray(start));
      pendingBytes += part.length - start;
    }
  }
  const last = pending[pending.length - 1];
  if (last && last.length > 0 && last[last.length - 1] !== 0x0a) {
    // a last line without a line break
    seen++;
    if (seen > skipLines) pendingLines++;
    else pending = [];
  }
  if (pendingLines > 0) yield take();
}
