import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyEdits, composeRegions, moveSpans, type Region, type Replacement } from '../../src/repair/edits.js';
import { seededRandom } from '../support/random.js';

function randomEdits(rng: () => number, length: number): Replacement[] {
  const edits: Replacement[] = [];
  let pos = 0;
  while (pos <= length) {
    pos += Math.floor(rng() * 6);
    if (pos > length) break;
    const end = Math.min(length, pos + Math.floor(rng() * 4));
    edits.push({ start: pos, end, after: 'xyz'.slice(0, Math.floor(rng() * 4)) });
    pos = end + 1;
  }
  return edits;
}

describe('edit bookkeeping', () => {
  test('composed regions turn the input into the output, over many passes', () => {
    const rng = seededRandom(3);
    for (let trial = 0; trial < 500; trial++) {
      const input = 'abcdefghijklmnopqrstuvwxyz'.slice(0, 5 + Math.floor(rng() * 20));
      let text = input;
      let regions: Region[] = [];
      for (let pass = 0; pass < 4; pass++) {
        const edits = randomEdits(rng, text.length);
        const composed = composeRegions(regions, edits);
        for (const [k, e] of edits.entries()) {
          const span = composed.inputSpans[k]!;
          assert.ok(span.start <= span.end && span.end <= input.length);
          if (pass === 0) assert.deepEqual(span, { start: e.start, end: e.end });
        }
        regions = composed.regions;
        text = applyEdits(text, edits);
      }
      let rebuilt = '';
      let last = 0;
      for (const r of regions) {
        rebuilt += input.slice(last, r.inStart) + text.slice(r.curStart, r.curEnd);
        last = r.inEnd;
      }
      rebuilt += input.slice(last);
      assert.equal(rebuilt, text, `trial ${trial}`);
    }
  });

  test('spans move with the edits and grow over replacements they touch', () => {
    const edits = [{ start: 2, end: 4, after: 'XYZW' }];
    assert.deepEqual(moveSpans([{ start: 0, end: 1 }, { start: 4, end: 6 }, { start: 8, end: 9 }], edits), [
      { start: 0, end: 1 },
      { start: 2, end: 8 },
      { start: 10, end: 11 },
    ]);
  });
});
