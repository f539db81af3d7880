import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyPlan, fixAndExplain, fixText, htmlFragmentToText } from '../../src/index.js';
import { nlpCorpusSentences } from '../support/corpus.js';
import { pick, seededRandom } from '../support/random.js';
import { damageLikeTranslation } from '../support/translationDamage.js';

/** Pieces that exercise every fixer's edge: entity fragments, quotes, spaces, markup, surrogates. */
const PIECES = [
  '&', '& ', ';', ' ;', '#', 'x', 'nbsp', 'amp', 'quot', 'raquo', 'mdash', 'not', 'in', 'in ', ' ',
  '  ', '\t', '\n', '\n\n', '“', '”', '«', '»', '"', "''", '``', '„', 'a', 'the ', 'and ', 'é', 'Ж',
  '<p>', '</p>', '<', '>', '8212', 'x2014', '\u00a0', '\ud83d', '\ude00', '😀', '\u0000', 'AT&T', '&&',
];

function randomText(rng: () => number): string {
  const n = Math.floor(rng() * 40);
  let s = '';
  for (let i = 0; i < n; i++) s += pick(rng, PIECES);
  return s;
}

/** Markup of every kind the HTML path meets: block and inline elements, raw-text elements, comments, broken tags, not-markup. */
const HTML_PIECES = [
  '<p>', '</p>', '<div>', '</div>', '<b>', '</b>', '<em> ', ' </em>', '<br>', '<br/>', '<pre>', '</pre>', '<script>',
  '</script>', '<style>', '<!--', '-->', '<a href="x">', '</a>', '<', '>', '</', '&', '&amp;', '&lt;', '&gt;', '&nbsp;',
  '& nbsp;', 'nbsp;', ' ', '\n', 'a', 'the ', 'é', 'Ã©', '“', '»', '"', "'", '=', '<table>', '<td>', 'B<Smith & Sons>',
  '<title>', '</title>', '<img src=x>', '\ud800', '😀', 'Ж', '<!doctype html>', '<![CDATA[', ']]>', '<?xml ?>', '<x-y>',
];

function randomFrom(rng: () => number, pieces: readonly string[], most: number): string {
  const n = Math.floor(rng() * most);
  let s = '';
  for (let i = 0; i < n; i++) s += pick(rng, pieces);
  return s;
}

/**
 * No repair makes a text much longer: each fixer replaces a span by something at most a few characters
 * longer (an entity by its character, a lost byte by U+FFFD, a code page's letter by another). A fixer
 * that repeated or inserted text would show as growth here.
 */
function assertBoundedGrowth(input: string, output: string): void {
  assert.ok(output.length <= Math.ceil(input.length * 1.25) + 4, `output grew from ${input.length} to ${output.length} on ${JSON.stringify(input)}`);
}

describe('properties', () => {
  test('random markup through the HTML path: no throw, bounded output, explanation agrees, plan replays on its text', () => {
    const rng = seededRandom(20261204);
    for (let i = 0; i < 3000; i++) {
      const html = randomFrom(rng, HTML_PIECES, 50);
      const out = fixText(html, { from: 'html' });
      assertBoundedGrowth(html, out);
      const { text, steps } = fixAndExplain(html, { from: 'html' });
      assert.equal(text, out, `fixAndExplain disagrees on ${JSON.stringify(html)}`);
      // The fixers see the markup's text; the plan replays there.
      assert.equal(applyPlan(htmlFragmentToText(html), steps), out, `plan does not replay on ${JSON.stringify(html)}`);
    }
  });

  test('random text: output never grows beyond a few characters per repair', () => {
    const rng = seededRandom(4);
    for (let i = 0; i < 3000; i++) {
      const input = randomText(rng);
      assertBoundedGrowth(input, fixText(input));
    }
  });

  test('random text never crashes the pipeline, fixText is idempotent, and plans replay', () => {
    const rng = seededRandom(20261124);
    for (let i = 0; i < 4000; i++) {
      const input = randomText(rng);
      const once = fixText(input);
      assert.equal(fixText(once), once, `not idempotent on ${JSON.stringify(input)}`);
      const { text, steps } = fixAndExplain(input);
      assert.equal(text, once);
      assert.equal(applyPlan(input, steps), text, `plan does not replay on ${JSON.stringify(input)}`);
    }
  });

  test('translation damage on clean sentences is undone', () => {
    const rng = seededRandom(7);
    const sentences = nlpCorpusSentences(5000).filter((s) => !/&[#a-z0-9]+;/i.test(s));
    let restored = 0;
    let damaged = 0;
    for (const clean of sentences) {
      const broken = damageLikeTranslation(clean, rng);
      if (broken === clean) continue;
      damaged++;
      if (fixText(broken) === clean) restored++;
    }
    assert.ok(damaged > 3000, `only ${damaged} sentences damaged`);
    // The misses are sentences that really repeat a word (“oh oh”) where the damage split the pair.
    assert.ok(restored / damaged >= 0.99, `restored ${restored} of ${damaged}`);
  });
});
