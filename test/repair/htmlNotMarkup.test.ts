import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixText, htmlFragmentToText } from '../../src/index.js';
import { runCli } from '../interfaces/runCli.js';

const html = (s: string, keepNbsp = false) => fixText(s, { from: 'html', keepNbsp });

describe('HTML mode: angle brackets that are not markup stay text', () => {
  it('POD and similar notations come out as they went in', () => {
    for (const text of [
      'See B<Smith & Sons> at L<https://example.org/>.',
      'Use C<fix_text()> or I<never>; see F</etc/unmangle.conf> and E<gt>.',
      'Write to <john.smith@example.com> or <sales@example.org>.',
      'In C++: std::vector<int> v; Map<String, Object> m; List<T> xs;',
      'I <3 you, x<y and y>z, a < b > c, a <= b, x -> y, cat <<EOF',
      'He said <you> and <Smith>, then <the end>.',
    ]) {
      assert.equal(html(text), text, text);
    }
  });

  it('inside real markup, too', () => {
    assert.equal(html('<p>See B<Smith & Sons> at L<https://example.org/>.</p>'), 'See B<Smith & Sons> at L<https://example.org/>.');
    assert.equal(html('<p>Use <code>a<b</code> and x<y</p>'), 'Use a<b and x<y');
    assert.equal(html('<ul><li>List<String></li><li>two</li></ul>'), 'List<String>\n\ntwo');
  });

  it('every HTML element still counts as markup, obsolete and custom ones included', () => {
    assert.equal(html('<FONT style="vertical-align: inherit;">Bonjour</FONT> <center>à tous</center>'), 'Bonjour\n\nà tous');
    assert.equal(html('<p>a <b>bold</b> <i>it</i> <span class="x">span</span> <my-widget>w</my-widget></p>'), 'a bold it span w');
    assert.equal(html('<p>x</p><!-- a <comment> --><p>y</p>'), 'x\n\ny');
    assert.equal(html('<table><tr><td>a</td><td>b</td></tr></table>'), 'a\tb');
  });
});

describe('HTML mode: &nbsp; and line breaks', () => {
  it('a decoded &nbsp; is a plain space, as in text mode; with keepNbsp it stays U+00A0', () => {
    assert.equal(html('<p>10&nbsp;km, 5&#160;m, 3&#xA0;s</p>'), '10 km, 5 m, 3 s');
    assert.equal(html('<p>10&nbsp;km</p>', true), '10\u00a0km');
    assert.equal(fixText('10&nbsp;km'), '10 km');
  });

  it('a no-break space typed as such is the author’s and stays (French typography)', () => {
    assert.equal(html('<p>« Bonjour\u00a0» ; Quoi\u00a0?</p>'), '« Bonjour\u00a0» ; Quoi\u00a0?');
  });

  it('line breaks in a paragraph’s text and in <pre> are kept', () => {
    assert.equal(html('<p>first line\nsecond line</p><p>next</p>'), 'first line\nsecond line\n\nnext');
    assert.equal(html('<p>\n  indented\n  lines\n</p>'), 'indented\nlines');
    assert.equal(html('<pre>code  line one\n    line two\n</pre>'), 'code  line one\n    line two');
    assert.equal(html('plain line one\r\nplain line two'), 'plain line one\nplain line two');
    assert.equal(html('<div>\n  <p>a</p>\n  <p>b</p>\n</div>'), 'a\n\nb');
  });

  it('htmlFragmentToText does the same on its own', () => {
    assert.equal(htmlFragmentToText('B<Smith & Sons>&nbsp;x\ny'), 'B<Smith & Sons> x\ny');
    assert.equal(htmlFragmentToText('a&nbsp;b', { keepNbsp: true }), 'a\u00a0b');
  });

  it('unmangle fix --html', () => {
    const r = runCli(['fix', '--html'], 'See B<Smith & Sons> at L<https://example.org/>.\n');
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, 'See B<Smith & Sons> at L<https://example.org/>.\n');
    assert.equal(runCli(['fix', '--html'], '<p>10&nbsp;km\nlater</p>').stdout, '10 km\nlater\n');
    assert.equal(runCli(['fix', '--html', '--keep-nbsp'], '<p>10&nbsp;km</p>').stdout, '10\u00a0km\n');
  });
});
