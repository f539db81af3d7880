import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { focusMarkup } from '../../src/article/html/focusMarkup.js';

const PARAGRAPH = '<p>' + 'The ministers of the alliance met in Brussels on Monday to discuss the crisis. '.repeat(3) + '</p>';
const TEASER = '<p>A teaser for another story, with a few words of its own.</p>';

function page(body: string): string {
  return `<!DOCTYPE html><html><head><title>News</title></head><body>${body}</body></html>`;
}

describe('focusMarkup', () => {
  it('keeps the article the page marks when it holds most of the paragraph text', () => {
    const focused = focusMarkup(page(`<header>${TEASER}</header><main><article>${PARAGRAPH.repeat(4)}</article></main><footer>${TEASER}</footer>`));
    assert.ok(focused);
    assert.match(focused, /<body><article>/);
    assert.doesNotMatch(focused, /teaser/);
    assert.match(focused, /<title>News<\/title>/);
  });

  it('takes the innermost unmarked container that holds nearly all of the text', () => {
    const focused = focusMarkup(
      page(`<div class="site"><div class="menu">${TEASER}</div><div class="content"><div class="story">${PARAGRAPH.repeat(6)}</div></div></div>`),
    );
    assert.ok(focused);
    assert.match(focused, /<body><div class="story">/);
    assert.doesNotMatch(focused, /teaser/);
  });

  it('gives null when no container clearly dominates or the page has little text', () => {
    assert.equal(focusMarkup(page(`<div>${PARAGRAPH.repeat(3)}</div><div>${PARAGRAPH.repeat(3)}</div>`)), null);
    assert.equal(focusMarkup(page(`<article>${TEASER}</article>`)), null);
  });

  it('counts nested elements of the same name and leaves out an element never closed', () => {
    const focused = focusMarkup(page(`<div class="outer"><div class="inner">${PARAGRAPH.repeat(5)}</div>${TEASER}</div><div class="open">`));
    assert.ok(focused);
    assert.match(focused, /<body><div class="inner">.*<\/div><\/body>/s);
  });
});
