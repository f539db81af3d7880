import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { toArticle } from '../../src/index.js';

describe('scraped plain text', () => {
  it('joins hard-wrapped lines into paragraphs', () => {
    const text = [
      'Parliament approves the budget after a long night',
      '',
      'The parliament approved the budget for the next year early on Tuesday',
      'morning, after a debate that lasted more than fourteen hours and saw the',
      'opposition walk out twice.',
      'The finance minister said the budget would reduce the deficit by half',
      'within three years, while keeping spending on schools and hospitals at',
      'its current level, which critics called unrealistic and well-',
      'intentioned at best.',
    ].join('\n');
    const a = toArticle(text);
    assert.equal(a.title, 'Parliament approves the budget after a long night');
    assert.deepEqual(a.paragraphs, [
      'The parliament approved the budget for the next year early on Tuesday morning, after a debate that lasted more than fourteen hours and saw the opposition walk out twice.',
      'The finance minister said the budget would reduce the deficit by half within three years, while keeping spending on schools and hospitals at its current level, which critics called unrealistic and well-intentioned at best.',
    ]);
  });

  it('keeps one paragraph per line when lines are paragraphs', () => {
    const a = toArticle('First sentence of the story.\nSecond paragraph, a separate line.\nThird one here.');
    assert.equal(a.title, null);
    assert.equal(a.paragraphs.length, 3);
  });

  it('does not take a sentence as the title', () => {
    const a = toArticle('This is the first sentence of the body.\n\nAnd the second paragraph.');
    assert.equal(a.title, null);
    assert.equal(a.paragraphs.length, 2);
  });

  it('gives a clear empty result for text with no article', () => {
    const a = toArticle('Leave a Reply\n\nShare this article\n');
    assert.deepEqual(a.paragraphs, []);
    assert.deepEqual(a.warnings, ['no article text found']);
    assert.equal(a.boilerplate.length, 2);
  });
});
