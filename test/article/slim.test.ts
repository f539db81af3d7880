import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { slimMarkup } from '../../src/article/html/slim.js';
import { markupToText } from '../../src/repair/html/text.js';

describe('slimMarkup', () => {
  it('keeps the attributes extraction reads and drops the rest', () => {
    const html =
      '<div class="story" id="main" data-track="x" onclick="go()" role="main" aria-hidden="true" itemprop="articleBody" style="color:red">' +
      '<a href="https://example.com/a" target="_blank" rel="noopener">away</a> <a href="#notes">notes</a> ' +
      '<a href="javascript:void(0)">menu</a> <a rel="author" href="/jane">Jane</a>' +
      '<p style="display: none">hidden</p></div>';
    assert.equal(
      slimMarkup(html),
      '<div class="story" id="main" role="main" aria-hidden="true" itemprop="articleBody">' +
        '<a>away</a> <a href="#notes">notes</a> <a href="javascript:void(0)">menu</a> <a rel="author">Jane</a>' +
        '<p style="display: none">hidden</p></div>',
    );
  });

  it('keeps images that have a source as bare images and leaves tables and figures as they are', () => {
    assert.equal(slimMarkup('<img data-src="a.jpg" alt="A" width="10" class="lazy">'), '<img src class="lazy">');
    assert.equal(slimMarkup('<img alt="placeholder">'), '<img>');
    const table = '<table summary="results"><tr><td colspan="2" width="50%">a</td></tr></table>';
    assert.equal(slimMarkup(table), table);
    const figure = '<figure data-src="b.png"></figure>';
    assert.equal(slimMarkup(figure), figure);
  });

  it('unwraps bare inline elements but keeps those with attributes, pairing each end tag with its start', () => {
    assert.equal(slimMarkup('<p>un<b>believ</b>able <span>plain</span></p>'), '<p>unbelievable plain</p>');
    assert.equal(
      slimMarkup('<p><span class="share">Share <span>this</span></span> text</p>'),
      '<p><span class="share">Share this</span> text</p>',
    );
    assert.equal(slimMarkup('<p><span>outer <span class="x">inner</span> more</span></p>'), '<p>outer <span class="x">inner</span> more</p>');
  });

  it('drops white space next to block tags but keeps it between inline ones and inside pre', () => {
    assert.equal(slimMarkup('<div>\n  <p>One</p>\n  <p>Two</p>\n</div>'), '<div><p>One</p><p>Two</p></div>');
    assert.equal(slimMarkup('<p><a href="#a">one</a> <a href="#b">two</a></p>'), '<p><a href="#a">one</a> <a href="#b">two</a></p>');
    const pre = '<pre>\n<span class="k">if</span> <span>x</span>\n</pre>';
    assert.equal(slimMarkup(pre), pre);
  });

  it('leaves the text of a page as it was', () => {
    const page = `<html><head><title>T</title></head><body>
      <div class="wrap" data-x="1">
        <h1 class="headline">A <em>big</em> day</h1>
        <p>First <strong>strong</strong> words, <a href="/x" class="link">a link</a> and <i>more</i>.</p>
        <ul class="list"> <li>one</li> <li><b>two</b> items</li> </ul>
        <p>Line<br> break and <span>spans</span> <span class="c">with</span> <code>code</code>.</p>
        <pre>  keep
    this</pre>
        <table><tr><td>a</td> <td>b</td></tr></table>
      </div></body></html>`;
    assert.equal(markupToText(slimMarkup(page)), markupToText(page));
  });
});
