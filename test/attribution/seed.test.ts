import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { attribute, fixText } from '../../src/index.js';

const SEED = new URL('../../../../shared/seed/000_7569a4d67b0f746e.txt', import.meta.url);

/*
 * Our reading of the repaired seed.
 *
 * Four quotations in quotation marks (the "four direct quotations"):
 *   1. “You can find a solution, … the risk of conflict persists”, — said he.     direct  (he → Stoltenberg, inverted order)
 *   2. The NATO Secretary General urged “to hope for the best, …”               partial (woven into the sentence)
 *   3. Blinken … when it “put a weapon to the head of Ukraine”                   partial (inside Blinken's reported statement)
 *   4. Ryabkov warned … other means to “intimidation of opponents”               partial (inside Ryabkov's reported statement)
 *
 * Seven reported statements:
 *   1. Russia and NATO may find a political solution …, Stoltenberg told Financial Times.      told
 *   2. … history of Russia, which, according to his words, for centuries experienced conflicts  according to (his → Stoltenberg)
 *   3. However, now there is an alternative: …, the secretary general pointed out.           pointed out (role → Stoltenberg)
 *   4. He noted that the United States and NATO are ready to discuss …                      noted (He → Stoltenberg)
 *   5. Blinken said earlier that does not expect progress …                                 said
 *   6. Ryabkov warned in then while Russia … can resort to other means …                    warned
 *   7. Putin has repeatedly stated the desire of Russia to receive legal guarantees …        stated
 *
 * Not reported statements: "Stoltenberg … has already ruled out Russia's concessions" (a decision, no
 * reporting verb), "He raised this question" (Putin raised a topic, no content), and "the Foreign Ministry
 * announced draft agreements" (publishing documents: "announced" takes a noun, not a statement).
 */
const EXPECTED = [
  { kind: 'reported', cue: 'told', speaker: 'Jens Stoltenberg', text: 'Russia and NATO may find a political solution' },
  { kind: 'direct', cue: 'said', speaker: 'Jens Stoltenberg', text: 'You can find a solution, a political solution' },
  { kind: 'reported', cue: 'according to', speaker: 'Jens Stoltenberg', text: 'for centuries experienced conflicts with neighbors' },
  { kind: 'reported', cue: 'pointed out', speaker: 'Jens Stoltenberg', text: 'now there is an alternative: cooperation with the alliance' },
  { kind: 'reported', cue: 'noted', speaker: 'Jens Stoltenberg', text: 'the United States and NATO are ready to discuss' },
  { kind: 'partial', cue: 'urged', speaker: 'Jens Stoltenberg', text: 'to hope for the best, but prepare for the worst' },
  { kind: 'reported', cue: 'said', speaker: 'Anthony Blinken', text: 'does not expect progress on the results of negotiations' },
  { kind: 'partial', cue: 'said', speaker: 'Anthony Blinken', text: 'put a weapon to the head of Ukraine' },
  { kind: 'reported', cue: 'warned', speaker: 'Sergei Ryabkov', text: 'can resort to other means' },
  { kind: 'partial', cue: 'warned', speaker: 'Sergei Ryabkov', text: 'intimidation of opponents' },
  { kind: 'reported', cue: 'stated', speaker: 'Vladimir Putin', text: 'the desire of Russia to receive legal guarantees' },
];

const PEOPLE: Record<string, string[]> = {
  'Jens Stoltenberg': ['NATO Secretary General'],
  'Anthony Blinken': ['US Secretary of State'],
  'Sergei Ryabkov': ['Deputy Foreign Minister'],
  'Vladimir Putin': ['President'],
  'Joe Biden': ['American colleague'],
};

const skip = existsSync(SEED) ? false : 'the seed (../shared/seed) is absent';

test('seed: four quotations and seven reported statements, each with its speaker', { skip }, () => {
  const text = fixText(readFileSync(SEED, 'utf8'));
  const result = attribute(text, { lang: 'en' });
  assert.equal(result.supported, true);
  const got = result.quotes.map((q) => ({ kind: q.kind, cue: q.cue, speaker: q.speaker?.name, text: q.text }));
  assert.equal(got.length, EXPECTED.length, JSON.stringify(got, null, 1));
  EXPECTED.forEach((want, i) => {
    const q = got[i]!;
    assert.ok(q.text.includes(want.text), `quote ${i + 1}: ${q.text}`);
    assert.deepEqual({ kind: q.kind, cue: q.cue, speaker: q.speaker }, { kind: want.kind, cue: want.cue, speaker: want.speaker });
  });
  assert.equal(result.quotes.filter((q) => q.kind !== 'reported').length, 4);
  assert.equal(result.quotes.filter((q) => q.kind === 'reported').length, 7);
  for (const q of result.quotes) {
    assert.equal(text.slice(q.start, q.end), q.text);
    assert.ok(q.speaker && text.slice(q.speaker.start, q.speaker.end) === q.speaker.mention);
  }
});

test('seed: speakers are named by pronoun and by role, in inverted order too', { skip }, () => {
  const text = fixText(readFileSync(SEED, 'utf8'));
  const { quotes } = attribute(text);
  const mentions = quotes.map((q) => q.speaker?.mention);
  assert.ok(mentions.includes('he'), 'the inverted “— said he”');
  assert.ok(mentions.includes('He'));
  assert.ok(mentions.includes('the secretary general'));
  assert.ok(mentions.includes('NATO Secretary General'));
  assert.ok(mentions.includes('his'));
});

test('seed: the five people with their roles, and the organisations and places', { skip }, () => {
  const text = fixText(readFileSync(SEED, 'utf8'));
  const { entities } = attribute(text);
  const people = entities.filter((e) => e.type === 'person');
  assert.deepEqual(Object.fromEntries(people.map((p) => [p.name, p.roles])), PEOPLE);
  const stoltenberg = people.find((p) => p.name === 'Jens Stoltenberg')!;
  assert.equal(stoltenberg.count, 4);
  for (const m of stoltenberg.mentions) assert.match(text.slice(m.start, m.end), /Stoltenberg$/);
  const orgs = entities.filter((e) => e.type === 'organization').map((e) => e.name);
  for (const o of ['NATO', 'Financial Times', 'Foreign Ministry', 'OSCE']) assert.ok(orgs.includes(o), o);
  const places = entities.filter((e) => e.type === 'place').map((e) => e.name);
  for (const p of ['Russia', 'Ukraine', 'Moscow', 'United States']) assert.ok(places.includes(p), p);
  assert.equal(entities.find((e) => e.name === 'Russia')!.count, entities.find((e) => e.name === 'Russia')!.mentions.length);
});

test('seed: the same quotations and people without the tagger', { skip }, () => {
  const text = fixText(readFileSync(SEED, 'utf8'));
  const brief = (r: ReturnType<typeof attribute>): unknown => [
    r.quotes.map((q) => [q.kind, q.start, q.end, q.speaker?.name]),
    r.entities.filter((e) => e.type === 'person').map((e) => [e.name, e.roles]),
  ];
  assert.deepEqual(brief(attribute(text, { tagger: false })), brief(attribute(text)));
});
