import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixText, FIXER_NAMES, type FixOptions } from '../../src/index.js';
import { asDocuments, nlpCorpusSentences } from '../support/corpus.js';
import { damageWithMojibake } from '../support/mojibakeDamage.js';
import { seededRandom } from '../support/random.js';

const ENCODING_ONLY: FixOptions = {
  fixers: Object.fromEntries(FIXER_NAMES.map((name) => [name, name === 'mojibake' || name === 'c1Controls'])),
};

describe('mojibake: seeded damage on nlp-corpus documents', () => {
  const rng = seededRandom(7);
  // Documents whose text has C1 controls of its own cannot round-trip: their "expected" text is damaged.
  const cases = asDocuments(nlpCorpusSentences(), 10)
    .slice(0, 1500)
    .map((doc) => damageWithMojibake(doc, rng))
    .filter((c) => c.damaged !== c.expected && !/[\u0080-\u009f]/.test(c.expected));

  it('repairs nearly all of them exactly', () => {
    assert.ok(cases.length >= 1000, `${cases.length} damaged documents`);
    const wrong = cases.filter((c) => fixText(c.damaged, ENCODING_ONLY) !== c.expected);
    assert.ok(wrong.length <= cases.length * 0.02, `${wrong.length} of ${cases.length} not repaired exactly`);
  });

  it('never changes the undamaged version', () => {
    for (const c of cases.slice(0, 500)) assert.equal(fixText(c.expected, ENCODING_ONLY), c.expected);
  });
});
