import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { InputError } from '../../../corpus/io/errors.js';
import { isBlank, parseTextRecord } from '../../../corpus/io/jsonRecord.js';
import { readLines, type Line } from '../../../corpus/io/lines.js';
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

    const processLine = async (line: Line): Promise<string> => {
      try {
        const { record, text } = parseTextRecord(line, 'batch', field, ctx.config.bodyLimit);
        const { text: fixed, counts } = await ctx.pool.run({ kind: 'count', text, options }, gone);
        const total = Object.values(counts).reduce((a, b) => a + (b ?? 0), 0);
        ctx.metrics.countFixCounts(counts);
        ctx.metrics.documents.inc({ route, changed: String(fixed !== text) });
        record[field] = fixed;
        record.fixes = { total, ...counts };
        return JSON.stringify(record) + '\n';
      } catch (err) {
        const [code, message] =
          err instanceof InputError ? ['bad_record', err.message] : err instanceof HttpError ? [err.code, err.message] : ['internal', 'internal error'];
        if (code === 'internal') request.log.error({ err }, 'batch record failed');
        return JSON.stringify({ line: line.number, error: code, message }) + '\n';
      }
    };

    const emit = (out: string): string => {
      ctx.metrics.bytesOut.inc({ route }, Buffer.byteLength(out));
      return out;
    };

    // Each answer goes out as soon as it and all before it are done; at most `window` records are
    // being worked on, so a huge batch never piles up in memory.
    const out = new PassThrough();
    const pump = async () => {
      const written: Promise<void>[] = [];
      let tail = Promise.resolve();
      for await (const line of readLines(countBytes(body as AsyncIterable<Buffer>), ctx.config.bodyLimit)) {
        if (isBlank(line)) continue;
        const result = processLine(line);
        tail = tail.then(async () => {
          const text = emit(await result);
          if (!out.destroyed && !out.write(text)) await drained(out);
        });
        written.push(tail);
        if (written.length >= window) await written.shift();
      }
      await tail;
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
