import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fixText, toArticle } from '../../src/index.js';
import { sharedPath } from './shared.js';

const seed = sharedPath('seed', '000_7569a4d67b0f746e.txt');

describe('the seed article', { skip: existsSync(seed) ? false : `${seed} is absent` }, () => {
  const input = existsSync(seed) ? readFileSync(seed, 'utf8') : '';
  const article = toArticle(input, { source: seed });

  it('takes the first line as the title', () => {
    assert.equal(article.title, input.split('\n')[0]);
  });

  it('has nine body paragraphs, restored by the repair pipeline', () => {
    assert.equal(article.paragraphs.length, 9);
    assert.equal(article.text, article.paragraphs.join('\n\n'));
    assert.doesNotMatch(article.text, /& ?nbsp|& ?raquo|& ?quot|& ?hellip|& ?mdash/);
    assert.match(article.paragraphs[0]!, /^Russia and NATO may find a political solution/);
    assert.ok(article.fixes.length > 50);
    const bodyInput = input.split('\n').slice(2, 19).join('\n');
    assert.equal(article.text, fixText(bodyInput).replace(/\n{3,}/g, '\n\n').trim());
  });

  it('reports Leave a Reply as boilerplate at the end', () => {
    assert.deepEqual(
      article.boilerplate.map((b) => [b.kind, b.text, b.beforeParagraph]),
      [['comments', 'Leave a Reply', 9]],
    );
    assert.doesNotMatch(article.text, /Leave a Reply/);
  });

  it('is English scraped text', () => {
    assert.equal(article.lang, 'en');
    assert.equal(article.input, 'text');
    assert.equal(article.source, seed);
  });
});
