import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { AttributedArticleSchema, attributeArticle, toArticle } from '../../src/index.js';
import { runCli, SEED } from './runCli.js';

const skip = !existsSync(SEED) && 'seed absent';

describe('who said what in the article output', () => {
  test('the article JSON carries quotes and entities whose offsets point into its text', { skip }, () => {
    const r = runCli(['article', SEED]);
    assert.equal(r.status, 0, r.stderr);
    const article = AttributedArticleSchema.parse(JSON.parse(r.stdout));
    assert.deepEqual(article.attribution, { lang: 'en', supported: true });
    assert.ok(article.quotes.some((q) => q.kind === 'direct'));
    assert.ok(article.quotes.some((q) => q.kind === 'indirect'));
    assert.ok(article.quotes.some((q) => q.kind === 'mixed'));
    for (const q of article.quotes) {
      assert.equal(article.text.slice(q.start, q.end), q.text);
      if (q.speaker) assert.equal(article.text.slice(q.speaker.start, q.speaker.end), q.speaker.mention);
    }
    const direct = article.quotes.find((q) => q.kind === 'direct')!;
    assert.equal(direct.speaker?.name, 'Jens Stoltenberg');
    assert.equal(direct.speaker?.mention, 'he');
    const people = article.entities.filter((e) => e.type === 'person').map((e) => e.name).sort();
    assert.deepEqual(people, ['Anthony Blinken', 'Jens Stoltenberg', 'Joe Biden', 'Sergei Ryabkov', 'Vladimir Putin']);
  });

  test('Markdown output ends with who said what; --no-quotes leaves it out', { skip }, () => {
    const md = runCli(['article', '--format', 'md', SEED]);
    assert.match(md.stdout, /## Who said what\n\n- \*\*Jens Stoltenberg\*\*/);
    const plain = runCli(['article', '--no-quotes', SEED]);
    const article = JSON.parse(plain.stdout) as Record<string, unknown>;
    assert.equal(article.quotes, undefined);
    assert.doesNotMatch(runCli(['article', '--format', 'md', '--no-quotes', SEED]).stdout, /Who said what/);
  });

  test('an article in a language attribution does not support says so', () => {
    const article = toArticle('Заголовок статьи\n\nПрезидент заявил, что переговоры продолжатся на следующей неделе в Женеве.', { lang: 'ru' });
    const attributed = attributeArticle(article);
    assert.equal(attributed.attribution.supported, false);
    assert.match(attributed.attribution.reason ?? '', /\S/);
    assert.deepEqual(attributed.quotes, []);
  });

  test('library: attributeArticle(toArticle(page)) is valid against its schema', { skip }, () => {
    const attributed = attributeArticle(toArticle(readFileSync(SEED, 'utf8')));
    assert.ok(AttributedArticleSchema.safeParse(attributed).success);
  });
});
