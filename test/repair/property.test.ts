import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyPlan, fixAndExplain, fixText } from '../../src/index.js';
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

describe('properties', () => {
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
