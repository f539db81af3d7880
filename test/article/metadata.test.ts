import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { toArticle } from '../../src/article/index.js';

const PARAGRAPH = 'The ministers of the alliance met in Brussels on Monday to discuss the crisis on the eastern border, which has worried the member states for weeks.';

/** A page whose head went through the same damage as its body, or none. */
export function pageWithHead(head: string, h1 = ''): string {
  return `<!doctype html><html lang="en"><head>${head}</head><body><article>${h1}${`<p>${PARAGRAPH}</p>`.repeat(3)}</article></body></html>`;
}

describe('article metadata is repaired like the body', () => {
  test('the title from <title>: a translated entity and its collateral', () => {
    const a = toArticle(pageWithHead('<title>Russia and & nbsp; NATO talks</title>'));
    assert.equal(a.title, 'Russia and NATO talks');
    assert.ok(a.fixes.some((f) => f.fixer === 'mangledEntities' && f.before === '& nbsp;'), JSON.stringify(a.fixes));
  });

  test('title, description, author and site name from meta tags: mojibake', () => {
    const a = toArticle(
      pageWithHead(
        '<meta property="og:title" content="Le CafÃ© rouvre"><meta name="description" content="Le CafÃ© de la gare rouvre &amp; nbsp; lundi">' +
          '<meta name="author" content="JosÃ© Martín"><meta property="og:site_name" content="CafÃ© News">',
      ),
    );
    assert.equal(a.title, 'Le Café rouvre');
    assert.equal(a.description, 'Le Café de la gare rouvre lundi');
    assert.equal(a.byline, 'José Martín');
    assert.equal(a.siteName, 'Café News');
  });

  test('JSON-LD metadata too', () => {
    const ld = { '@type': 'NewsArticle', headline: 'Talks & nbsp; resume', description: 'Ã‰tat des lieux', author: { name: 'JosÃ© Smith' } };
    const a = toArticle(pageWithHead(`<script type="application/ld+json">${JSON.stringify(ld)}</script>`));
    assert.equal(a.title, 'Talks resume');
    assert.equal(a.description, 'État des lieux');
    assert.equal(a.byline, 'José Smith');
  });

  test('the headline repeated in the body is recognised once both are repaired', () => {
    const a = toArticle(pageWithHead('<title>Russia and & nbsp; NATO talks</title>', '<h1>Russia and NATO talks</h1>'));
    assert.equal(a.title, 'Russia and NATO talks');
    assert.equal(a.paragraphs.length, 3);
    assert.equal(a.paragraphs[0], PARAGRAPH);
  });

  test('clean metadata is left exactly as it is', () => {
    const clean = [
      ['AT&amp;T and R&amp;D: fish &amp; chips; « Bonjour » ?', 'AT&T and R&D: fish & chips; « Bonjour » ?'],
      ['NÃO é não — Κρίση στην Αθήνα', 'NÃO é não — Κρίση στην Αθήνα'],
      ['Москва: переговоры 🎉 x² + y² = z²', 'Москва: переговоры 🎉 x² + y² = z²'],
    ];
    for (const [markup, text] of clean) {
      const a = toArticle(
        // og:title: Readability's own title clean-up cuts a <title> at ` » ` as a site separator.
        pageWithHead(`<meta property="og:title" content="${markup}"><meta name="description" content="${markup}"><meta name="author" content="${markup}"><meta property="og:site_name" content="${markup}">`),
      );
      assert.deepEqual([a.title, a.description, a.byline, a.siteName], [text, text, text, text]);
      assert.equal(a.fixes.length, 0, JSON.stringify(a.fixes));
    }
  });

  test('text input has no description; a page without one gives null', () => {
    assert.equal(toArticle('Title line\n\n' + PARAGRAPH, { input: 'text' }).description, null);
    assert.equal(toArticle(pageWithHead('<title>x</title>')).description, null);
  });
});
