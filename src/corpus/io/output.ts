import { once } from 'node:events';

/**
 * Buffered writes to a stream that respect back-pressure, so a 10 GB input never piles up in
 * memory when the reader is slower than the repair.
 */
export class Output {
  private parts: Array<string | Buffer> = [];
  private size = 0;
  constructor(
    private readonly stream: NodeJS.WritableStream,
    private readonly flushAt = 1 << 16,
  ) {}

  async write(part: string | Buffer): Promise<void> {
    this.parts.push(part);
    this.size += part.length;
    if (this.size >= this.flushAt) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.parts.length === 0) return;
    // A corpus chunk arrives as one buffer of megabytes: joining it to nothing would copy it.
    const only = this.parts.length === 1 ? this.parts[0]! : null;
    const chunk = only !== null ? only : this.parts.every((p) => typeof p === 'string')
      ? (this.parts as string[]).join('')
      : Buffer.concat(this.parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : p)));
    this.parts = [];
    this.size = 0;
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
  }
}
