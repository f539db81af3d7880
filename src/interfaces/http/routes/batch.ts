import { PassThrough, Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ChunkTask, TaskSettings } from '../../../corpus/chunk.js';
import { lineBlocks, type LineBlock } from '../../../corpus/lineBlocks.js';
import { NDJSON_TYPES } from '../bodies.js';
import { clientGone, type ServerContext } from '../context.js';
import { HttpError } from '../errors.js';
import { z } from 'zod';
import { parseWith } from '../validate.js';
import { FixQuerySchema, optionsFromQuery } from '../schemas.js';

export const BatchQuerySchema = FixQuerySchema.extend({
  field: z.string().min(1).default('text').describe('the field of each record to repair'),
});

/**
 * A chunk is whatever whole lines have arrived (gathering waits for nothing: a client may send one line
 * and wait for its answer), at most this many: a chunk's deadline (`--timeout`) is about the work of a
 * few records, not of thousands.
 */
const SERVICE_CHUNK_RECORDS = 256;

/**
 * JSON lines in, JSON lines out, in the same order, while the body is still arriving. A bad line
 * becomes an error line and the batch goes on: one broken record must not cost the others.
 */
export function registerBatchRoute(app: FastifyInstance, ctx: ServerContext): void {
  app.post('/v1/batch', async (request, reply) => {
    const body = request.body as NodeJS.ReadableStream | undefined;
    if (!body || typeof (body as AsyncIterable<Buffer>)[Symbol.asyncIterator] !== 'function') {
      throw new HttpError(415, 'unsupported_media_type', `send the body as ${NDJSON_TYPES[0]} (one JSON object per line)`);
    }
    const { field, ...query } = parseWith(BatchQuerySchema, request.query ?? {}, 'query');
    const options = optionsFromQuery(query);
    const gone = clientGone(reply);
    const window = ctx.config.concurrency * 2;
    const route = '/v1/batch';

    const countBytes = async function* (stream: AsyncIterable<Buffer>) {
      for await (const chunk of stream) {
        ctx.metrics.bytesIn.inc({ route }, chunk.length);
        yield chunk;
      }
    };
    const settings: TaskSettings = {
      mode: 'fix',
      meta: 'fixes',
      inlineRejects: true,
      field,
      idField: 'id',
      options,
      maxLineBytes: ctx.config.bodyLimit,
      shard: null,
      strict: false,
      output: 'jsonl',
    };

    // The corpus layer's chunk processor on the service's pool: blocks of lines as they arrive, at most
    // `window` at once, answered in order. A chunk that fails as a whole (its deadline passed, the pool is
    // full) answers each of its lines with that error, and the batch goes on.
    const processBlock = async (block: LineBlock): Promise<string | Buffer> => {
      const task: ChunkTask = { seq: 0, format: 'jsonl', settings, source: 'batch', shardName: 'batch', bytes: block.bytes, lengths: [], lineCount: block.lines, firstN: block.firstN };
      try {
        const result = await ctx.pool.run({ kind: 'chunk', task }, gone);
        ctx.metrics.countFixCounts(result.stats.fixes);
        if (result.stats.repaired > 0) ctx.metrics.documents.inc({ route, changed: 'true' }, result.stats.repaired);
        if (result.stats.unchanged > 0) ctx.metrics.documents.inc({ route, changed: 'false' }, result.stats.unchanged);
        return Buffer.from(result.out.buffer, result.out.byteOffset, result.out.byteLength);
      } catch (err) {
        const [code, message] = err instanceof HttpError ? [err.code, err.message] : ['internal', 'internal error'];
        if (code === 'internal') request.log.error({ err }, 'batch chunk failed');
        let lines = '';
        for (let n = block.firstN; n < block.firstN + block.lines; n++) lines += JSON.stringify({ line: n, error: code, message }) + '\n';
        return lines;
      }
    };

    // A body that stops arriving (--body-timeout) ends the blocks normally, so that every line received
    // is still answered; then the line that never came is named and the connection closed.
    let late: { line: number; err: HttpError } | null = null;
    let lastLine = 0;
    const arrived = async function* (): AsyncGenerator<LineBlock> {
      try {
        for await (const block of lineBlocks(countBytes(body as AsyncIterable<Buffer>), 1, SERVICE_CHUNK_RECORDS, 0)) {
          lastLine = block.firstN + block.lines - 1;
          yield block;
        }
      } catch (err) {
        if (!(err instanceof HttpError && err.code === 'body_timeout')) throw err;
        late = { line: lastLine + 1, err };
      }
    };

    const out = new PassThrough();
    const pump = async () => {
      for await (const answer of Readable.from(arrived()).map(processBlock, { concurrency: window })) {
        ctx.metrics.bytesOut.inc({ route }, answer.length);
        if (!out.destroyed && !out.write(answer)) await drained(out);
      }
      const timedOut = late as { line: number; err: HttpError } | null;
      if (timedOut) {
        const line = JSON.stringify({ line: timedOut.line, error: timedOut.err.code, message: timedOut.err.message }) + '\n';
        ctx.metrics.bytesOut.inc({ route }, Buffer.byteLength(line));
        reply.raw.once('finish', () => request.raw.destroy());
        out.end(line);
        return;
      }
      out.end();
    };
    pump().catch((err: unknown) => out.destroy(err as Error));

    reply.header('content-type', 'application/x-ndjson; charset=utf-8');
    return reply.send(out);
  });
}

/** Resolves when the stream wants more, or will never want more. */
function drained(stream: PassThrough): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stream.off('drain', done);
      stream.off('close', done);
      resolve();
    };
    stream.once('drain', done);
    stream.once('close', done);
  });
}
