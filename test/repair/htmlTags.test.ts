import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { repairTags } from '../../src/index.js';

describe('repairTags', () => {
  it('repairs tags broken by translation', () => {
    const cases: Array<[string, string]> = [
      ['<p>one</ P>', '<p>one</p>'],
      ['< p dir = "ltr" >two</p>', '<p dir="ltr">two</p>'],
      ['<a href="/x">three< / a >', '<a href="/x">three</a>'],
      ['<table><tr><TD>a</th><th>b</td></tr></table>', '<table><tr><TD>a</td><th>b</th></tr></table>'],
      ['<h2>Title</h3>', '<h2>Title</h2>'],
      ['line< br >next', 'line<br>next'],
      ['<p class = "x">spaced equals</p>', '<p class="x">spaced equals</p>'],
      ['<table><tr><td class="a">a</th></tr></table>', '<table><tr><td class="a">a</td></tr></table>'],
    ];
    for (const [input, expected] of cases) assert.equal(repairTags(input).html, expected, input);
  });

  it('reports each repair', () => {
    const r = repairTags('<p>one</ P>');
    assert.deepEqual(r.repairs, [{ start: 6, end: 11, before: '</ P>', after: '</p>' }]);
  });

  it('leaves well-formed markup and prose comparisons alone', () => {
    const clean = [
      '<p class="x">Hello <b>world</b></p><br/><img src="a.png" alt="A"/>',
      '<TABLE><TR><TD>upper case is valid HTML</TD></TR></TABLE>',
      'if a < b > c then',
      'x < p and q > y',
      '<custom-element data-x="1">ok</custom-element>',
      'plain text without tags',
    ];
    for (const html of clean) {
      const r = repairTags(html);
      assert.equal(r.html, html);
      assert.deepEqual(r.repairs, []);
    }
  });
});
