import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { dropUnlikely } from '../../src/article/html/unlikely.js';
import { readabilityContent } from '../../src/article/html/readability.js';

const P = (n: number) => `<p>The committee heard evidence from residents, engineers and the council about the bridge, part ${n}.</p>`;

describe('dropUnlikely', () => {
  it('cuts what Readability’s first pass removes', () => {
    const html =
      `<div class="story">${P(1)}<div class="sidebar"><p>Most read</p></div>${P(2)}` +
      `<aside class="x" role="complementary">Menu</aside><div style="display:none">Hidden</div><span hidden>Also hidden</span>` +
      `<ul class="social-links"><li>Share</li></ul>${P(3)}</div>`;
    assert.equal(dropUnlikely(html), `<div class="story">${P(1)}${P(2)}${P(3)}</div>`);
  });

  it('keeps what Readability keeps or decides about later', () => {
    const kept = [
      '<div class="article-comments">Comments are part of the article body</div>', // "article" rescues it
      '<div class="byline author">By Jane Doe</div>', // a byline's text is kept as the byline
      '<div class="header"><h1>The title</h1></div>', // Readability reads headings for the title
      '<table><tr><td><div class="sidebar">In a table</div></td></tr></table>',
      '<p class="comment">Not a container the scan can cut</p>',
      '<div style="display: none !important">linkedom reads this style as not hiding</div>',
    ];
    for (const html of kept) assert.equal(dropUnlikely(html), html, html);
  });

  it('cuts only elements its own end tag closes', () => {
    const unclosed = `<div class="a"><div class="sidebar"><p>open</p></div>`;
    assert.equal(dropUnlikely(unclosed), '<div class="a">');
    const implicit = `<section><div class="sidebar"><p>never closed</p></section>`;
    assert.equal(dropUnlikely(implicit), implicit);
    // The block closes the paragraph before it: cut, the paragraph's words would run into the next.
    const afterParagraph = `<p>intro<div class="sidebar">x</div>more</p>`;
    assert.equal(dropUnlikely(afterParagraph), afterParagraph);
  });

  it('gives Readability’s own result, also when Readability retries with the whole page', () => {
    const long = `<div class="article">${[1, 2, 3, 4, 5, 6].map(P).join('')}<div class="related"><ul><li><a href="#a">Another story</a></li></ul></div></div>`;
    const short = `<div class="article">${P(1)}</div><div class="sidebar">${[2, 3, 4, 5, 6, 7].map(P).join('')}</div>`;
    for (const body of [long, short]) {
      const page = `<html><head><title>Bridge</title></head><body>${body}</body></html>`;
      const plain = new Readability(parseHTML(page).document as never).parse();
      let first = true;
      const ours = readabilityContent(() => {
        const markup = first ? dropUnlikely(page) : page;
        first = false;
        return parseHTML(markup).document;
      });
      assert.equal(normalise(ours?.content?.textContent), normalise(plain?.textContent), body);
    }
  });
});

function normalise(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}
