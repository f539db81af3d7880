import assert from 'node:assert/strict';
import { test } from 'node:test';
import { attribute } from '../../src/index.js';
import { findQuoteSpans } from '../../src/attribution/quoteSpans.js';
import { paragraphs, sentencesOf } from '../../src/attribution/segments.js';

test('empty and quote-free text gives no quotes', () => {
  assert.deepEqual(attribute('').quotes, []);
  const r = attribute('The river rose two metres overnight and the bridge was closed.');
  assert.deepEqual(r.quotes, []);
  assert.equal(r.supported, true);
});

test('sentences do not end at abbreviations or initials', () => {
  const text = 'Mr. Smith met Sen. Jones in the U.S. capital. J. K. Rowling was not there. It rained.';
  const sents = sentencesOf(text, paragraphs(text)[0]!).map((s) => text.slice(s.start, s.end));
  assert.deepEqual(sents, ['Mr. Smith met Sen. Jones in the U.S. capital.', 'J. K. Rowling was not there.', 'It rained.']);
});

test('quote spans: mixed curly and straight marks close each other; an unclosed quote ends with its paragraph', () => {
  const text = '“We will win," he said.\nShe wrote: “nothing more\nThe end.';
  const spans = findQuoteSpans(text).map((q) => text.slice(q.start, q.end));
  assert.deepEqual(spans, ['We will win,', 'nothing more']);
});

test('quote spans: a quote that opens the next paragraph continues; one that does not, ends', () => {
  const continued = '“First part.\n“Second part.” Done.';
  assert.deepEqual(findQuoteSpans(continued).map((q) => continued.slice(q.start, q.end)), ['First part.\n“Second part.']);
});

test('inverted attribution from translation and the role noun resolved to its holder', () => {
  const text =
    'Interior Minister Anna Berg visited the border.\n' +
    '“We will close the crossing for two weeks”, — said she.\n' +
    'The situation remains tense, the interior minister added.';
  const quotes = attribute(text).quotes.map((q) => [q.kind, q.cue, q.speaker?.mention, q.speaker?.name]);
  assert.deepEqual(quotes, [
    ['direct', 'said', 'she', 'Anna Berg'],
    ['indirect', 'added', 'the interior minister', 'Anna Berg'],
  ]);
});

test('a speaker described before the name, and after the verb', () => {
  const text =
    '“The water is rising fast,” lead researcher and hydrologist Maria Lopez said in a statement.\n' +
    '“We have never seen this,” said planetary geologist Tom Reed of the space agency.';
  const got = attribute(text).quotes.map((q) => q.speaker?.name);
  assert.deepEqual(got, ['Maria Lopez', 'Tom Reed']);
});

test('entities: titles as roles, appositions, surnames and organisations with mentions and counts', () => {
  const text =
    'Tim Cook, Apple’s chief executive, spoke in Paris. Cook said the Foreign Ministry of France had approved the plan. ' +
    'Apple shares rose.';
  const { entities } = attribute(text);
  const cook = entities.find((e) => e.name === 'Tim Cook');
  assert.ok(cook);
  assert.equal(cook.type, 'person');
  assert.deepEqual(cook.roles, ['Apple’s chief executive']);
  assert.equal(cook.count, 2);
  assert.deepEqual(cook.mentions.map((m) => text.slice(m.start, m.end)), ['Tim Cook', 'Cook']);
  assert.equal(entities.find((e) => e.name === 'Paris')?.type, 'place');
  assert.equal(entities.find((e) => e.name === 'Apple')?.type, 'organization');
});

test('unnamed sources stay unresolved but are speakers', () => {
  const text = 'The dam will hold through the winter, officials said. Two people familiar with the talks said a deal was close.';
  const got = attribute(text).quotes.map((q) => [q.speaker?.name, q.text]);
  assert.deepEqual(got, [
    ['officials', 'The dam will hold through the winter'],
    ['Two people familiar with the talks', 'a deal was close'],
  ]);
});

test('a quotation cut by its cue is one attribution with two parts, even across the cue sentence’s full stop', () => {
  const texts = [
    'He spoke after the vote. “It is incredible that a society like ours could produce such candidates,” he said. “I cannot understand it.”',
    '“Applying those questions to the current candidates,” Blackwell continued, “you and I should unite in support of a candidate who could win.”',
  ];
  for (const text of texts) {
    const { quotes } = attribute(text);
    assert.equal(quotes.length, 1, text);
    const [q] = quotes;
    assert.equal(q!.parts.length, 2);
    assert.equal(q!.kind, 'direct');
    assert.ok(text.slice(q!.parts[1]!.start, q!.parts[1]!.end).startsWith(text.includes('cannot') ? 'I cannot' : 'you and I'));
    assert.match(q!.speaker!.mention, /^(?:he|Blackwell)$/);
  }
  // A second quotation with a speaker of its own stays apart.
  const two = attribute('“We will win,” she said. “They will not,” Smith replied.');
  assert.equal(two.quotes.length, 2);
});
