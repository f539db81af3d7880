import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { score } from '../../bench/shingles.js';
import { toArticle } from '../../src/index.js';
import { sharedPath } from './shared.js';

const dir = sharedPath('data', 'aeb-dev');
const present = existsSync(join(dir, 'ground-truth.json'));

/** A guard against regressions on the benchmark pages, read in place; `npm run bench:articles` reports the numbers. */
describe('article extraction on the benchmark pages', { skip: present ? false : `${dir} is absent` }, () => {
  it('keeps F1 at 0.96 or more', () => {
    const truth = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')) as Record<string, { articleBody: string }>;
    const pairs = Object.entries(truth).map(([id, t]) => ({
      truth: t.articleBody,
      predicted: toArticle(readFileSync(join(dir, 'html', `${id}.html.gz`))).text,
    }));
    const s = score(pairs);
    assert.ok(s.f1 >= 0.96, `F1 ${s.f1.toFixed(3)}`);
  });
});

describe('the shingle metric', () => {
  it('scores identical, disjoint and partial texts as the benchmark does', () => {
    const text = 'one two three four five six';
    assert.deepEqual(score([{ truth: text, predicted: text }]), { f1: 1, precision: 1, recall: 1, accuracy: 1, pages: 1 });
    const none = score([{ truth: text, predicted: 'seven eight nine ten' }]);
    assert.equal(none.f1, 0);
    // 3 shingles each, 2 shared: precision = recall = 2/3.
    const half = score([{ truth: text, predicted: 'zero one two three four five' }]);
    assert.ok(Math.abs(half.precision - 2 / 3) < 1e-9 && Math.abs(half.recall - 2 / 3) < 1e-9);
    // An empty prediction counts for recall only.
    const empty = score([{ truth: text, predicted: '' }, { truth: text, predicted: text }]);
    assert.equal(empty.precision, 1);
    assert.equal(empty.recall, 0.5);
  });
});
