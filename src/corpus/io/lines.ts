/** One line of a byte stream, without its line break, numbered from 1. */
export interface Line {
  number: number;
  bytes: Buffer;
  /** True when the line is longer than the limit; its bytes are kept so nothing is lost. */
  oversize: boolean;
}

/** The lines of a buffer held whole, split as `readLines` splits a stream. */
export function* linesIn(buf: Buffer): Generator<Buffer> {
  let start = 0;
  for (let nl = buf.indexOf(0x0a); nl >= 0; nl = buf.indexOf(0x0a, start)) {
    yield withoutCr(buf.subarray(start, nl));
    start = nl + 1;
  }
  if (start < buf.length) yield withoutCr(buf.subarray(start));
}

function withoutCr(line: Buffer): Buffer {
  return line.length > 0 && line[line.length - 1] === 0x0d ? line.subarray(0, line.length - 1) : line;
}

/**
 * Splits a byte stream into lines on LF (a CR before it is dropped). Works on bytes so that an
 * invalid UTF-8 line can be reported and passed through verbatim instead of being silently replaced.
 */
export async function* readLines(stream: AsyncIterable<Buffer | string>, maxLineBytes: number): AsyncGenerator<Line> {
  let pending: Buffer[] = [];
  let pendingSize = 0;
  let number = 0;
  const finish = (tail: Buffer): Line => {
    const bytes = withoutCr(pending.length === 0 ? tail : Buffer.concat([...pending, tail]));
    pending = [];
    pendingSize = 0;
    return { number: ++number, bytes, oversize: bytes.length > maxLineBytes };
  };
  for await (const chunk of stream) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    let start = 0;
    for (let nl = buf.indexOf(0x0a, start); nl >= 0; nl = buf.indexOf(0x0a, start)) {
      yield finish(buf.subarray(start, nl));
      start = nl + 1;
    }
    if (start < buf.length) {
      pending.push(buf.subarray(start));
      pendingSize += buf.length - start;
    }
  }
  if (pendingSize > 0) yield finish(Buffer.alloc(0));
}
