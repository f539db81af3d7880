import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { describe, test } from 'node:test';
import { parseJsonl, scratch } from './batchSupport.js';
import { runCli } from './runCli.js';
import { makeWarc } from '../support/warc.js';

const { file } = scratch('unmangle-batch-warc-');

const windows1252 = Buffer.from('na\xefve & mdash; caf\xe9', 'latin1');
const chunked = (body: Buffer) => Buffer.concat([Buffer.from(body.length.toString(16) + '\r\n'), body, Buffer.from('\r\n0\r\n\r\n')]);

const warc = makeWarc([
  { url: 'https://example.com/a', contentType: 'text/html; charset=utf-8', body: '<html><body><p>Caf\u00e9 & mdash; ouvert</p></body></html>' },
  { url: 'https://example.com/b', contentType: 'text/plain; charset=windows-1252', body: windows1252 },
  { url: 'https://example.com/logo.png', contentType: 'image/png', body: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00]) },
  {
    url: 'https://example.com/c',
    contentType: 'text/plain',
    httpHeaders: ['Transfer-Encoding: chunked', 'Content-Encoding: gzip'],
    body: chunked(gzipSync('wait & hellip;')),
  },
]);

describe('unmangle batch: WARC', () => {
  test('response records are repaired with the HTTP charset; other records are counted, not output', () => {
    const r = runCli(['batch', file('crawl.warc', warc), '--workers', '1']);
    assert.equal(r.status, 0, r.stderr);
    const out = parseJsonl(r.stdout);
    assert.deepEqual(out.map((o) => o.url), ['https://example.com/a', 'https://example.com/b', 'https://example.com/c']);
    // in markup the mangled entity becomes an intact one, as fixText does for HTML
    assert.equal(out[0]!.text, '<html><body><p>Caf\u00e9 &mdash; ouvert</p></body></html>');
    assert.equal(out[1]!.text, 'na\u00efve — caf\u00e9');
    assert.equal(out[2]!.text, 'wait…');
    assert.equal(out[0]!.warcRecordId, '<urn:uuid:resp-0>');
    assert.equal(typeof out[0]!.unmangle.offset, 'number');
    // warcinfo, 4 requests and the image
    assert.match(r.stderr, /3 records in, 3 out .*; 6 WARC records not text responses/s);
  });

  test('.warc.gz (one gzip member per record) reads the same', () => {
    const gz = Buffer.concat(warc.toString('latin1').split(/(?=WARC\/1\.1\r\n)/).map((rec) => gzipSync(Buffer.from(rec, 'latin1'))));
    const plain = parseJsonl(runCli(['batch', file('c1.warc', warc), '--workers', '1']).stdout);
    const r = runCli(['batch', file('c2.warc.gz', gz), '--workers', '1']);
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(parseJsonl(r.stdout).map((o) => o.text), plain.map((o) => o.text));
  });

  test('a file that is not WARC is one rejected record naming it', () => {
    const r = runCli(['batch', file('fake.warc', 'hello\r\n\r\n'), '--workers', '1']);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /fake\.warc: not a WARC record at byte 0 .*\(rejected\)/);
    assert.match(r.stderr, /1 records in, 0 out .*1 rejected/);
  });
});

describe('unmangle batch --mode article', () => {
  const page = (title: string, body: string) =>
    `<!doctype html><html><head><title>${title}</title></head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>` +
    `<article><h1>${title}</h1><p>${body}</p><p>A second paragraph keeps the extractor sure that this is the article text.</p></article>` +
    `<footer>Share this article</footer></body></html>`;

  test('WARC HTML payloads become articles (charset from the HTTP header), with the fixes counted', () => {
    const latin1 = Buffer.from(page('Caf\xe9', 'Le caf\xe9 & nbsp; est ouvert tous les jours de la semaine, matin et soir.'), 'latin1');
    const r = runCli(['batch', file('pages.warc', makeWarc([{ url: 'https://example.com/cafe', contentType: 'text/html; charset=iso-8859-1', body: latin1 }])), '--mode', 'article', '--workers', '1']);
    assert.equal(r.status, 0, r.stderr);
    const [rec] = parseJsonl(r.stdout) as unknown as Array<{ text: string; url: string; article: { title: string; input: string; url: string }; unmangle: { fixes: Record<string, number> } }>;
    assert.match(rec!.text, /Le café est ouvert/);
    assert.doesNotMatch(rec!.text, /Home|Share this/);
    assert.equal(rec!.article.title, 'Café');
    assert.equal(rec!.article.input, 'html');
    assert.equal(rec!.article.url, 'https://example.com/cafe');
    assert.ok(rec!.unmangle.fixes.total! >= 1);
    assert.match(r.stderr, /1 records in, 1 out \(1 repaired, 0 unchanged\)/);
  });

  test('JSON lines records: the field is replaced by the article body, the rest under article', () => {
    const r = runCli(['batch', '--mode', 'article', '--workers', '1'], JSON.stringify({ id: 7, text: page('Title', 'Body text & mdash; with a mangled dash in a long enough sentence.') }) + '\n');
    assert.equal(r.status, 0, r.stderr);
    const [rec] = parseJsonl(r.stdout) as unknown as Array<{ id: number; text: string; article: { title: string; paragraphs: string[] } }>;
    assert.equal(rec!.id, 7);
    assert.match(rec!.text, /Body text — with a mangled dash/);
    assert.equal(rec!.article.title, 'Title');
    assert.ok(rec!.article.paragraphs.length >= 2);
  });
});
