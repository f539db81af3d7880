import type { FastifyInstance } from 'fastify';
import { describeInvalidUtf8, decodeUtf8, findInvalidUtf8 } from '../../corpus/io/utf8.js';
import { HttpError } from './errors.js';

/**
 * A request body: JSON is parsed (after its bytes were checked to be UTF-8); text stays bytes with the
 * charset it was declared in, because a page may come in any charset and only the article layer can
 * tell which, while everything else insists on UTF-8 (`textOf`).
 */
export type Body =
  | { kind: 'json'; value: unknown; bytes: number }
  | { kind: 'text'; mediaType: 'text/plain' | 'text/html'; raw: Buffer; charset: string | undefined; bytes: number };

export const NDJSON_TYPES = ['application/x-ndjson', 'application/jsonl', 'application/json-lines'] as const;

/**
 * Fastify would decode bodies with replacement characters; a person who sends Latin-1 must be told
 * instead, so every body is read as bytes and checked before anything looks at it.
 */
export function registerBodyParsers(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (req, bytes, done) => {
    try {
      assertUtf8Charset(req.headers['content-type']);
      const text = decodeBody(bytes as Buffer);
      if (text.trim() === '') throw new HttpError(400, 'invalid_json', 'body is empty; expected a JSON object');
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (err) {
        throw new HttpError(400, 'invalid_json', `body is not valid JSON (${(err as Error).message})`);
      }
      done(null, { kind: 'json', value, bytes: (bytes as Buffer).length } satisfies Body);
    } catch (err) {
      done(err as Error, undefined);
    }
  });
  for (const mediaType of ['text/plain', 'text/html'] as const) {
    app.addContentTypeParser(mediaType, { parseAs: 'buffer' }, (req, bytes, done) => {
      const raw = bytes as Buffer;
      done(null, { kind: 'text', mediaType, raw, charset: charsetOf(req.headers['content-type']), bytes: raw.length } satisfies Body);
    });
  }
  // JSON lines are streamed: the batch route reads the request as it arrives.
  app.addContentTypeParser([...NDJSON_TYPES], (req, payload, done) => {
    try {
      assertUtf8Charset(req.headers['content-type']);
      done(null, payload);
    } catch (err) {
      done(err as Error, undefined);
    }
  });
}

function decodeBody(bytes: Buffer): string {
  const nul = bytes.indexOf(0);
  if (nul >= 0) throw new HttpError(400, 'binary_body', `body contains a NUL byte at offset ${nul}; expected UTF-8 text`);
  const text = decodeUtf8(bytes);
  if (text !== null) return text;
  const problem = findInvalidUtf8(bytes)!;
  throw new HttpError(400, 'invalid_utf8', `body: ${describeInvalidUtf8(problem)} at line ${problem.line}, column ${problem.column}; send UTF-8`);
}

function charsetOf(contentType: string | undefined): string | undefined {
  return /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType ?? '')?.[1];
}

function assertUtf8Charset(contentType: string | undefined): void {
  const charset = charsetOf(contentType);
  if (charset && !/^utf-?8$/i.test(charset)) {
    throw new HttpError(415, 'unsupported_charset', `charset ${charset} is not accepted; send UTF-8`);
  }
}

/** The text of a text body, which must be UTF-8. */
export function textOf(body: Extract<Body, { kind: 'text' }>): string {
  if (body.charset && !/^utf-?8$/i.test(body.charset)) {
    throw new HttpError(415, 'unsupported_charset', `charset ${body.charset} is not accepted; send UTF-8`);
  }
  return decodeBody(body.raw);
}

/** Routes accept only some kinds of body; a wrong one is named with what would be right. */
export function expectBody(body: unknown, accepted: readonly string[]): Body {
  const b = body as Body | undefined;
  const kind = b && typeof b === 'object' && 'kind' in b ? (b.kind === 'json' ? 'application/json' : b.mediaType) : undefined;
  if (!kind || !accepted.includes(kind)) {
    throw new HttpError(415, 'unsupported_media_type', `send the body as ${accepted.join(' or ')}`);
  }
  return b!;
}
