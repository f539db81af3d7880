import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fixText } from '../../src/index.js';

describe('intact HTML entities', () => {
  test('named, decimal and hex references, and case variants browsers accept', () => {
    assert.equal(fixText('a&mdash;b &#8212; &#x2014; &#X2014; &AMP; &hellip;'), 'a—b — — — & …');
    assert.equal(fixText('x &lt;tag&gt; &quot;q&quot; &apos;s'), 'x <tag> "q" \'s');
    assert.equal(fixText('&eacute;t&eacute; &Ouml;l &szlig;'), 'été Öl ß');
  });

  test('windows-1252 numbers mean what browsers show for them', () => {
    assert.equal(fixText('1990&#150;1995 &#147;q&#148;'), '1990–1995 “q”');
  });

  test('references to controls, surrogates and unknown names are left as they are', () => {
    for (const s of ['a &#0; b', 'a &#x1; b', 'a &#55296; b', 'a &nosuch; b', 'a &#x110000; b']) assert.equal(fixText(s), s);
  });

  test('HTML markup keeps its entities unless asked', () => {
    const html = '<p>1 &lt; 2 &amp;&amp; R&amp;D</p>';
    assert.equal(fixText(html), html);
    assert.equal(fixText(html, { htmlEntities: 'always' }), '<p>1 < 2 && R&D</p>');
    assert.equal(fixText('1 &lt; 2', { htmlEntities: 'never' }), '1 &lt; 2');
  });

  test('a less-than sign in prose or math is not markup', () => {
    assert.equal(fixText('if a <b and c> d then &mdash; stop'), 'if a <b and c> d then — stop');
  });

  test('an intact no-break space becomes a plain space, or stays with keepNbsp', () => {
    assert.equal(fixText('10&nbsp;km'), '10 km');
    assert.equal(fixText('10&nbsp;km', { keepNbsp: true }), '10\u00a0km');
  });
});
