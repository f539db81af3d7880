import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fixText } from '../../src/index.js';
import { bareNameMatches } from '../../src/repair/fixers/mangledEntities.js';
import { pick, seededRandom } from '../support/random.js';

const onlyEntities = { fixers: { collateral: false, quotes: false } };

describe('mangled entities', () => {
  const cases: Array<[string, string]> = [
    ['a & nbsp; b', 'a   b'],
    ['a & nbsp ; b', 'a   b'],
    ['a&nbsp ; b', 'a  b'],
    ['war & # 8212; peace', 'war — peace'],
    ['war & #x2014; peace', 'war — peace'],
    ['war & #X2014; peace', 'war — peace'],
    ['a & Nbsp; b', 'a   b'],
    ['a & NBSP; b', 'a   b'],
    ['a &amp;nbsp; b', 'a   b'],
    ['a & amp; nbsp; b', 'a   b'],
    ['say &amp;amp;quot;hi&amp;amp;quot;', 'say "hi"'],
    ['a &amp;amp;amp;mdash; b', 'a — b'],
    ['wait & hellip ; then', 'wait … then'],
    ['end & raquo ;.', 'end ».'],
    ['Russia and & nbsp NATO', 'Russia and   NATO'],
    ['Russia and&nbsp NATO & nbsp; now', 'Russia and  NATO   now'],
    ['caf& eacute;', 'café'],
    ['& laquo; Hi & raquo;', '« Hi »'],
  ];
  for (const [input, expected] of cases) {
    test(`${JSON.stringify(input)} → ${JSON.stringify(expected)}`, () => {
      assert.equal(fixText(input, onlyEntities), expected);
    });
  }

  test('no-break spaces become plain spaces unless asked to keep them', () => {
    assert.equal(fixText('a & nbsp; b', { ...onlyEntities, keepNbsp: true }), 'a \u00a0 b');
  });

  test('names that are also words need other evidence in the same text', () => {
    for (const word of ['not', 'and', 'part', 'in', 'int', 'copy', 'or']) {
      const alone = `this & ${word}; that`;
      assert.equal(fixText(alone), alone, word);
      const withEvidence = `this & ${word}; that & nbsp; other`;
      assert.notEqual(fixText(withEvidence), withEvidence.replace('& nbsp;', ' '), word);
      assert.ok(!fixText(withEvidence).includes(`& ${word};`), word);
    }
  });

  test('in markup the repaired reference is written back as a reference, not decoded', () => {
    assert.equal(fixText('<p>Russia & nbsp; NATO &amp;amp;quot;</p>'), '<p>Russia &nbsp; NATO &quot;</p>');
    assert.equal(fixText('<p>a & nbsp; b</p>', { htmlEntities: 'always' }), '<p>a b</p>');
  });

  test('ampersands that are not references are never touched', () => {
    for (const clean of [
      'AT&T and R&D',
      'Q&A session',
      'fish & chips;',
      'rock & roll',
      'if (a && b) { c &= d; }',
      'Tom & Jerry; Marks & Spencer;',
      'Foo(const Foo &copy)',
      'fn f(&mut self, s: &str) -> &str;',
      'https://x.test/?a=1&nbsp=2&amp=3',
      'Procter & Gamble & #1 brand',
      'P&O, B&Q, M&S, H&M',
      '& nbspx and &nbspy',
      'Russia and&nbsp NATO; &amp is how HTML writes &',
      'x & #0; y & #1; z',
    ]) {
      assert.equal(fixText(clean), clean);
    }
  });
});

describe('bare names found from their semicolons', () => {
  // The pattern the scan replaces: its matches, in order, are the scan's.
  const PATTERN = /(nbsp|mdash|ndash|hellip|laquo|raquo|ldquo|rdquo|lsquo|rsquo|bdquo|quot|thinsp|ensp|emsp|нбсп|мдаш|ндаш|хеллип)[ \t\u00a0]*;/giu;
  const PIECES = ['nbsp', 'NBSP', 'NbSp', 'nbſp', 'thinsp', 'insp', 'ensp', 'emsp', 'hellip', 'quot', 'ldquo', 'dsquo', 'нбсп', 'НБСП', 'нбᲃп', 'мᲁаш', 'МДАШ', 'хеллип', 'ХЕЛЛИП', 'QUOT', 'LAQUO', 'mdasH', 'P', 'O', 'x', 'a', 'p', ' ', '  ', '\t', '\u00a0', ';', ';;', '&', '\ud83d\ude00', '\ude00', 'é'];
  test('match the pattern on random texts of names, spaces and semicolons', () => {
    const rng = seededRandom(99);
    for (let n = 0; n < 20_000; n++) {
      let text = '';
      for (let i = Math.floor(rng() * 24); i > 0; i--) text += pick(rng, PIECES);
      const expected = [...text.matchAll(PATTERN)].map((m) => ({ index: m.index, raw: m[0], name: m[1] }));
      assert.deepEqual(bareNameMatches(text), expected, JSON.stringify(text));
    }
  });
});
