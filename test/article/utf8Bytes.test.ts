import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { describe, it } from 'node:test';
import iconv from 'iconv-lite';
import { readPage, textOfUtf8Bytes } from '../../src/article/bytes.js';
import { toArticle } from '../../src/index.js';

const BODY = [
  'Die Brücke über den Fluss wurde am Montag eröffnet – „endlich“, sagte die Bürgermeisterin vor hundert Gästen.',
  'Мост через реку открыли в понедельник: «наконец-то», сказала мэр города перед сотней гостей и журналистов.',
  'Le pont a coûté 12 millions d’euros\u00a0; les travaux ont duré trois ans 🚧 et ont mobilisé deux cents ouvriers.',
  'A sentence with a no-break\u00a0space and the letters à, Å and … that end in bytes A0 and 85.',
];

/** A page with non-ASCII text in every place the extraction reads: meta tags, JSON-LD, attributes, broken tags. */
const PAGE = `<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Brücke eröffnet – Zeitung</title>
<meta property="og:title" content="Brücke eröffnet: „endlich“">
<meta name="author" content=Zoë>
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Br\\u00fccke er\\u00f6ffnet","publisher":{"name":"Zeitung für Städte"}}</script>
</head><body><nav>Menü</nav><article class="artikel-text" title=à>
< p title = "Brücke à" >${BODY[0]}</ P>
<p class="résumé">${BODY[1]}</p><div>\u00a0</div>
<p>${BODY[2]}</p><p><span>${BODY[3]}</span></p>
</article></body></html>`;

describe('a UTF-8 page read from its bytes', () => {
  it('gives the same article as the page read as text', () => {
    const fromText = toArticle(PAGE);
    assert.deepEqual(fromText.paragraphs, BODY);
    assert.equal(fromText.title, 'Brücke eröffnet: „endlich“');
    assert.equal(fromText.byline, 'Zoë');
    assert.equal(fromText.siteName, 'Zeitung für Städte');
    assert.ok(fromText.fixes.some((f) => f.fixer === 'markup' && f.before === '< p title = "Brücke à" >'), JSON.stringify(fromText.fixes));
    assert.deepEqual(toArticle(Buffer.from(PAGE, 'utf8')), fromText);
    assert.deepEqual(toArticle(gzipSync(Buffer.from(PAGE, 'utf8'))), fromText);
  });

  it('is held as its bytes only when it is UTF-8', () => {
    const utf8 = readPage(Buffer.from(PAGE, 'utf8'));
    assert.equal(utf8.utf8Bytes, true);
    assert.equal(textOfUtf8Bytes(utf8.text), PAGE);
    const cyrillic = '<html><head><meta charset="windows-1251"></head><body><p>Мост открыли</p></body></html>';
    const legacy = readPage(iconv.encode(cyrillic, 'windows-1251'));
    assert.equal(legacy.utf8Bytes, false);
    assert.equal(legacy.text, cyrillic);
  });

  it('is read as plain text when it is not markup', () => {
    const text = `${BODY[0]}\n\n${BODY[1]}`;
    assert.deepEqual(toArticle(Buffer.from(text, 'utf8')).paragraphs, [BODY[0], BODY[1]]);
  });
});
