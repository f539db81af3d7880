import { Transform, type TransformCallback } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { HttpError } from './errors.js';

/**
 * A request body must arrive within `ms`; for a streamed route (a batch) every line must, counted from
 * the end of the line before. A client that trickles a byte every few seconds would otherwise hold a
 * connection and its buffers for ever, and the socket idle timeout never fires while bytes keep coming.
 */
export class BodyDeadline extends Transform {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly ms: number,
    private readonly perLine: boolean,
  ) {
    super();
    this.arm();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    // One indexOf per chunk: the cost stays linear in the body whatever it holds.
    if (this.perLine && chunk.includes(0x0a)) this.arm();
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    this.disarm();
    callback();
  }

  override _destroy(err: Error | null, callback: (error?: Error | null) => void): void {
    this.disarm();
    callback(err);
  }

  private arm(): void {
    this.disarm();
    this.timer = setTimeout(() => {
      const what = this.perLine ? 'a line of the body' : 'the body';
      // `Connection: close`: the rest of a body that never ends must not be read or waited for.
      this.destroy(new HttpError(408, 'body_timeout', `${what} did not arrive within ${this.ms} ms (--body-timeout)`, { connection: 'close' }));
    }, this.ms);
    this.timer.unref();
  }

  private disarm(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}

/** Every body is read through a deadline; `streamed` routes get one per line instead of one in all. */
export function registerBodyDeadline(app: FastifyInstance, ms: number, streamed: ReadonlySet<string>): void {
  app.addHook('preParsing', async (request, _reply, payload) => {
    if (request.method === 'GET' || request.method === 'HEAD') return payload;
    const deadline = new BodyDeadline(ms, streamed.has(request.routeOptions.url ?? ''));
    // The raw request is not destroyed on a deadline: the 408 must still go out on its socket.
    payload.on('error', (err) => deadline.destroy(err));
    payload.pipe(deadline);
    return deadline;
  });
}
