import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assemble, type TaggedAttribution, type TokenSpan } from '../../src/attribution/model/assemble.js';
import { BC, BQ, BS, IC, IQ, IS, KC, O } from '../../src/attribution/model/sequenceModel.js';
import { tokenize, type TokenTable } from '../../src/attribution/model/tokens.js';

// The choice `assemble` makes, written as the plain scan over every cue and source of the sentences around a
// content (quadratic on one long sentence): the linear version must choose the same spans on any tagging.
function gap(a: TokenSpan, b: TokenSpan): number {
  return a.last < b.first ? b.first - a.last : b.last < a.first ? a.first - b.last : 0;
}
function nearest(s: TokenSpan, content: readonly TokenSpan[]): number {
  return Math.min(...content.map((c) => gap(s, c)));
}
function spans(tags: Uint8Array, begin: number, inside: number): TokenSpan[] {
  const out: TokenSpan[] = [];
  for (let i = 0; i < tags.length; i++) {
    if (tags[i] !== begin) continue;
    let j = i;
    while (j + 1 < tags.length && tags[j + 1] === inside) j++;
    out.push({ first: i, last: j });
    i = j;
  }
  return out;
}
function choiceByScan(t: TokenTable, tags: Uint8Array, grouped: TaggedAttribution[]): Array<[TokenSpan | null, TokenSpan | null]> {
  const cues = spans(tags, BQ, IQ);
  const sources = spans(tags, BS, IS);
  const used = new Set<number>();
  return grouped.map((a) => {
    const s0 = t.sentence[a.content[0]!.first]! - 1;
    const s1 = t.sentence[a.content[a.content.length - 1]!.last]! + 1;
    let cue = -1;
    let cueScore = Infinity;
    cues.forEach((c, k) => {
      const s = t.sentence[c.first]!;
      if (s < s0 || s > s1) return;
      const score = nearest(c, a.content) + (s > s0 && s < s1 ? 0 : 1000) + (used.has(k) ? 500 : 0);
      if (score < cueScore) [cueScore, cue] = [score, k];
    });
    if (cue >= 0) used.add(cue);
    const c = cue >= 0 ? cues[cue]! : null;
    let src = -1;
    let srcScore = Infinity;
    sources.forEach((s, k) => {
      const sent = t.sentence[s.first]!;
      if (sent < s0 || sent > s1) return;
      let score: number;
      if (c && sent === t.sentence[c.first]) score = gap(s, c);
      else if (sent > s0 && sent < s1) score = 1000 + nearest(s, a.content);
      else return;
      if (score < srcScore) [srcScore, src] = [score, k];
    });
    return [c, src >= 0 ? sources[src]! : null];
  });
}

/** A fixed-seed generator, so that a failure can be replayed. */
function random(seed: number): () => number {
  let x = seed;
  return () => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    return x / 2 ** 32;
  };
}

function randomTagging(t: TokenTable, next: () => number): Uint8Array {
  const tags = new Uint8Array(t.length);
  for (let i = 0; i < t.length; ) {
    const kind = Math.floor(next() * 5);
    const len = 1 + Math.floor(next() * 4);
    const [b, inside] = kind === 0 ? [BC, IC] : kind === 1 ? [KC, IC] : kind === 2 ? [BS, IS] : kind === 3 ? [BQ, IQ] : [O, O];
    for (let j = 0; j < len && i < t.length; j++, i++) tags[i] = j === 0 ? b : inside;
  }
  return tags;
}

test('assemble chooses the cue and source the full scan of nearby sentences chooses, on random taggings', () => {
  const sentences = ['Officials said the talks would resume.', 'The minister, speaking in Brussels, told reporters that nothing was agreed and that more was needed', '"We will see," he said.'];
  const next = random(7);
  for (let round = 0; round < 300; round++) {
    const parts: string[] = [];
    const n = 1 + Math.floor(next() * 8);
    for (let i = 0; i < n; i++) parts.push(sentences[Math.floor(next() * sentences.length)]! + (next() < 0.2 ? '\n' : ' '));
    const t = tokenize(parts.join(''));
    const tags = randomTagging(t, next);
    const got = assemble(t, tags);
    const want = choiceByScan(t, tags, got);
    assert.deepEqual(got.map((a) => [a.cue, a.source]), want, `round ${round}`);
  }
});

// Before the nearest-span search each content scanned every cue of its sentence: this took minutes (4× the
// tokens cost 16×); now it takes about a second. The timeout is the only clock.
test('assemble stays linear on one sentence of 100,000 contents, cues and sources', { timeout: 60_000 }, () => {
  const n = 100_000;
  const t = tokenize('officials said that the talks would resume and '.repeat(n));
  const tags = new Uint8Array(t.length);
  for (let i = 0; i < t.length; i++) tags[i] = [BS, BQ, BC, IC, IC, IC, IC, IC][i % 8]!;
  const out = assemble(t, tags);
  assert.equal(out.length, n);
  assert.ok(out.every((a, k) => a.cue?.first === 8 * k + 1 && a.source?.first === 8 * k));
});

/** Tags by word: each word of `text` gets the tag of the letter at its position in `marks` (O, C, K, S, Q). */
function tagged(text: string, marks: string): { t: TokenTable; tags: Uint8Array } {
  const t = tokenize(text);
  const letters = marks.split(' ');
  assert.equal(letters.length, t.length, 'one mark per token');
  const tags = new Uint8Array(t.length);
  letters.forEach((m, i) => {
    const inside = i > 0 && letters[i - 1] === m;
    tags[i] = m === 'O' ? O : m === 'C' ? (inside ? IC : BC) : m === 'K' ? (inside ? IC : KC) : m === 'S' ? (inside ? IS : BS) : inside ? IQ : BQ;
  });
  return { t, tags };
}

test('a resumed quotation with its own source and cue after it is a new attribution', () => {
  // The model tags the second paragraph's quotation as resuming the first paragraph's statement.
  const { t, tags } = tagged('Smith said taxes rise .\n“ Costs double , ” Jones said .', 'S Q C C O O K K K K S Q O');
  const out = assemble(t, tags);
  assert.equal(out.length, 2);
  assert.deepEqual(out[1]!.content, [{ first: 6, last: 9 }]);
  assert.deepEqual([out[1]!.source, out[1]!.cue], [{ first: 10, last: 10 }, { first: 11, last: 11 }]);
});

test('a quotation resumed after its cue in a new sentence stays one attribution, and so does one cut by its cue', () => {
  const twoSentences = tagged('“ Costs double , ” Jones said . “ Taxes rise . ”', 'C C C C C S Q O K K K K K');
  assert.equal(assemble(twoSentences.t, twoSentences.tags).length, 1);
  // "“B,” he said, “C.”": B starts anew (its own cue after it), C resumes B.
  const three = tagged('“ A . ” Jones said . “ B , ” he said , “ C . ”', 'C C C C S Q O K K K K S Q O K K K K');
  const out = assemble(three.t, three.tags);
  assert.equal(out.length, 2);
  assert.equal(out[1]!.content.length, 2);
});
