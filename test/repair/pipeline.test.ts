import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { applyPlan, FIXER_NAMES, fixAndCount, fixAndExplain, fixText } from '../../src/index.js';

const SEED = new URL('../../../../shared/seed/000_7569a4d67b0f746e.txt', import.meta.url);
const seed = readFileSync(SEED, 'utf8');
const words = (s: string) => s.match(/[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*/gu) ?? [];

describe('the seed article', () => {
  const fixed = fixText(seed);

  test('no entity remnant is left', () => {
    assert.doesNotMatch(fixed, /&\s*#?\s*[a-z0-9]+\s*;/i);
    assert.doesNotMatch(fixed, /\bnbsp\b|\bquot\b|\braquo\b|\bmdash\b|\bhellip\b/);
  });

  test('no doubled word at an old entity site', () => {
    for (const phrase of ['in particular', 'for centuries', 'and deterring', 'to “intimidation']) assert.ok(fixed.includes(phrase), phrase);
    for (const doubled of ['in in', 'for for', 'and and', 'to to']) assert.ok(!fixed.toLowerCase().includes(` ${doubled} `), doubled);
  });

  test('ellipsis and dash where those entities were', () => {
    // The space before the ellipsis stood only for the broken entity's `&`.
    assert.ok(fixed.includes("Russia's concerns… However"));
    assert.ok(fixed.includes('persists”, — said he.'));
  });

  test('every quote pair is balanced and English', () => {
    assert.equal((fixed.match(/“/g) ?? []).length, 4);
    assert.equal((fixed.match(/”/g) ?? []).length, 4);
    assert.doesNotMatch(fixed, /[«»"]|''/);
    for (const m of fixed.matchAll(/“([^”]*)”/g)) assert.doesNotMatch(m[1]!, /^\s|\s$|“/);
    assert.ok(fixed.includes('“You can find a solution'));
    assert.ok(fixed.includes('“put a weapon to the head of Ukraine” and'));
  });

  test('every other word is unchanged and in order, and Leave a Reply stays', () => {
    const expected = words(
      seed
        .replace(/&\s*(nbsp|raquo|quot|mdash|hellip)\s*;/g, ' ')
        .replace(/\b(in|for|and) +(?=\1\b)/g, ''),
    );
    const collapse = (ws: string[]) => ws.filter((w, i) => !(i > 0 && ws[i - 1] === w && w === 'and'));
    assert.deepEqual(collapse(words(fixed)), collapse(expected));
    assert.ok(fixed.trimEnd().endsWith('Leave a Reply'));
  });
});

describe('explain and replay', () => {
  test('applyPlan reproduces the output and steps point into the input', () => {
    const { text, steps } = fixAndExplain(seed);
    assert.equal(text, fixText(seed));
    assert.equal(applyPlan(seed, steps), text);
    assert.ok(steps.length > 80);
    for (const s of steps.filter((s) => s.pass === 0)) assert.equal(seed.slice(s.inputStart, s.inputEnd), s.before);
    for (const s of steps) {
      assert.ok(s.inputStart <= s.inputEnd && s.inputEnd <= seed.length);
      assert.ok(FIXER_NAMES.includes(s.fixer));
    }
    const dash = steps.find((s) => s.after === '—')!;
    assert.equal(seed.slice(dash.inputStart, dash.inputEnd), '& mdash;');
  });

  test('a later pass is traced back to the input it came from', () => {
    const input = 'He said & quot; hi & raquo; twice';
    const { text, steps } = fixAndExplain(input);
    assert.equal(text, 'He said “hi” twice');
    const quote = steps.find((s) => s.fixer === 'quotes' && s.after === '“')!;
    assert.equal(input.slice(quote.inputStart, quote.inputEnd), '& quot; ');
  });

  test('applyPlan refuses steps that do not fit the text', () => {
    const { steps } = fixAndExplain(seed);
    assert.throws(() => applyPlan('something else entirely', steps), /plan does not fit/);
  });

  test('counts agree with the steps', () => {
    const { steps } = fixAndExplain(seed);
    const { counts } = fixAndCount(seed);
    for (const name of FIXER_NAMES) {
      assert.equal(counts[name] ?? 0, steps.filter((s) => s.fixer === name).length, name);
    }
  });
});

describe('options', () => {
  test('each fixer can be switched off', () => {
    assert.equal(fixText(seed, { fixers: Object.fromEntries(FIXER_NAMES.map((n) => [n, false])) }), seed);
    assert.ok(fixText(seed, { fixers: { mangledEntities: false } }).includes('& nbsp;'));
  });

  test('unknown fixers and modes are refused', () => {
    assert.throws(() => fixText('x', { fixers: { nosuch: true } as never }), /unknown fixer "nosuch"/);
    assert.throws(() => fixText('x', { htmlEntities: 'sometimes' as never }), /htmlEntities/);
  });

  test('calls with different options do not share their fixers or screens', () => {
    // The pipeline's tables are keyed by the settings; a key shared by two settings would show here.
    const sets = [undefined, ...FIXER_NAMES.map((only) => ({ fixers: Object.fromEntries(FIXER_NAMES.map((n) => [n, n === only])) })), { normalization: 'NFD' as const }];
    const sample = `${seed}\nCafÃ© “quoted'' text\r\n\u001b[31mred\u001b[0m ﬁne`;
    const forwards = sets.map((options) => fixText(sample, options));
    const backwards = [...sets].reverse().map((options) => fixText(sample, options)).reverse();
    assert.deepEqual(backwards, forwards);
    assert.equal(new Set(forwards).size > FIXER_NAMES.length / 2, true);
  });

  test('fixText is idempotent on the seed', () => {
    const once = fixText(seed);
    assert.equal(fixText(once), once);
  });

  test('empty text', () => {
    assert.equal(fixText(''), '');
    assert.deepEqual(fixAndExplain(''), { text: '', steps: [] });
  });
});

describe('large documents', () => {
  test('are repaired in pieces with the same result, and their plans replay', () => {
    const copies = 200; // about 560 kB, several pieces
    const big = Array.from({ length: copies }, () => seed).join('\n');
    const fixedSeed = fixText(seed);
    const expected = Array.from({ length: copies }, () => fixedSeed).join('\n');
    const { text, steps } = fixAndExplain(big);
    assert.ok(text === expected, 'same text as the seed repaired alone');
    assert.ok(applyPlan(big, steps) === text, 'plan replays');
    const last = steps[steps.length - 1]!;
    assert.equal(big.slice(last.inputStart, last.inputEnd).length > 0, true);
    assert.equal(steps.filter((s) => s.fixer === 'mangledEntities').length, copies * fixAndExplain(seed).steps.filter((s) => s.fixer === 'mangledEntities').length);
  });

  test('a single huge line is cut only where nothing can be damaged', () => {
    const line = 'word & nbsp; and & nbsp; and “ quoted & raquo; text. '.repeat(5000);
    const once = fixText(line);
    assert.ok(once === 'word and “quoted” text. '.repeat(5000), 'every repetition repaired the same way');
  });
});
