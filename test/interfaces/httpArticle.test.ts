import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { toArticle } from '../../src/article/index.js';
import { fixText } from '../../src/index.js';
import { post, startServer, type Running } from './httpServer.js';
import { ROOT, SEED } from './runCli.js';

const seed = readFileSync(SEED, 'utf8');
const PAGES = join(ROOT, '..', 'shared', 'data', 'aeb-dev', 'html');

const PAGE = `<!doctype html><html lang="en"><head><title>Talks resume | Example News</title>
<meta property="og:site_name" content="Example News"></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Talks resume</h1>
<p>Russia and & nbsp; NATO may find a political solution to their differences, Jens Stoltenberg told the Financial Times on Sunday.</p>
<p>“You can find a solution & raquo;, & mdash; said & nbsp; he. The alliance is ready to discuss arms control with Moscow, he added.</p>
<p>Talks between Russia and the United States are planned for next week in Geneva, officials said.</p>
</article>
<footer>© 2022 Example News. All rights reserved.</footer></body></html>`;

describe('HTTP API: /v1/article', () => {
  let s: Running;
  before(async () => {
    s = await startServer({ bodyLimit: 8 * 1024 * 1024 });
  });
  after(() => s.close());

  test('an HTML page: the same article as toArticle, with quotes and entities', async () => {
    const r = await post(`${s.url}/v1/article`, PAGE, 'text/html; charset=utf-8');
    assert.equal(r.status, 200, JSON.stringify(r.json));
    const expected = toArticle(PAGE, { input: 'html' });
    for (const key of ['title', 'siteName', 'text', 'paragraphs', 'boilerplate', 'fixes'] as const) {
      assert.deepEqual(r.json[key], JSON.parse(JSON.stringify(expected[key])), key);
    }
    assert.match(r.json.text, /Russia and NATO may find/);
    assert.deepEqual(r.json.attribution, { lang: 'en', supported: true });
    const speakers = r.json.quotes.map((q: { speaker: { name: string } | null }) => q.speaker?.name);
    assert.ok(speakers.includes('Jens Stoltenberg'), JSON.stringify(r.json.quotes));
    const names = r.json.entities.map((e: { name: string; type: string }) => `${e.type}:${e.name}`);
    for (const expected of ['person:Jens Stoltenberg', 'organization:NATO', 'place:Russia']) assert.ok(names.includes(expected), names.join());
    for (const q of r.json.quotes) assert.equal(r.json.text.slice(q.start, q.end).length, q.end - q.start);
  });

  test('JSON with html or text, and url', async () => {
    const r = await post(`${s.url}/v1/article`, JSON.stringify({ html: PAGE, url: 'https://example.com/talks' }), 'application/json');
    assert.equal(r.status, 200, JSON.stringify(r.json));
    assert.equal(r.json.url, 'https://example.com/talks');
    const t = await post(`${s.url}/v1/article`, JSON.stringify({ text: seed }), 'application/json');
    assert.equal(t.status, 200, JSON.stringify(t.json));
    assert.equal(t.json.input, 'text');
    assert.ok(t.json.paragraphs.length > 3);
    assert.ok(fixText(seed).includes(t.json.paragraphs[1]), t.json.paragraphs[1]);
  });

  test('a page in another charset is decoded by the article layer', async () => {
    const cp1251 = Buffer.from([0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2]); // "Привет" in windows-1251
    const html = Buffer.concat([Buffer.from('<html><body><article><p>'), cp1251, Buffer.from(', world. This is the body of the article, long enough to be kept by the extractor.</p></article></body></html>')]);
    const r = await post(`${s.url}/v1/article`, html, 'text/html; charset=windows-1251');
    assert.equal(r.status, 200, JSON.stringify(r.json));
    assert.match(r.json.text, /Привет, world/);
  });

  test('bad requests', async () => {
    const both = await post(`${s.url}/v1/article`, JSON.stringify({ html: '<p>x</p>', text: 'x' }), 'application/json');
    assert.equal(both.status, 400);
    assert.match(both.json.message, /exactly one of "html" or "text"/);
    const binary = await post(`${s.url}/v1/article`, Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x01]), 'text/html');
    assert.equal(binary.status, 422, JSON.stringify(binary.json));
    assert.equal(binary.json.error, 'unprocessable');
    assert.match(binary.json.message, /gzip/);
  });

  test('the seed as text/plain: the article view gets paragraphs', async () => {
    const r = await post(`${s.url}/v1/article`, seed, 'text/plain');
    assert.equal(r.status, 200, JSON.stringify(r.json));
    assert.ok(r.json.title);
    assert.ok(r.json.paragraphs.every((p: string) => !p.includes('& nbsp;')));
    // The seed's speakers, as the attribution layer finds them in the repaired text.
    const speakers = new Set(r.json.quotes.map((q: { speaker: { name: string } | null }) => q.speaker?.name));
    assert.ok(speakers.has('Jens Stoltenberg'), [...speakers].join());
  });

  test('the metadata is repaired like the body', async () => {
    const page = PAGE.replace('<title>Talks resume | Example News</title>', '<title>Russia and & nbsp; NATO talks</title><meta name="description" content="Le CafÃ© rouvre"><meta name="author" content="JosÃ© Smith">')
      .replace('content="Example News"', 'content="CafÃ© News"')
      .replace('<h1>Talks resume</h1>', '<h1>Russia and NATO talks</h1>');
    const r = await post(`${s.url}/v1/article`, page, 'text/html; charset=utf-8');
    assert.equal(r.status, 200, JSON.stringify(r.json));
    assert.deepEqual([r.json.title, r.json.description, r.json.byline, r.json.siteName], ['Russia and NATO talks', 'Le Café rouvre', 'José Smith', 'Café News']);
    assert.ok(!r.json.paragraphs.includes('Russia and NATO talks'), 'the headline is not body text');
  });

  test('real news pages, gzipped as stored, give a body', { skip: existsSync(PAGES) ? false : `${PAGES} is missing` }, async () => {
    const files = readdirSync(PAGES).sort().slice(0, 5);
    for (const file of files) {
      const r = await post(`${s.url}/v1/article`, readFileSync(join(PAGES, file)), 'text/html');
      assert.equal(r.status, 200, `${file}: ${JSON.stringify(r.json)}`);
      assert.ok(r.json.text.length > 200, `${file}: ${r.json.text.length} characters`);
    }
  });
});
