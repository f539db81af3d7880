import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clauseSubject } from '../../src/attribution/clauseSubject.js';

/** The subject found for the cue word `cue` in `text`, as written, or null. */
function subjectBefore(text: string, cue: string): string | null {
  const at = text.indexOf(cue);
  assert.ok(at >= 0, `${cue} in the text`);
  const s = clauseSubject(text, at);
  return s ? text.slice(s.start, s.end) : null;
}

test('the subject of a cue is the head of its clause, without an introductory phrase, auxiliaries or a time', () => {
  assert.equal(subjectBefore('Taxes rose. In a statement, the Kentucky Republican on Tuesday dismissed the plan.', 'dismissed'), 'the Kentucky Republican');
  assert.equal(subjectBefore('Bernie Sanders has also argued that the plan fails.', 'argued'), 'Bernie Sanders');
  assert.equal(subjectBefore('But the senator wants more money.', 'wants'), 'the senator');
  assert.equal(subjectBefore('PASADENA, Calif. (UPI) — A handful of skywriters are not voting for him.', 'are not voting'), 'A handful of skywriters');
});

test('an apposition set off by commas leaves the name before it', () => {
  assert.equal(subjectBefore('Obama, who has denounced the attack as terrorism, reiterated his frustration.', 'reiterated'), 'Obama');
  // A participle after the main clause reports its subject, past an opening adverb.
  assert.equal(subjectBefore('Instead, the Vermont senator is sticking to his message, hoping to avoid a misstep.', 'hoping'), 'the Vermont senator');
});

test('a clause that opens with a verb, a preposition or an adverbial has no subject to give', () => {
  assert.equal(subjectBefore('Urging voters to turn out, promising to cut taxes.', 'promising'), null);
  assert.equal(subjectBefore('After the debate ended the campaign.', 'ended'), null);
  assert.equal(subjectBefore('Instead, hoping to avoid a misstep.', 'hoping'), null);
  assert.equal(subjectBefore('Friday, asked a judge to block the rules.', 'asked'), null);
});

test('nothing is read across a quotation mark or beyond 200 characters', () => {
  assert.equal(subjectBefore('“We won,” the senator said.', 'said'), null);
  assert.equal(subjectBefore(`Officials${' and'.repeat(60)} said it was over.`, 'said'), null);
});
