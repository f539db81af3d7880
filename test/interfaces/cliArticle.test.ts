import assert from 'node:assert/strict';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, test } from 'node:test';
import { ArticleSchema } from '../../src/index.js';
import { tempDir } from '../support/tempDir.js';
import { runCli, SEED } from './runCli.js';

const dir = tempDir('unmangle-article-');
const file = (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const PARAGRAPH = 'The ministers of the alliance met in Brussels on Monday to discuss the crisis on the eastern border, which has worried the member states for weeks.';
const PAGE = `<html><head><title>Ministers meet</title></head><body><article><h1>Ministers meet</h1>${`<p>${PARAGRAPH}</p>`.repeat(3)}</article></body></html>`;

describe('unmangle article', () => {
  test('writes one JSON object per line per input, each with its source', { skip: !existsSync(SEED) && 'seed absent' }, () => {
    const page = file('page.html.gz', gzipSync(PAGE));
    const r = runCli(['article', SEED, page]);
    assert.equal(r.status, 0, r.stderr);
    const lines = r.stdout.trimEnd().split('\n');
    assert.equal(lines.length, 2);
    const [seed, html] = lines.map((l) => ArticleSchema.parse(JSON.parse(l)));
    assert.equal(seed!.source, SEED);
    assert.equal(seed!.paragraphs.length, 9);
    assert.equal(html!.source, page);
    assert.equal(html!.input, 'html');
    assert.equal(html!.paragraphs.length, 3);
  });

  test('reads standard input and writes Markdown or text', () => {
    const md = runCli(['article', '--format', 'md'], PAGE);
    assert.equal(md.status, 0, md.stderr);
    assert.match(md.stdout, /^# Ministers meet\n\nThe ministers/);
    const text = runCli(['article', '--format', 'text', '-'], PAGE);
    assert.equal(text.stdout, `Ministers meet\n\n${[PARAGRAPH, PARAGRAPH, PARAGRAPH].join('\n\n')}\n`);
  });

  test('bad input is one line naming the file, exit 1', () => {
    const bad = file('bad.html.gz', Buffer.from([0x1f, 0x8b, 0, 1, 2]));
    const r = runCli(['article', bad]);
    assert.equal(r.status, 1);
    assert.equal(r.stderr, `unmangle: ${bad}: not a valid gzip stream (unknown compression method)\n`);
    const missing = runCli(['article', join(dir, 'missing.html')]);
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /^unmangle: .*missing\.html: no such file\n$/);
  });
});

describe('unmangle article: metadata', () => {
  const damaged = `<html><head><title>Russia and & nbsp; NATO talks</title><meta name="description" content="Le CafÃ© rouvre"><meta name="author" content="JosÃ© Smith"><meta property="og:site_name" content="CafÃ© News"></head><body><article>${`<p>${PARAGRAPH}</p>`.repeat(3)}</article></body></html>`;

  test('title, description, author and site name come out repaired in JSON and Markdown', () => {
    const r = runCli(['article'], damaged);
    assert.equal(r.status, 0, r.stderr);
    const a = ArticleSchema.parse(JSON.parse(r.stdout));
    assert.deepEqual([a.title, a.description, a.byline, a.siteName], ['Russia and NATO talks', 'Le Café rouvre', 'José Smith', 'Café News']);
    const md = runCli(['article', '--format', 'md'], damaged);
    assert.match(md.stdout, /^# Russia and NATO talks\n\n\*José Smith · Café News\*\n/);
  });
});

describe('unmangle fix --html', () => {
  test('writes the plain text of a translated fragment', () => {
    const r = runCli(['fix', '--html'], '< p >Russia and & nbsp; NATO</ P><p>one<br>two</p>');
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, 'Russia and NATO\n\none\ntwo\n');
  });

  test('repairs the field of each JSON line as HTML', () => {
    const r = runCli(['fix', '--html', '--jsonl'], `${JSON.stringify({ text: '<p>a & nbsp; b</p><p>c</p>' })}\n`);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(JSON.parse(r.stdout).text, 'a b\n\nc');
  });
});
