import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fixText } from '../../src/index.js';
import { nlpCorpusSentences } from '../support/corpus.js';

/** A sentence with a well-formed reference in it (`&ndash;`, `&lt;/ref&gt;`) is genuinely damaged. */
const GENUINE_ENTITY = /&(?:#[0-9]+|#x[0-9a-f]+|[a-z][a-z0-9]+);/i;

describe('clean text stays exactly as it is', () => {
  test('5,000 nlp-corpus sentences change only where they hold real entities', () => {
    const sentences = nlpCorpusSentences(5000);
    assert.equal(sentences.length, 5000);
    const changed = sentences.filter((s) => fixText(s) !== s);
    const unexplained = changed.filter((s) => !GENUINE_ENTITY.test(s));
    assert.deepEqual(unexplained, []);
    assert.ok(changed.length > 0, 'the corpus has a few sentences with genuine entities');
  });

  test('suspicious-looking clean text in many languages and notations', () => {
    const samples = [
      'AT&T, R&D, Q&A, fish & chips; rock & roll && more',
      '« Bonjour » ; dit-il : « Ça va ? » Oui !',
      'Он сказал: «Мы готовы к переговорам» — и ушёл… Т. е. нет.',
      'Україна — це Європа; «Слава Україні!»',
      'NÃO É VERDADE, disse o ministro. Ação, atenção, coração.',
      'Η Ελλάδα είναι μια χώρα. «Καλημέρα»',
      'Türkçe: İstanbul’da ağır yağış; Çok güzel!',
      'Čeština: Příliš žluťoučký kůň úpěl ďábelské ódy.',
      'Tiếng Việt: Xin chào, tôi là người Việt Nam.',
      '中文文本：“你好”，他说。日本語の「引用」と『二重』。한국어 문장입니다.',
      'Emoji 👍🏽 family 👨‍👩‍👧 flags 🇺🇦 and kaomoji (╯°□°)╯︵ ┻━┻ ¯\\_(ツ)_/¯',
      'Math: ∀x ∈ ℝ, x² ≥ 0; a < b && c > d; ∫₀¹ f(x) dx ≈ 0.5; 5 ≤ n',
      'Code: if (a && b) { x &= ~mask; } // &amp is not decoded here: &ampersand',
      'const s = "it\'s"; let t = \'\'; y = x << 2 & 0xff;',
      'Markdown: **bold** and `code` and [link](https://e.test/?a=1&b=2)',
      'Prices: 5$ & 10€; 50% off; #hashtag @user ~tilde',
      'Tabs\tand  double  spaces  and trailing space ',
      'He said “hello” and „hallo“ and ”hej” and »hej«.',
      '',
      '\n\n\n',
    ];
    for (const s of samples) assert.equal(fixText(s), s, s);
  });
});
