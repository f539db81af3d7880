import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyPlan, FIXER_NAMES, fixAndExplain, fixText, type FixOptions } from '../../src/repair/index.js';
import { resolveOptions } from '../../src/repair/options.js';
import { fixTextUnscreened, PIPELINE } from '../../src/repair/pipeline.js';
import { proseScreenFor, screenText } from '../../src/repair/proseScreen.js';
import { noSites } from '../../src/repair/sites.js';
import { looksLikeMarkup } from '../../src/repair/markup.js';
import { nlpCorpusSentences } from '../support/corpus.js';
import { damageWithMojibake, withTypography } from '../support/mojibakeDamage.js';
import { pick, seededRandom } from '../support/random.js';
import { damageLikeTranslation } from '../support/translationDamage.js';

/** The option sets of the byte screen's test, and the NFC/NFKC forms that decide whether the prose screen exists. */
const OPTION_SETS: Array<[string, FixOptions]> = [
  ['defaults', {}],
  ['ftfy profile', { profile: 'ftfy' }],
  ['ftfy profile without uncurling', { profile: 'ftfy', fixers: { uncurlQuotes: false } }],
  ['NFKC', { normalization: 'NFKC' }],
  ['every fixer', { fixers: Object.fromEntries(FIXER_NAMES.map((n) => [n, true])) }],
  ...FIXER_NAMES.map((only): [string, FixOptions] => [`only ${only}`, { fixers: Object.fromEntries(FIXER_NAMES.map((n) => [n, n === only])) }]),
];

/** Prose punctuation beside what the fixers that read it look for: digits (UTF-16 mojibake), quote mixes, `;`, bare names. */
const PIECES = [
  '’', '‘', '“', '”', '–', '—', '…', '\u00a0', '0', '00', '2000', '01', 'a', 'the ', ' ', '"', "''", '``', "'", ';', 'nbsp', ' nbsp;', 'mdash;',
  '.', ',', '«', '»', 'é', 'Ã', '\u0093', '&', '\n', '\r', '\x00', 'ﬁ', '\uff21', '\u2028', '<p>', '</p>', 'Ã©', 'â€™',
];

/** Whether the screen passes `text` under `options` (as the pipeline asks it, on a text short enough to be one piece). */
function screenPasses(text: string, options: FixOptions): boolean {
  const resolved = resolveOptions(options);
  const screen = proseScreenFor(resolved, PIPELINE);
  return screen !== null && screenText(text, screen, { options: resolved, sites: noSites(), isMarkup: looksLikeMarkup(text), explain: false }) === null;
}

describe('prose screen', () => {
  const rng = seededRandom(1313);
  const sentences = nlpCorpusSentences(20_000);
  const typographic = sentences.map((s) => withTypography(s, rng));
  const damaged = typographic.map((s) => damageLikeTranslation(s, rng, 0.3));
  const mojibake = typographic.slice(0, 5000).map((s) => damageWithMojibake(s, rng).damaged);
  const random = Array.from({ length: 20_000 }, () => {
    let s = '';
    for (let i = Math.floor(rng() * 30); i > 0; i--) s += pick(rng, PIECES);
    return s;
  });
  // ASCII text is screened by which fixers' trigger characters it holds: pieces of ASCII alone.
  const asciiPieces = PIECES.filter((p) => /^[\x00-\x7f]*$/.test(p)).concat(['&amp;', '&nbsp;', '& nbsp;', '&#8212;', 'AT&T', '\x1b[31m', 'amp;', '+']);
  const ascii = Array.from({ length: 20_000 }, () => {
    let s = '';
    for (let i = Math.floor(rng() * 20); i > 0; i--) s += pick(rng, asciiPieces);
    return s;
  });
  const corpora = [['nlp-corpus', sentences], ['typography', typographic], ['translation damage', damaged], ['mojibake', mojibake], ['random pieces', random], ['random ASCII pieces', ascii]] as const;

  for (const [label, options] of OPTION_SETS) {
    test(`exact for ${label}: a text it passes is one every fixer leaves unchanged`, () => {
      for (const [name, texts] of corpora) {
        for (const text of texts) {
          if (!screenPasses(text, options)) continue;
          assert.equal(fixTextUnscreened(text, options), text, `${label}, ${name}: the screen passed ${JSON.stringify(text)}, but the pipeline changes it`);
        }
      }
    });
  }

  test('fixText gives what the unscreened pipeline gives, on clean, typographic and damaged text', () => {
    for (const [name, texts] of corpora) {
      for (const text of texts.slice(0, 2000)) assert.equal(fixText(text), fixTextUnscreened(text), `${name}: ${JSON.stringify(text)}`);
    }
  });

  test('the edits the screen found are the first round\'s: explained steps replay to the same text', () => {
    for (const [name, texts] of corpora) {
      for (const text of texts.slice(0, 1000)) {
        const explained = fixAndExplain(text);
        assert.equal(explained.text, fixTextUnscreened(text), `${name}: ${JSON.stringify(text)}`);
        assert.equal(applyPlan(text, explained.steps), explained.text, `${name}: ${JSON.stringify(text)}`);
      }
    }
  });

  test('passes most typographic prose, and not what a fixer reads', () => {
    const passed = typographic.filter((t) => /[^\x00-\x7f]/.test(t) && screenPasses(t, {})).length;
    const withPunctuation = typographic.filter((t) => /[’–…]/.test(t) && !/[^\x00-\x7f’–…]/.test(t) && !/[&]/.test(t)).length;
    assert.ok(passed > withPunctuation * 0.8, `${passed} of ${withPunctuation} typographic sentences passed`);
    assert.equal(screenPasses('It’s a 5–2 win — again…', {}), true);
    // A `0` after a dash is where UTF-16 mojibake is looked for; adjacent marks are where UTF-8 mojibake is.
    // ASCII with an ampersand or a semicolon is passed when no fixer that reads them has an edit.
    for (const text of ['AT&T and R&D', 'fish & chips; and more', 'x = 1; y = 2;']) assert.equal(screenPasses(text, {}), true, text);
    for (const text of ['the 2000–01 season', 'he said ‘no’”', 'a &amp; b', 'a & nbsp; b', 'one nbsp; two nbsp; three', 'café', '“a»', 'x\u0093y', 'a\u00a0\u00a0b']) assert.equal(screenPasses(text, {}), false, text);
    // Uncurling rewrites the marks, compatibility forms the ellipsis and the no-break space.
    assert.equal(proseScreenFor(resolveOptions({ profile: 'ftfy' }), PIPELINE), null);
    assert.equal(proseScreenFor(resolveOptions({ normalization: 'NFKC' }), PIPELINE), null);
  });
});
