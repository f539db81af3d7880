import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixAndExplain, fixText, FIXER_NAMES, type FixerName, type FixOptions } from '../../src/index.js';

/** Only the named fixer on, so that each is checked on its own. */
const only = (name: FixerName, extra: FixOptions = {}): FixOptions => ({
  ...extra,
  fixers: Object.fromEntries(FIXER_NAMES.map((n) => [n, n === name])),
});

describe('ftfy option fixers, one by one', () => {
  it('uncurlQuotes', () => {
    assert.equal(fixText('“Don’t” ‘go’ ʼn', only('uncurlQuotes')), `"Don't" 'go' 'n`);
    assert.equal(fixText('plain "ascii" it\'s', only('uncurlQuotes')), 'plain "ascii" it\'s');
  });
  it('characterWidth', () => {
    assert.equal(fixText('ＬＯＵＤ　ＮＯＩＳＥＳ，ｶﾀｶﾅ', only('characterWidth')), 'LOUD NOISES,カタカナ');
    assert.equal(fixText('日本語、中文。', only('characterWidth')), '日本語、中文。');
  });
  it('latinLigatures', () => {
    assert.equal(fixText('signiﬁcantly ﬂuﬀy korišteǌem ĳs', only('latinLigatures')), 'significantly fluffy korištenjem ijs');
    assert.equal(fixText('cœur, æther, straße', only('latinLigatures')), 'cœur, æther, straße');
  });
  it('normalization (NFC by default, or the form asked for)', () => {
    const decomposed = 'cafe\u0301';
    assert.equal(fixText(decomposed, only('normalization')), 'café');
    assert.equal(fixText('café', { normalization: 'NFD', fixers: only('normalization').fixers }), decomposed);
    assert.equal(fixText('ﬁ x²', { normalization: 'NFKC', fixers: only('normalization').fixers }), 'fi x2');
    assert.equal(fixText('café', only('normalization')), 'café');
  });
  it('terminalEscapes', () => {
    assert.equal(fixText('\u001b[1;31mred\u001b[0m text', only('terminalEscapes')), 'red text');
    assert.equal(fixText('no escapes [1;31m here', only('terminalEscapes')), 'no escapes [1;31m here');
  });
  it('lineBreaks', () => {
    assert.equal(fixText('a\r\nb\rc\u2028d\u2029e', only('lineBreaks')), 'a\nb\nc\nd\ne');
    assert.equal(fixText('a\nb\n', only('lineBreaks')), 'a\nb\n');
  });
  it('surrogates', () => {
    assert.equal(fixText('cut \ud83d here and \ude00', only('surrogates')), 'cut \ufffd here and \ufffd');
    assert.equal(fixText('whole 😀 emoji', only('surrogates')), 'whole 😀 emoji');
  });
  it('controlChars', () => {
    assert.equal(fixText('a\u0000b\u0007c\u007fd\ufeffe', only('controlChars')), 'abcde');
    assert.equal(fixText('tab\there\nnew\fform\r', only('controlChars')), 'tab\there\nnew\fform\r');
  });
  it('each names its change', () => {
    const out = fixAndExplain('ＡＢ', only('characterWidth'));
    assert.equal(out.steps[0]!.fixer, 'characterWidth');
    assert.equal(out.steps[0]!.note, 'ＡＢ → AB');
  });
});

describe('profiles and defaults', () => {
  it('Unmangle defaults leave curly quotes, width, ligatures, line breaks and normalization alone', () => {
    const text = '“Quoted” ＡＢ，ﬁne\r\ncafe\u0301 \u0007';
    assert.equal(fixText(text), text);
  });
  it('the ftfy profile applies ftfy defaults', () => {
    assert.equal(fixText('“Quoted” ＡＢ，ﬁne\r\ncafe\u0301 \u0007', { profile: 'ftfy' }), '"Quoted" AB,fine\ncafé ');
  });
  it('fixers and normalization override a profile', () => {
    assert.equal(fixText('“Q” cafe\u0301', { profile: 'ftfy', fixers: { uncurlQuotes: false }, normalization: 'none' }), '“Q” cafe\u0301');
    assert.equal(fixText('cafe\u0301', { normalization: 'NFC' }), 'café');
  });
  it('rejects unknown profiles and forms', () => {
    assert.throws(() => fixText('x', { profile: 'nope' as 'ftfy' }), /profile/);
    assert.throws(() => fixText('x', { normalization: 'NFX' as 'NFC' }), /normalization/);
  });
});
