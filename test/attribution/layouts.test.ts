import assert from 'node:assert/strict';
import { test } from 'node:test';
import { attribute } from '../../src/index.js';
import { cueLemma, learnedCues, setLearnedCues } from '../../src/attribution/model/cueWords.js';

test('a signature under a quotation names its speaker (vox-pop layout) and ends its attribution', () => {
  const text = [
    'Readers told us what they thought of the debate.',
    '“He talks about our communities as if we were criminals. That is not who we are.” ― Marisol Quintanilla ',
    '“I have never felt so ignored by a candidate in my whole life, and I have voted in six elections.”― Teodoro Vallejo.',
    '“Nobody asked the people who pick the crops what they need from the next president.” — Ana Ruiz, Fresno',
  ].join('\n');
  const got = attribute(text).quotes.filter((q) => q.kind === 'direct').map((q) => [q.text.slice(0, 20), q.speaker?.name, q.kind]);
  assert.deepEqual(got, [
    ['He talks about our c', 'Marisol Quintanilla', 'direct'],
    ['I have never felt so', 'Teodoro Vallejo', 'direct'],
    ['Nobody asked the peo', 'Ana Ruiz', 'direct'],
  ]);
});

test('a dash inside a sentence after a quotation is no signature', () => {
  const text = 'The mayor called the plan “a disgrace” — Smith Street residents agreed, and the council voted it down.';
  for (const q of attribute(text).quotes) assert.notEqual(q.speaker?.name, 'Smith Street');
});

test('transcript turns are one attribution each, the label their speaker, whatever is quoted inside', () => {
  const text = [
    'Mike Pence spoke to Chris Wallace on Sunday.',
    '"WALLACE: Let’s start with the news of the week. Will the governor attend the debate tomorrow?',
    '"PENCE: Well, look, Hillary Clinton apparently thinks this is an episode of “Shark Tank.” I think the American people deserve better.',
    'WALLACE: Do you really see those two as equivalent?',
  ].join('\n');
  const r = attribute(text);
  const turns = r.quotes.filter((q) => q.cue === ':');
  assert.deepEqual(turns.map((q) => [q.text.slice(0, 18), q.speaker?.name, q.speaker?.mention]), [
    ['Let’s start with t', 'Chris Wallace', 'WALLACE'],
    ['Well, look, Hillar', 'Mike Pence', 'PENCE'],
    ['Do you really see ', 'Chris Wallace', 'WALLACE'],
  ]);
  // Nothing else is read inside a turn: no attribution of Clinton's thoughts nested in Pence's.
  for (const q of r.quotes) if (q.cue !== ':') assert.ok(q.end <= turns[0]!.start, q.text);
});

test('one capitalised label and a colon is a heading, not a transcript', () => {
  const text = 'UPDATE: The senator said the bill would pass before the recess.';
  const r = attribute(text);
  assert.ok(r.quotes.every((q) => q.cue !== ':'));
});

test('learned cue words extend the lexicon and can be replaced', () => {
  const shipped = learnedCues();
  try {
    setLearnedCues([]);
    assert.equal(cueLemma('tut-tutted'), null);
    setLearnedCues(['tut-tutted']);
    assert.equal(cueLemma('tut-tutted'), 'tut-tutted');
    assert.equal(cueLemma('said'), 'say');
  } finally {
    setLearnedCues(shipped);
  }
  assert.deepEqual(learnedCues(), shipped);
});
