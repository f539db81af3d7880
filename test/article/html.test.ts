import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { describe, it } from 'node:test';
import iconv from 'iconv-lite';
import { decodePage, formatArticle, toArticle } from '../../src/index.js';

const BODY = [
  'The ministers of the alliance met in Brussels on Monday to discuss the crisis on the eastern border, which has worried the member states for weeks.',
  'According to the secretary general, the alliance is ready for talks about arms control and greater transparency of military exercises in the region.',
  'The next round of negotiations between the two sides is expected to take place in Geneva next week, diplomats said on condition of anonymity.',
  'Analysts expect little progress, but both sides have said that they want to keep the channels of communication open during the coming months.',
];

/** A news page as a translation service returns it: broken tags, mangled entities. */
function translatedPage(): string {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Ministers meet in Brussels | Example News</title>
<meta property="og:title" content="Ministers meet in Brussels">
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2022-01-09T12:30:00+03:00">
<meta name="author" content="Jane Doe">
<link rel="canonical" href="https://news.example.com/ministers-meet">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article>
< h1 >Ministers meet in Brussels< / h1>
<div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Tweet</a></div>
< p dir = "ltr" >${BODY[0]!.replace('Brussels on', 'Brussels & nbsp; on')}</ P>
<p>${BODY[1]}</ P>
< P >${BODY[2]!.replace('said on', 'said & mdash; on').replace(' & mdash;', ' &mdash;')}< / p>
<p>${BODY[3]}</p>
<p>Read also: Alliance ministers agree on new sanctions</p>
<div class="related-articles"><h3>Related</h3><ul><li><a href="/a">Another story about the alliance and its members</a></li><li><a href="/b">Yet another story</a></li></ul></div>
</article>
<footer>© 2022 Example News. All rights reserved.</footer>
</body></html>`;
}

describe('toArticle on an HTML page damaged by translation', () => {
  const a = toArticle(translatedPage(), { source: 'page.html' });

  it('finds the body paragraphs with tags and entities repaired', () => {
    assert.equal(a.input, 'html');
    assert.equal(a.extractor, 'readability+linkedom');
    assert.equal(a.paragraphs.length, 4);
    assert.equal(a.paragraphs[0], BODY[0]);
    assert.equal(a.paragraphs[1], BODY[1]);
    assert.match(a.paragraphs[2]!, /diplomats said — on condition/);
    assert.equal(a.text, a.paragraphs.join('\n\n'));
    assert.ok(a.fixes.some((f) => f.fixer === 'markup' && f.before === '</ P>'));
    assert.ok(a.fixes.some((f) => f.fixer === 'mangledEntities'));
  });

  it('drops share bars, related lists and read-also links, and reports them', () => {
    assert.doesNotMatch(a.text, /Share on Facebook|Another story|Read also|All rights reserved/);
    // Readability drops the share bar itself; what slips through it is removed here and reported.
    const related = a.boilerplate.filter((b) => b.kind === 'related').map((b) => b.text);
    assert.ok(related.some((t) => t.startsWith('Read also')), JSON.stringify(a.boilerplate));
    assert.ok(related.some((t) => t.includes('Another story')), JSON.stringify(a.boilerplate));
  });

  it('reads the metadata', () => {
    assert.equal(a.title, 'Ministers meet in Brussels');
    assert.equal(a.byline, 'Jane Doe');
    assert.equal(a.published, '2022-01-09T09:30:00.000Z');
    assert.equal(a.siteName, 'Example News');
    assert.equal(a.url, 'https://news.example.com/ministers-meet');
    assert.equal(a.lang, 'en');
    assert.equal(a.source, 'page.html');
  });

  it('formats as Markdown and text', () => {
    const md = formatArticle(a, 'md');
    assert.match(md, /^# Ministers meet in Brussels\n/);
    assert.match(md, /\*Jane Doe · 2022-01-09T09:30:00.000Z · Example News\*/);
    const text = formatArticle(a, 'text');
    assert.equal(text, `Ministers meet in Brussels\n\n${a.text}\n`);
    assert.deepEqual(JSON.parse(formatArticle(a, 'json')), a);
  });
});

describe('toArticle on other pages', () => {
  it('reads .html.gz bytes by their magic number', () => {
    const a = toArticle(gzipSync(Buffer.from(translatedPage(), 'utf8')));
    assert.equal(a.input, 'html');
    assert.equal(a.paragraphs.length, 4);
  });

  it('decodes the charset of the meta tag, or the one given from the HTTP header', () => {
    const page = `<html><head><meta charset="windows-1251"><title>Новости</title></head><body><article>${
      '<p>Министры стран альянса встретились в Брюсселе в понедельник, чтобы обсудить кризис на восточной границе.</p>'.repeat(4)
    }</article></body></html>`;
    const bytes = iconv.encode(page, 'windows-1251');
    const a = toArticle(bytes);
    assert.match(a.text, /^Министры стран альянса/);
    assert.equal(a.lang, 'ru');
    assert.equal(decodePage(bytes).charsetSource, 'meta');
    const koi = iconv.encode(page.replace('windows-1251', 'utf-8'), 'koi8-r');
    assert.equal(decodePage(koi, 'koi8-r').charsetSource, 'header');
    assert.match(decodePage(koi, 'koi8-r').text, /Министры/);
  });

  it('gives an empty body and a warning for a page without an article', () => {
    const a = toArticle('<html><head><title>Login</title></head><body><form><input name="user"><button>Sign in</button></form></body></html>');
    assert.deepEqual(a.paragraphs, []);
    assert.equal(a.text, '');
    assert.deepEqual(a.warnings, ['no article found on the page']);
  });

  it('treats markup without any element as an empty page', () => {
    for (const page of ['', '   ', '<!doctype html> ', '<!-- only a comment -->']) {
      const a = toArticle(page, { input: 'html' });
      assert.equal(a.text, '', JSON.stringify(page));
      assert.deepEqual(a.warnings, ['no article found on the page'], JSON.stringify(page));
    }
  });

  it('survives malformed markup', () => {
    const bad = `<html><body><div><p>${BODY[0]}<p>${BODY[1]}</div></span></td><table><tr><td><p>${BODY[2]}</table><p>${BODY[3]}`;
    const a = toArticle(bad);
    assert.ok(a.paragraphs.length >= 3, JSON.stringify(a.paragraphs));
    assert.ok(a.text.includes(BODY[3]!));
  });

  it('survives elements nested twenty thousand deep', () => {
    const deep = `<html><body>${'<div>'.repeat(20000)}<p>${BODY.join(' ')}</p>${'</div>'.repeat(20000)}</body></html>`;
    const a = toArticle(deep);
    assert.deepEqual(a.paragraphs, [BODY.join(' ')]);
    assert.ok(['readability+linkedom', 'linkedom-body'].includes(a.extractor));
  });

  it('reads a fragment as HTML and empty input as an empty article', () => {
    assert.equal(toArticle(`<p>${BODY[0]}</p><p>${BODY[1]}</p>`).input, 'html');
    const empty = toArticle('');
    assert.equal(empty.text, '');
    assert.equal(empty.warnings.length, 1);
  });

  it('drops captions and link-only blocks but keeps paragraphs with links in them', () => {
    const page = `<html><body><article>
<p>${BODY[0]}</p>
<figure><img src="x.jpg"><figcaption>The ministers in Brussels (Photo: Agency)</figcaption></figure>
<p>${BODY[1]!.replace('arms control', '<a href="/arms">arms control</a>')}</p>
<p><a href="/other">Ministers of another alliance meet in Vienna next month</a></p>
<p>${BODY[2]}</p>
</article></body></html>`;
    const a = toArticle(page);
    assert.deepEqual(a.paragraphs, [BODY[0], BODY[1], BODY[2]]);
    assert.ok(a.boilerplate.some((b) => b.kind === 'related' && b.text.startsWith('Ministers of another alliance')));
  });

  it('reports removed furniture as laid-out text, blocks separated by a space', () => {
    const page = `<html><body><article><p>${BODY[0]}</p><p>${BODY[1]}</p><p>${BODY[2]}</p><div class="newsletter-box"><h3>Newsletters</h3><p>Get the news in your inbox</p><button>Sign up</button></div><p>${BODY[3]}</p></article></body></html>`;
    const a = toArticle(page);
    assert.deepEqual(a.paragraphs, BODY);
    assert.ok(a.boilerplate.some((b) => b.kind === 'newsletter' && b.text === 'Newsletters Get the news in your inbox'), JSON.stringify(a.boilerplate));
  });

  it('rejects a corrupt gzip stream with a clear error', () => {
    assert.throws(() => toArticle(Buffer.from([0x1f, 0x8b, 1, 2, 3])), /not a valid gzip stream/);
  });
});
