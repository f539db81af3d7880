import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { attribute, fixText } from '../../src/index.js';

const SEED = new URL('../../../../shared/seed/000_7569a4d67b0f746e.txt', import.meta.url);

/*
 * Our reading of the repaired seed: every statement, with its speaker.
 *
 * Four quotations in quotation marks. Two stand alone (direct); two are quoted words inside a reported clause,
 * and the attribution is then the clause (mixed), as PolNeAR annotates it:
 *   “You can find a solution, … the risk of conflict persists”, — said he.      direct (he → Stoltenberg, inverted)
 *   The NATO Secretary General urged “to hope for the best, …”                direct
 *   Blinken said earlier that … when it “put a weapon to the head of Ukraine”  mixed
 *   Ryabkov warned … can resort to other means to “intimidation of opponents”  mixed
 *
 * Reported statements:
 *   Russia and NATO may find a political solution …, Stoltenberg told Financial Times.
 *   … which, according to his words, for centuries experienced conflicts        (his → Stoltenberg)
 *   However, now there is an alternative: …, the secretary general pointed out. (role → Stoltenberg)
 *   He noted that the United States and NATO are ready to discuss …            (He → Stoltenberg)
 *   Putin has repeatedly stated the desire of Russia to receive legal guarantees
 *   the Foreign Ministry announced draft agreements with the United States and NATO  (an organisation)
 */
const EXPECTED = [
  { speaker: 'Jens Stoltenberg', text: 'Russia and NATO may find a political solution' },
  { speaker: 'Jens Stoltenberg', text: 'You can find a solution, a political solution', kind: 'direct' },
  { speaker: 'Jens Stoltenberg', text: 'experienced conflicts with neighbors' },
  { speaker: 'Jens Stoltenberg', text: 'now there is an alternative: cooperation with the alliance' },
  { speaker: 'Jens Stoltenberg', text: 'the United States and NATO' },
  { speaker: 'Jens Stoltenberg', text: 'to hope for the best, but prepare for the worst', kind: 'direct' },
  { speaker: 'Anthony Blinken', text: 'does not expect progress on the results of negotiations', kind: 'mixed' },
  { speaker: 'Anthony Blinken', text: 'put a weapon to the head of Ukraine', kind: 'mixed' },
  { speaker: 'Sergei Ryabkov', text: 'intimidation of opponents', kind: 'mixed' },
  { speaker: 'Vladimir Putin', text: 'the desire of Russia to receive legal guarantees' },
  { speaker: 'Foreign Ministry', text: 'draft agreements' },
];

const PEOPLE: Record<string, string[]> = {
  'Jens Stoltenberg': ['NATO Secretary General'],
  'Anthony Blinken': ['US Secretary of State'],
  'Sergei Ryabkov': ['Deputy Foreign Minister'],
  'Vladimir Putin': ['President'],
  'Joe Biden': ['American colleague'],
};

const skip = existsSync(SEED) ? false : 'the seed (../shared/seed) is absent';

test('seed: every statement is found with its speaker, organisations included', { skip }, () => {
  const text = fixText(readFileSync(SEED, 'utf8'));
  const result = attribute(text, { lang: 'en' });
  assert.equal(result.supported, true);
  const got = result.quotes.map((q) => ({ kind: q.kind, speaker: q.speaker?.name, text: q.text }));
  for (const want of EXPECTED) {
    const q = got.find((g) => g.text.includes(want.text));
    assert.ok(q, `no attribution holds “${want.text}”: ${JSON.stringify(got, null, 1)}`);
    assert.equal(q.speaker, want.speaker, want.text);
    if (want.kind) assert.equal(q.kind, want.kind, want.text);
  }
  const ministry = result.quotes.find((q) => q.text.includes('draft agreements'))!;
  assert.equal(ministry.speaker?.type, 'organization');
  for (const q of result.quotes) {
    assert.equal(text.slice(q.start, q.end), q.text);
    for (const p of q.parts) assert.ok(q.start <= p.start && p.end <= q.end);
    if (q.speaker) assert.equal(text.slice(q.speaker.start, q.speaker.end), q.speaker.mention);
    if (q.cueSpan) assert.equal(text.slice(q.cueSpan.start, q.cueSpan.end).toLowerCase().replace(/\s+/g, ' '), q.cue);
  }
  // No attribution inside another.
  for (const a of result.quotes) for (const b of result.quotes) if (a !== b) assert.ok(!(a.start <= b.start && b.end <= a.end), `${b.text} inside ${a.text}`);
});

test('seed: speakers are named by pronoun and by role, in inverted order too', { skip }, () => {
  const text = fixText(readFileSync(SEED, 'utf8'));
  const { quotes } = attribute(text);
  const mentions = quotes.map((q) => q.speaker?.mention);
  assert.ok(mentions.includes('he'), 'the inverted “— said he”');
  assert.ok(mentions.includes('He'));
  assert.ok(mentions.includes('the secretary general'));
  assert.ok(mentions.includes('The NATO Secretary General'));
  const stoltenberg = quotes.find((q) => q.speaker?.mention === 'the secretary general')!.speaker!;
  assert.deepEqual([stoltenberg.type, stoltenberg.role], ['person', 'NATO Secretary General']);
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
    r.quotes.map((q) => [q.kind, q.start, q.end, q.speaker?.name]).filter((q) => q[3] !== undefined),
    r.entities.filter((e) => e.type === 'person').map((e) => [e.name, e.roles]),
  ];
  assert.deepEqual(brief(attribute(text, { tagger: false })), brief(attribute(text)));
});
