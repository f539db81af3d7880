import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';

/** One WARC record: its named headers (lower-cased names) and its content block. */
export interface WarcRecord {
  /** Byte offset of the record's `WARC/` line in the (decompressed) file. */
  offset: number;
  headers: Map<string, string>;
  block: Buffer;
}

const CRLFCRLF = Buffer.from('\r\n\r\n');

/** The bytes are not (or no longer) WARC; the message says where, the caller names the file. */
export class WarcFormatError extends Error {
  override readonly name = 'WarcFormatError';
}

/**
 * Reads WARC records (ISO 28500: a `WARC/1.x` line, headers, a blank line, Content-Length bytes,
 * two line breaks) from a byte stream. Throws a WarcFormatError when the stream is not WARC.
 */
export async function* readWarc(stream: AsyncIterable<Buffer>): AsyncGenerator<WarcRecord> {
  let buf: Buffer = Buffer.alloc(0);
  let base = 0; // offset of buf[0] in the stream
  let ended = false;
  const it = stream[Symbol.asyncIterator]();
  const more = async (): Promise<boolean> => {
    if (ended) return false;
    const next = await it.next();
    if (next.done) {
      ended = true;
      return false;
    }
    buf = buf.length === 0 ? next.value : Buffer.concat([buf, next.value]);
    return true;
  };
  for (;;) {
    // Records are separated by CRLF CRLF; tolerate any run of line breaks between them.
    let start = 0;
    for (;;) {
      while (start < buf.length && (buf[start] === 0x0d || buf[start] === 0x0a)) start++;
      if (start < buf.length || !(await more())) break;
    }
    if (start >= buf.length) return;
    buf = buf.subarray(start);
    base += start;
    let headEnd = buf.indexOf(CRLFCRLF);
    while (headEnd < 0) {
      if (!(await more())) throw new WarcFormatError(`truncated WARC header at byte ${base}`);
      headEnd = buf.indexOf(CRLFCRLF);
    }
    const head = buf.subarray(0, headEnd).toString('latin1');
    const lines = head.split('\r\n');
    if (!/^WARC\/\d+\.\d+$/.test(lines[0]!)) throw new WarcFormatError(`not a WARC record at byte ${base} (starts ${JSON.stringify(lines[0]!.slice(0, 20))})`);
    const headers = parseHeaders(lines.slice(1));
    const length = Number(headers.get('content-length'));
    if (!Number.isSafeInteger(length) || length < 0) throw new WarcFormatError(`WARC record at byte ${base} has no valid Content-Length`);
    const blockStart = headEnd + 4;
    while (buf.length < blockStart + length) {
      if (!(await more())) throw new WarcFormatError(`truncated WARC record at byte ${base}`);
    }
    yield { offset: base, headers, block: Buffer.from(buf.subarray(blockStart, blockStart + length)) };
    buf = buf.subarray(blockStart + length);
    base += blockStart + length;
  }
}

function parseHeaders(lines: string[]): Map<string, string> {
  const headers = new Map<string, string>();
  let last: string | undefined;
  for (const line of lines) {
    if (/^[ \t]/.test(line) && last) {
      headers.set(last, `${headers.get(last)} ${line.trim()}`);
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    last = line.slice(0, colon).trim().toLowerCase();
    headers.set(last, line.slice(colon + 1).trim());
  }
  return headers;
}

/** The HTTP response inside a `response` record: status, headers and the decoded body bytes. */
export interface HttpResponse {
  status: number;
  headers: Map<string, string>;
  body: Buffer;
  /** Media type without parameters, lower case (`text/html`); empty when absent. */
  mediaType: string;
  charset?: string;
}

/** Parses an HTTP/1.x response; undoes chunked transfer coding and gzip/deflate/br content coding. */
export function parseHttpResponse(block: Buffer): HttpResponse {
  let headEnd = block.indexOf(CRLFCRLF);
  let sepLength = 4;
  if (headEnd < 0) {
    headEnd = block.indexOf('\n\n');
    sepLength = 2;
  }
  if (headEnd < 0) throw new Error('HTTP response without the blank line after its headers');
  const lines = block.subarray(0, headEnd).toString('latin1').split(/\r?\n/);
  const m = /^HTTP\/\d(?:\.\d)?\s+(\d{3})/.exec(lines[0]!);
  if (!m) throw new Error(`not an HTTP response (starts ${JSON.stringify(lines[0]!.slice(0, 20))})`);
  const headers = parseHeaders(lines.slice(1));
  let body = block.subarray(headEnd + sepLength);
  if (/\bchunked\b/i.test(headers.get('transfer-encoding') ?? '')) body = dechunk(body);
  const coding = (headers.get('content-encoding') ?? '').trim().toLowerCase();
  try {
    if (coding === 'gzip' || coding === 'x-gzip') body = gunzipSync(body);
    else if (coding === 'deflate') body = inflateSync(body);
    else if (coding === 'br') body = brotliDecompressSync(body);
  } catch (err) {
    throw new Error(`cannot undo Content-Encoding ${coding} (${(err as Error).message})`);
  }
  const contentType = headers.get('content-type') ?? '';
  const response: HttpResponse = { status: Number(m[1]), headers, body: Buffer.from(body), mediaType: contentType.split(';')[0]!.trim().toLowerCase() };
  const charset = charsetOf(contentType);
  if (charset) response.charset = charset;
  return response;
}

export function charsetOf(contentType: string): string | undefined {
  const m = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType);
  return m ? m[1]!.toLowerCase() : undefined;
}

function dechunk(body: Buffer): Buffer {
  const parts: Buffer[] = [];
  let i = 0;
  for (;;) {
    const eol = body.indexOf('\r\n', i);
    if (eol < 0) break;
    const size = parseInt(body.subarray(i, eol).toString('latin1').split(';')[0]!.trim(), 16);
    if (!Number.isFinite(size) || size === 0) break;
    parts.push(body.subarray(eol + 2, eol + 2 + size));
    i = eol + 2 + size + 2;
  }
  return Buffer.concat(parts);
}

/** Media types whose payload is text this tool can repair or extract an article from. */
export function isTextPayload(mediaType: string): boolean {
  return mediaType === '' || mediaType.startsWith('text/') || mediaType === 'application/xhtml+xml';
}
