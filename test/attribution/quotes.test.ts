import assert from 'node:assert/strict';
import { test } from 'node:test';
import { attribute } from '../../src/index.js';

function speakers(text: string): [string, string | undefined, string | null][] {
  return attribute(text).quotes.map((q) => [q.text, q.speaker?.name, q.kind]);
}

test('unsupported languages say so', () => {
  const r = attribute('«Nous sommes prêts», a déclaré le ministre.', { lang: 'fr' });
  assert.equal(r.supported, false);
  assert.match(r.reason!, /English only/);
  assert.deepEqual(r.quotes, []);
  assert.equal(attribute('x', { lang: 'en-GB' }).supported, true);
});

test('every quote style: curly, guillemets, low-high and straight', () => {
  for (const [open, close] of [['“', '”'], ['«', '»'], ['„', '“'], ['"', '"'], ["''", "''"]]) {
    const text = `Mayor Jane Doe spoke on Monday. ${open}We will rebuild the bridge this year,${close} Doe said.`;
    const r = attribute(text);
    assert.equal(r.quotes.length, 1, open);
    assert.equal(r.quotes[0]!.text, 'We will rebuild the bridge this year');
    assert.equal(r.quotes[0]!.kind, 'direct');
    assert.equal(r.quotes[0]!.speaker?.name, 'Jane Doe');
    assert.equal(r.quotes[0]!.cue, 'said');
  }
});

test('a quote continued in the next paragraph is one attribution in two parts', () => {
  const text = 'Chief executive Tim Cook said: “We are proud of the phone.\n\n“It is the best we have ever made, and people love it.”\n\nShares rose.';
  const r = attribute(text);
  assert.equal(r.quotes.length, 1);
  assert.match(r.quotes[0]!.text, /^We are proud[\s\S]*people love it$/);
  assert.deepEqual(r.quotes[0]!.parts.map((p) => text.slice(p.start, p.end)), ['We are proud of the phone', 'It is the best we have ever made, and people love it']);
  assert.equal(r.quotes[0]!.speaker?.name, 'Tim Cook');
  assert.deepEqual(r.entities.find((e) => e.name === 'Tim Cook')?.roles, ['Chief executive']);
});

test('pronouns follow gender and recency; a quotation interrupted by its cue is one attribution', () => {
  const text =
    'Senator Mary Smith met John Brown in Paris.\n“The talks went well,” she said. “We will meet again.”\n“I disagree with that,” he said.';
  assert.deepEqual(speakers(text), [
    ['The talks went well,” she said. “We will meet again', 'Mary Smith', 'direct'],
    ['I disagree with that', 'John Brown', 'direct'],
  ]);
  const interrupted = attribute('“We will win,” he said, “and we will govern.”').quotes;
  assert.equal(interrupted.length, 1);
  assert.deepEqual(interrupted[0]!.parts.length, 2);
  assert.equal(interrupted[0]!.cue, 'said');
});

test('reported speech: that-clauses, trailing attribution, according to', () => {
  const text =
    'Finance Minister Olaf Brandt said on Tuesday that the budget would be balanced next year. ' +
    'Inflation will fall below two percent by the summer, Brandt told reporters. ' +
    'According to the central bank, growth will stay weak.';
  const got = attribute(text).quotes.map((q) => [q.kind, q.cue, q.speaker?.name, q.text]);
  assert.deepEqual(got, [
    ['indirect', 'said', 'Olaf Brandt', 'that the budget would be balanced next year'],
    ['indirect', 'told reporters', 'Olaf Brandt', 'Inflation will fall below two percent by the summer'],
    ['indirect', 'according to', 'the central bank', 'growth will stay weak'],
  ]);
});

test('attributions that are not speech: findings, intentions, beliefs', () => {
  const text = 'A Gallup poll shows that most voters want lower taxes. The senator wants to cut spending.';
  const got = attribute(text).quotes.map((q) => [q.kind, q.cue, q.speaker?.mention, q.speaker?.type, q.text]);
  assert.deepEqual(got, [
    ['indirect', 'shows', 'A Gallup poll', 'organization', 'that most voters want lower taxes'],
    ['indirect', 'wants', 'The senator', 'unknown', 'to cut spending'],
  ]);
});

test('a scare-quoted name is attributed to nobody', () => {
  const r = attribute('The so-called “Florida Man” story spread on social media.');
  assert.ok(r.quotes.every((q) => q.speaker === null), JSON.stringify(r.quotes));
});
