import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fixText } from '../../src/index.js';

/**
 * Shapes of the damage as machine-translated pages and repositories show them (written anew here in
 * the same shapes, not copied): entity-indented code, HTML list items, subtitles, Spanish doc comments.
 */
describe('damage as it appears in the wild', () => {
  test('code whose indentation was written with entities keeps its indentation', () => {
    const broken = '{\n& nbsp; stdio_init_all ();\n& nbsp; & nbsp; print_proc (& amp; usb_char, usb_string);\n}';
    // The space after the ampersand may be the translator's or the author's: it stays.
    assert.equal(fixText(broken), '{\n stdio_init_all ();\n  print_proc (& usb_char, usb_string);\n}');
  });

  test('subtitle lines that end in destroyed entities lose them', () => {
    assert.equal(fixText('and then OVERLOAD. & nbsp; & nbsp;\nnext line'), 'and then OVERLOAD.\nnext line');
  });

  test('an HTML fragment gets its references back, not characters', () => {
    assert.equal(
      fixText('<ul> <li> & nbsp; Internal service </li> <li> Public authority & mdash; ok </li> </ul>'),
      '<ul> <li> &nbsp; Internal service </li> <li> Public authority &mdash; ok </li> </ul>',
    );
  });

  test('comparison operators escaped and translated in a doc comment', () => {
    assert.equal(fixText('el índice más bajo i tal que (i & nbsp; & gt; = & nbsp; indice)'), 'el índice más bajo i tal que (i > = indice)');
  });

  test('Russian text with translated-back guillemets and dashes', () => {
    assert.equal(
      fixText('Президент заявил: & laquo; Мы готовы & raquo; & nbsp; & mdash; и & nbsp; и ушёл.'),
      'Президент заявил: «Мы готовы» — и ушёл.',
    );
  });
});
