import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { guessLanguage } from '../../src/repair/quoteStyle.js';
import { asDocuments, nlpCorpusSentences } from '../support/corpus.js';
import { pick, seededRandom } from '../support/random.js';
import { udhrParagraphs } from '../support/udhr.js';

/**
 * The language guess as it was first written, one regular expression per language: the one-pass
 * count must give the same answer on every text, or quote styles (and so outputs) would change.
 */
function byRegularExpressions(text: string): string {
  const sample = text.length > 2000 ? text.slice(0, 2000) : text;
  let cyrillic = 0;
  let latin = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) latin++;
    else if (c >= 0x0400 && c <= 0x04ff) cyrillic++;
  }
  if (cyrillic > latin) return /[іїєґ]/i.test(sample) ? 'uk' : 'ru';
  const languages: Array<[string, RegExp]> = [
    ['fr', /\b(?:les|des|est|une|dans|pour|qui|avec|sur|pas)\b/gi],
    ['de', /\b(?:der|die|das|und|ist|nicht|mit|sich|auf|ein)\b/gi],
    ['es', /\b(?:el|los|las|del|que|por|una|con|para|está)\b/gi],
    ['en', /\b(?:the|and|of|to|is|that|with|for|was|on)\b/gi],
  ];
  let best = 'en';
  let bestCount = 0;
  for (const [lang, re] of languages) {
    const count = (sample.match(re) ?? []).length;
    if (count > bestCount) {
      best = lang;
      bestCount = count;
    }
  }
  return best;
}

test('guessLanguage: the same answer as one regular expression per language, on real and random text', () => {
  const texts = [
    ...asDocuments(nlpCorpusSentences(20_000), 8),
    readFileSync(new URL('../../../../shared/seed/000_7569a4d67b0f746e.txt', import.meta.url), 'utf8'),
    ...[...udhrParagraphs().values()].map((paragraphs) => paragraphs.join('\n')),
    'Está claro. estáx ESTÁ1 está_ est á EST_ ÉL el_ the_ The the2 DER die, das; avec-les',
  ];
  const rng = seededRandom(13);
  const pieces = ['est', 'está', 'ESTÁ', 'á', 'Á', 'les', 'der', 'the', 'el', 'que', 'pour', 'nicht', 'x', '_', '1', ' ', ',', 'é', 'ß', 'я', 'und', 'dans', 'is'];
  for (let n = 0; n < 3000; n++) {
    let t = '';
    const length = 1 + Math.floor(rng() * 40);
    for (let k = 0; k < length; k++) t += pick(rng, pieces);
    texts.push(t);
  }
  const seen = new Set<string>();
  for (const text of texts) {
    const expected = byRegularExpressions(text);
    seen.add(expected);
    assert.equal(guessLanguage(text), expected, JSON.stringify(text.slice(0, 200)));
  }
  // The texts reach every answer, so the comparison covers each branch.
  for (const lang of ['en', 'fr', 'de', 'es', 'ru']) assert.ok(seen.has(lang), `no text guessed as ${lang}`);
});
