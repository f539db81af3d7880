import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { applyPlan, fixAndExplain, fixText, FIXER_NAMES, type FixOptions } from '../../src/index.js';

interface FtfyCase {
  label: string;
  original: string;
  fixed: string;
  'fixed-encoding'?: string;
  expect: 'pass' | 'fail';
}

const FIXTURES = new URL('../../../test/fixtures/ftfy/', import.meta.url);
const load = (name: string): FtfyCase[] => JSON.parse(readFileSync(new URL(name, FIXTURES), 'utf8')) as FtfyCase[];

const FTFY: FixOptions = { profile: 'ftfy' };
/** ftfy's `fix_encoding`: mojibake and C1 controls, nothing else. */
const ENCODING_ONLY: FixOptions = {
  fixers: Object.fromEntries(FIXER_NAMES.map((name) => [name, name === 'mojibake' || name === 'c1Controls'])),
  guessLostBytes: false,
};

/** ftfy's tests also check each case under one more layer: the original as UTF-8 read as Latin-1. */
const extraLayer = (text: string): string => Buffer.from(text, 'utf8').toString('latin1');

for (const file of ['in-the-wild.json', 'synthetic.json', 'negative.json', 'language-names.json']) {
  describe(`ftfy cases: ${file}`, () => {
    for (const c of load(file).filter((x) => x.expect === 'pass')) {
      it(c.label, () => {
        assert.equal(fixText(c.original, FTFY), c.fixed, 'ftfy profile');
        assert.equal(fixText(extraLayer(c.original), FTFY), c.fixed, 'with one more layer of mojibake');
        if (c['fixed-encoding'] !== undefined) {
          assert.equal(fixText(c.original, ENCODING_ONLY), c['fixed-encoding'], 'encoding repair only');
        }
        const explained = fixAndExplain(c.original, FTFY);
        assert.equal(applyPlan(c.original, explained.steps), explained.text, 'the plan replays');
      });
    }
  });
}

describe('ftfy known failures', () => {
  const cases = load('known-failures.json');
  it('repairs at least half of them', () => {
    const repaired = cases.filter((c) => fixText(c.original, FTFY) === c.fixed);
    assert.ok(repaired.length * 2 >= cases.length, `${repaired.length}/${cases.length} repaired`);
    // Today: all but the one whose bytes were lost (`ââ` for an en dash).
    assert.equal(repaired.length, cases.length - 1);
  });
});

describe('ftfy negative cases under Unmangle defaults', () => {
  for (const c of load('negative.json')) {
    it(c.label, () => {
      const out = fixAndExplain(c.original);
      assert.deepEqual(out.steps.filter((s) => s.fixer === 'mojibake'), []);
      // C1 controls are damage wherever they are; nothing else is.
      if (!/[\u0080-\u009f]/.test(c.original)) assert.deepEqual(out.steps.filter((s) => s.fixer === 'c1Controls'), []);
    });
  }
});
