import { gzipSync } from 'node:zlib';

export interface WarcResponse {
  url: string;
  contentType: string;
  body: string | Buffer;
  /** Extra HTTP headers, e.g. `Transfer-Encoding: chunked` with a body already chunked. */
  httpHeaders?: string[];
}

/** A small WARC file: a warcinfo record, then per response a request and a response record. */
export function makeWarc(responses: readonly WarcResponse[], options: { gzip?: boolean } = {}): Buffer {
  const records: Buffer[] = [record('warcinfo', 'urn:uuid:info', undefined, 'application/warc-fields', Buffer.from('software: unmangle-test\r\n'))];
  responses.forEach((r, i) => {
    records.push(record('request', `urn:uuid:req-${i}`, r.url, 'application/http; msgtype=request', Buffer.from(`GET / HTTP/1.1\r\nHost: example.com\r\n\r\n`)));
    const body = typeof r.body === 'string' ? Buffer.from(r.body) : r.body;
    const head = [`HTTP/1.1 200 OK`, `Content-Type: ${r.contentType}`, ...(r.httpHeaders ?? []), `Content-Length: ${body.length}`].join('\r\n');
    records.push(record('response', `urn:uuid:resp-${i}`, r.url, 'application/http; msgtype=response', Buffer.concat([Buffer.from(head + '\r\n\r\n'), body])));
  });
  return options.gzip ? Buffer.concat(records.map((r) => gzipSync(r))) : Buffer.concat(records);
}

function record(type: string, id: string, url: string | undefined, contentType: string, block: Buffer): Buffer {
  const headers = ['WARC/1.1', `WARC-Type: ${type}`, `WARC-Record-ID: <${id}>`, `WARC-Date: 2024-05-01T12:00:00Z`];
  if (url) headers.push(`WARC-Target-URI: ${url}`);
  headers.push(`Content-Type: ${contentType}`, `Content-Length: ${block.length}`);
  return Buffer.concat([Buffer.from(headers.join('\r\n') + '\r\n\r\n'), block, Buffer.from('\r\n\r\n')]);
}
