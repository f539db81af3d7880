/**
 * At most `concurrency` holders at once and at most `queue` waiting; everything beyond is refused at
 * once, because a request that waits for minutes is worse than a quick "busy, retry".
 */
export class Gate {
  private held = 0;
  private readonly waiting: Array<{ resolve: () => void; reject: (err: unknown) => void }> = [];

  constructor(
    readonly concurrency: number,
    readonly queue: number,
  ) {}

  get active(): number {
    return this.held;
  }

  get queued(): number {
    return this.waiting.length;
  }

  /** Resolves to a release function; rejects with `Gate.FULL` when the queue is full, or with the abort reason. */
  async enter(signal: AbortSignal): Promise<() => void> {
    signal.throwIfAborted();
    if (this.held < this.concurrency) {
      this.held++;
      return this.releaser();
    }
    if (this.waiting.length >= this.queue) throw Gate.FULL;
    await new Promise<void>((resolve, reject) => {
      const entry = {
        resolve: () => {
          signal.removeEventListener('abort', onAbort);
          resolve();
        },
        reject,
      };
      const onAbort = () => {
        const i = this.waiting.indexOf(entry);
        if (i >= 0) this.waiting.splice(i, 1);
        reject(signal.reason);
      };
      signal.addEventListener('abort', onAbort, { once: true });
      this.waiting.push(entry);
    });
    return this.releaser();
  }

  static readonly FULL = new Error('gate full');

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      // The slot passes straight to the next in line, so `active` stays the same.
      if (next) next.resolve();
      else this.held--;
    };
  }
}
