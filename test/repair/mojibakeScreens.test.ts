import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { maybeBad } from '../../src/repair/mojibake/badness.js';
import { HAS_CANDIDATE } from '../../src/repair/mojibake/candidates.js';
import {
  BEYOND_PUNCTUATION,
  CANDIDATE,
  charClasses,
  IDEOGRAPH,
  MAYBE_BAD,
  NON_ASCII,
  NOT_ONLY_REPLACEMENT,
  NUL,
  ZERO_AFTER_HIGH,
} from '../../src/repair/mojibake/charClasses.js';
import { asDocuments, nlpCorpusSentences } from '../support/corpus.js';
import { damageWithMojibake } from '../support/mojibakeDamage.js';
import { pick, seededRandom } from '../support/random.js';
import { udhrParagraphs } from '../support/udhr.js';

/**
 * The one-scan screen of the mojibake fixer must say exactly what each screen it replaced said, one
 * regex or loop per screen, written out here the plain way.
 */
const COMMON_PUNCTUATION = new Set([0xa0, 0xab, 0xbb, 0x2013, 0x2014, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2026]);

function expected(text: string): number {
  let bits = 0;
  let beyond = false;
  let onlyReplacement = true;
  let zeroAfterHigh = false;
  let ideograph = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if (c === 0x30 && i > 0 && text.charCodeAt(i - 1) >= 0x80) zeroAfterHigh = true;
      continue;
    }
    bits |= NON_ASCII;
    if (c !== 0xfffd) onlyReplacement = false;
    if (!COMMON_PUNCTUATION.has(c) && (c < 0x2000 || c > 0x200f)) beyond = true;
    if (c >= 0x4e00 && c <= 0x9fff) ideograph = true;
  }
  if (text.includes('\u0000')) bits |= NUL;
  if (zeroAfterHigh) bits |= ZERO_AFTER_HIGH;
  if ((bits & NON_ASCII) !== 0 && !onlyReplacement) bits |= NOT_ONLY_REPLACEMENT;
  if (beyond) bits |= BEYOND_PUNCTUATION;
  if (maybeBad(text)) bits |= MAYBE_BAD;
  if (HAS_CANDIDATE.test(text)) bits |= CANDIDATE;
  if (ideograph) bits |= IDEOGRAPH;
  return bits;
}

describe('mojibake screen: one scan says what each screen said', () => {
  it('on clean English, the declaration in every language, and their mojibake', () => {
    const texts = [...asDocuments(nlpCorpusSentences().slice(0, 20_000), 10)];
    for (const paragraphs of udhrParagraphs().values()) texts.push(...asDocuments(paragraphs, 5).slice(0, 3));
    const rng = seededRandom(7);
    texts.push(...texts.slice(0, 3000).map((t) => damageWithMojibake(t, rng).damaged));
    for (const text of texts) assert.equal(charClasses(text), expected(text), JSON.stringify(text.slice(0, 120)));
  });

  it('on random strings of the characters each screen turns on', () => {
    const alphabet = ['a', ' ', '0', '\u0000', '’', '“', '—', '\u00a0', '\u2009', 'é', 'Ã', '©', '\u0085', '\ufffd', '中', 'ж', 'Œ', 'ア', '😀', '\ud800'];
    const rng = seededRandom(11);
    for (let n = 0; n < 20_000; n++) {
      let text = '';
      const length = 1 + Math.floor(rng() * 8);
      for (let k = 0; k < length; k++) text += pick(rng, alphabet);
      assert.equal(charClasses(text), expected(text), JSON.stringify(text));
    }
  });

  it('answers again for a text asked about before, and for another one after it', () => {
    assert.equal(charClasses('“Bonjour”'), NON_ASCII | NOT_ONLY_REPLACEMENT | CANDIDATE);
    assert.equal(charClasses('“Bonjour”'), NON_ASCII | NOT_ONLY_REPLACEMENT | CANDIDATE);
    assert.notEqual(charClasses('CafÃ©') & MAYBE_BAD, 0);
    assert.equal(charClasses('plain'), 0);
  });
});
