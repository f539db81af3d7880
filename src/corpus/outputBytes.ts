const MIB = 1 << 20;
/** Digits of the largest safe integer. */
const MAX_DIGITS = 16;

/** A growing byte buffer of its own (never a view into Node's shared pool), so that it can be moved. */
export class OutputBytes {
  private buf: Buffer;
  private length = 0;
  /** `spare`: a buffer to write into when it is large enough, instead of fresh memory. */
  constructor(capacity: number, spare?: ArrayBuffer) {
    // Whole mebibytes, so that the buffers of a run's chunks (of about the same size) fit one another.
    const size = Math.ceil(capacity / MIB) * MIB;
    this.buf = spare && spare.byteLength >= size ? Buffer.from(spare) : Buffer.allocUnsafeSlow(size);
  }
  private room(n: number): void {
    if (this.length + n <= this.buf.length) return;
    const bigger = Buffer.allocUnsafeSlow(Math.max(this.buf.length * 2, this.length + n));
    this.buf.copy(bigger, 0, 0, this.length);
    this.buf = bigger;
  }
  bytes(b: Uint8Array): void {
    this.room(b.length);
    this.buf.set(b, this.length);
    this.length += b.length;
  }
  /** `src[start, end)`, without making a view of it first (one per record cost more than the copy). */
  range(src: Buffer, start: number, end: number): void {
    this.room(end - start);
    this.length += src.copy(this.buf, this.length, start, end);
  }
  /**
   * A record nothing was done to, in one step: `head`, `src[start, end)`, `tail`, and under full
   * metadata (`n` ≥ 0) the line number and `closing`, with one room check. (Copying the short pieces
   * by hand was measured too: three times slower than the native copies.)
   */
  record(head: Buffer, src: Buffer, start: number, end: number, tail: Buffer, n: number, closing: Buffer): void {
    this.room(head.length + (end - start) + tail.length + closing.length + MAX_DIGITS);
    this.put(head, 0, head.length);
    this.put(src, start, end);
    this.put(tail, 0, tail.length);
    if (n >= 0) {
      this.decimal(n);
      this.put(closing, 0, closing.length);
    }
  }
  private put(src: Buffer, start: number, end: number): void {
    if (start === 0 && end === src.length) {
      this.buf.set(src, this.length);
      this.length += end;
    } else {
      this.length += src.copy(this.buf, this.length, start, end);
    }
  }
  /** A non-negative whole number in decimal, without making a string of it. */
  decimal(n: number): void {
    let digits = 1;
    for (let x = n; x >= 10; x = Math.floor(x / 10)) digits++;
    this.room(digits);
    let i = this.length + digits;
    this.length = i;
    do {
      this.buf[--i] = 0x30 + (n % 10);
      n = Math.floor(n / 10);
    } while (n > 0);
  }
  text(s: string): void {
    // 3 bytes per UTF-16 unit is the most UTF-8 can need; measure exactly only when that does not fit.
    this.room(this.length + s.length * 3 <= this.buf.length ? 0 : Buffer.byteLength(s));
    this.length += this.buf.write(s, this.length);
  }
  /** A JSON object's text without its closing brace, so that more members can follow without copying the text. */
  openObject(json: string): void {
    this.text(json);
    this.length--; // the brace is one byte
  }
  result(): Uint8Array {
    return new Uint8Array(this.buf.buffer, this.buf.byteOffset, this.length);
  }
}
