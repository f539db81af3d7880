import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixAndExplain, fixText } from '../../src/index.js';

const html = (s: string) => fixText(s, { from: 'html' });

describe("fixText(html, { from: 'html' })", () => {
  it('turns blocks into paragraphs and <br> into line breaks', () => {
    assert.equal(html('<p>One.</p><p>Two<br>three.</p>'), 'One.\n\nTwo\nthree.');
    assert.equal(html('<h2>Head</h2><ul><li>a</li><li>b</li></ul><div>c</div>'), 'Head\n\na\n\nb\n\nc');
  });

  it('removes inline tags without gluing or splitting words', () => {
    assert.equal(html('<p>Hello <strong>big</strong> <em>world</em>!</p>'), 'Hello big world!');
    assert.equal(html('<p>un<b>believ</b>able</p>'), 'unbelievable');
    assert.equal(html('<p>one</p>two'), 'one\n\ntwo');
  });

  it('repairs broken tags and entities of a translated fragment', () => {
    const input = '< p dir = "ltr" >Russia and & nbsp; NATO may find a solution & mdash; he said.</ P>< p >Second & laquo;paragraph& raquo;.< / p>';
    assert.equal(html(input), 'Russia and NATO may find a solution — he said.\n\nSecond «paragraph».');
  });

  it('decodes entities, keeps literal text, and skips scripts and the head', () => {
    assert.equal(html('<p>Fish &amp; chips &lt;3</p>'), 'Fish & chips <3');
    assert.equal(html('<html><head><title>T</title><style>p{}</style></head><body><p>Body</p><script>x()</script></body></html>'), 'Body');
  });

  it('copes with malformed markup', () => {
    assert.equal(html('<p>open <b>bold <i>both</p><p>next'), 'open bold both\n\nnext');
    assert.equal(html('<div><p>a</div></span></p>b'), 'a\n\nb');
    assert.equal(html(''), '');
    assert.equal(html(`${'<div>'.repeat(50000)}deep${'</div>'.repeat(50000)}`), 'deep');
  });

  it('explains repairs in the coordinates of the extracted text', () => {
    const r = fixAndExplain('<p>a & nbsp; b</p>', { from: 'html' });
    assert.equal(r.text, 'a b');
    assert.ok(r.steps.some((s) => s.fixer === 'mangledEntities' && s.before === '& nbsp;'));
  });

  it('leaves plain text mode unchanged', () => {
    assert.equal(fixText('<p>kept</p>'), '<p>kept</p>');
  });
});
