import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { fixAndExplain } from '../../src/index.js';
import { isChange, toSegments, type Segment } from '../../web/src/segments.js';
import { nlpCorpusSentences, asDocuments } from '../support/corpus.js';
import { pick, seededRandom } from '../support/random.js';
import { damageLikeTranslation } from '../support/translationDamage.js';
import { SEED } from './runCli.js';

/** The segments must spell out the input on one side and the output on the other. */
function assertCovers(input: string, segments: Segment[], output: string, stepCount: number) {
  assert.equal(segments.map((s) => s.before).join(''), input);
  assert.equal(segments.map((s) => s.after).join(''), output);
  const used = new Set(segments.flatMap((s) => s.steps));
  assert.equal(used.size, stepCount, 'every step belongs to a highlighted segment');
  for (const s of segments) if (!isChange(s)) assert.equal(s.before, s.after);
}

describe('web page: segments for highlighting', () => {
  test('a single replacement', () => {
    const segments = toSegments('a & nbsp; b', [{ pass: 0, start: 2, end: 9, after: ' ' }]);
    assert.deepEqual(segments, [
      { before: 'a ', after: 'a ', steps: [] },
      { before: '& nbsp;', after: ' ', steps: [0] },
      { before: ' b', after: ' b', steps: [] },
    ]);
  });

  test('a later pass that overlaps an earlier change merges with it', () => {
    const input = 'a & nbsp; b';
    const { text, steps } = fixAndExplain(input);
    const segments = toSegments(input, steps);
    assertCovers(input, segments, text, steps.length);
    assert.deepEqual(segments.filter(isChange).map((s) => [s.before, s.after]), [[' & nbsp; ', ' ']]);
  });

  test('insertions, deletions and edits at both ends', () => {
    const input = 'abc';
    const steps = [
      { pass: 0, start: 0, end: 0, after: '>' },
      { pass: 0, start: 3, end: 3, after: '<' },
      { pass: 1, start: 2, end: 3, after: '' },
    ];
    const segments = toSegments(input, steps);
    assertCovers(input, segments, '>ac<', 3);
  });

  test('the seed article', () => {
    const seed = readFileSync(SEED, 'utf8');
    const { text, steps } = fixAndExplain(seed);
    assert.ok(steps.length > 20);
    assertCovers(seed, toSegments(seed, steps), text, steps.length);
  });

  test('damaged corpus text and random fragments', () => {
    const rng = seededRandom(11);
    const docs = asDocuments(nlpCorpusSentences(1500), 5);
    const pieces = ['& nbsp;', ' & ', ';', 'nbsp', '“', '»', ' ', 'in in ', '&amp;', 'x', '\n'];
    for (const doc of docs) {
      const inputs = [damageLikeTranslation(doc, rng, 0.3), Array.from({ length: 30 }, () => pick(rng, pieces)).join('')];
      for (const input of inputs) {
        const { text, steps } = fixAndExplain(input);
        assertCovers(input, toSegments(input, steps), text, steps.length);
      }
    }
  });
});
