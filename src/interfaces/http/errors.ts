import type { z } from 'zod';

/** An answer other than success, with a stable code and a one-line message naming the problem. */
export class HttpError extends Error {
  override readonly name = 'HttpError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** `options.fixers.foo: Unrecognized key` style, all problems on one line. */
export function describeIssues(issues: readonly z.core.$ZodIssue[], root: string): string {
  return issues
    .map((issue) => {
      const path = [root, ...issue.path.map(String)].join('.');
      return `${path}: ${issue.message}`;
    })
    .join('; ');
}

/** Fastify's own errors for bad requests, mapped to our codes and plainer words. */
export function fromFastifyError(
  err: { code?: string; statusCode?: number; message: string },
  bodyLimit: number,
  contentType: string | undefined,
): HttpError | null {
  switch (err.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new HttpError(413, 'too_large', `body is larger than ${bodyLimit} bytes (--body-limit)`);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new HttpError(
        415,
        'unsupported_media_type',
        contentType
          ? `content type "${contentType}" is not accepted; send application/json, text/plain, text/html or application/x-ndjson as the endpoint says (see /openapi.json)`
          : 'the body has no Content-Type; send application/json, text/plain, text/html or application/x-ndjson',
      );
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new HttpError(400, 'bad_content_length', 'Content-Length does not match the body');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new HttpError(400, 'invalid_json', 'body is empty; expected a JSON object');
    case 'FST_ERR_CTP_INVALID_TYPE':
      return new HttpError(400, 'invalid_request', 'Content-Type header is malformed');
    default:
      if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) return new HttpError(err.statusCode, 'bad_request', err.message);
      return null;
  }
}
