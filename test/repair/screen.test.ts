import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { byteScreen, FIXER_NAMES, fixText, passesScreen, type FixOptions } from '../../src/repair/index.js';
import { nlpCorpusSentences } from '../support/corpus.js';
import { damageWithMojibake, withTypography } from '../support/mojibakeDamage.js';
import { pick, seededRandom } from '../support/random.js';
import { damageLikeTranslation } from '../support/translationDamage.js';

/** Option sets whose screens differ: the defaults, ftfy's, every fixer on, and each fixer alone. */
const OPTION_SETS: Array<[string, FixOptions]> = [
  ['defaults', {}],
  ['ftfy profile', { profile: 'ftfy' }],
  ['every fixer', { fixers: Object.fromEntries(FIXER_NAMES.map((n) => [n, true])), normalization: 'NFKC' }],
  ...FIXER_NAMES.map((only): [string, FixOptions] => [`only ${only}`, { fixers: Object.fromEntries(FIXER_NAMES.map((n) => [n, n === only])) }]),
];

/** ASCII pieces that look like damage without a trigger byte (quote mixes, semicolons, `#`), and some with one. */
const PIECES = [
  '"', "''", '``', "'", '`', ';', ' ;', '#', 'nbsp', 'amp', ' ', '  ', '\t', '\n', 'a', 'the ', 'in ', 'in', '(', ')', '-', '8212',
  '&', '\r', '\x1b[1m', '\x01', '«', '»', '“', '”', 'Ã©', 'é', '\u0093', 'ﬁ', '\uff21', '\u00a0',
];

function check(texts: readonly string[], options: FixOptions, label: string): { passed: number; total: number } {
  const screen = byteScreen(options)!;
  let passed = 0;
  for (const text of texts) {
    if (!passesScreen(screen, Buffer.from(text, 'utf8'))) continue;
    passed++;
    assert.equal(fixText(text, options), text, `${label}: the screen passed ${JSON.stringify(text.slice(0, 200))}, but the pipeline changes it`);
  }
  return { passed, total: texts.length };
}

describe('byte screen', () => {
  const sentences = nlpCorpusSentences(20_000);
  const rng = seededRandom(13);
  const damaged = sentences.map((s) => damageLikeTranslation(s, rng, 0.3));
  const mojibake = sentences.slice(0, 5000).map((s) => damageWithMojibake(s, rng).damaged);
  const typographic = sentences.slice(0, 5000).map((s) => withTypography(s, rng));
  const random = Array.from({ length: 20_000 }, () => {
    let s = '';
    for (let i = Math.floor(rng() * 30); i > 0; i--) s += pick(rng, PIECES);
    return s;
  });
  const ftfyDir = new URL('../../../../shared/data/ftfy-test-cases/', import.meta.url);
  let ftfyCases: string[] = [];
  try {
    for (const name of readdirSync(ftfyDir).filter((n) => n.endsWith('.json'))) {
      const cases = JSON.parse(readFileSync(new URL(name, ftfyDir), 'utf8')) as Array<{ original?: string }>;
      ftfyCases.push(...cases.map((c) => c.original).filter((o): o is string => typeof o === 'string'));
    }
  } catch {
    ftfyCases = [];
  }

  for (const [label, options] of OPTION_SETS) {
    test(`exact for ${label}: every text it passes comes out of the pipeline unchanged`, () => {
      for (const [name, texts] of [['nlp-corpus', sentences], ['translation damage', damaged], ['mojibake', mojibake], ['typography', typographic], ['random pieces', random], ['ftfy cases', ftfyCases]] as const) {
        check(texts, options, `${label}, ${name}`);
      }
    });
  }

  test('clean ASCII prose passes with the defaults, and damage does not', () => {
    const screen = byteScreen()!;
    const clean = check(sentences, {}, 'defaults');
    // nlp-corpus is mostly ASCII: the screen is worth having only if it passes most of it.
    assert.ok(clean.passed > clean.total * 0.8, `${clean.passed} of ${clean.total} passed`);
    for (const text of ['a & nbsp; b', 'cafÃ©', '\x1b[31mred', 'x\u0093y', '“a»']) assert.equal(passesScreen(screen, Buffer.from(text)), false, text);
  });

  test('a fixer switched off takes its triggers out of the screen; markup input has no screen', () => {
    assert.equal(passesScreen(byteScreen()!, Buffer.from('AT&T')), false);
    assert.equal(passesScreen(byteScreen({ fixers: { mangledEntities: false, htmlEntities: false } })!, Buffer.from('AT&T')), true);
    assert.equal(passesScreen(byteScreen({ fixers: { lineBreaks: true } })!, Buffer.from('a\r\n')), false);
    assert.equal(byteScreen({ from: 'html' }), null);
  });
});
