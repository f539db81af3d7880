import { BC, BQ, BS, IC, IQ, IS, KC } from './sequenceModel.js';
import { firstNotBefore } from '../search.js';
import type { TokenTable } from './tokens.js';

/** A token range, inclusive of both ends. */
export interface TokenSpan {
  first: number;
  last: number;
}

/** One attribution as tagged: its content segments, and the cue and source linked to it (if any). */
export interface TaggedAttribution {
  content: TokenSpan[];
  cue: TokenSpan | null;
  source: TokenSpan | null;
}

function spansOf(tags: Uint8Array, begin: readonly number[], inside: number): { span: TokenSpan; tag: number }[] {
  const out: { span: TokenSpan; tag: number }[] = [];
  for (let i = 0; i < tags.length; i++) {
    if (!begin.includes(tags[i]!)) continue;
    let j = i;
    while (j + 1 < tags.length && tags[j + 1] === inside) j++;
    out.push({ span: { first: i, last: j }, tag: tags[i]! });
    i = j;
  }
  return out;
}

const MAX_BRIDGE = 3;

/**
 * The tagger sometimes drops out of a clause for a word or two ("the United States [and NATO] are ready"): a
 * content that starts again in the same sentence after a short gap with no cue or source continues it.
 */
function bridges(t: TokenTable, tags: Uint8Array, a: TokenSpan, b: TokenSpan): boolean {
  if (b.first - a.last - 1 > MAX_BRIDGE || t.sentence[a.last] !== t.sentence[b.first]) return false;
  for (let i = a.last + 1; i < b.first; i++) if (tags[i] !== 0) return false;
  return true;
}

/**
 * A resumed content whose own sentence gives it a source and a cue, before it ("… its borders. Deputy Minister
 * Ryabkov warned that …") or after it ("… in the world,” he said." after a paragraph of someone else's
 * statement), is a new attribution, whatever its tag says: the cue between two parts of one quotation
 * ("“A,” he said. “B.”") stands in the sentence of the first part. The look ahead stops at the next content,
 * so that "“B,” he said, “C.”" still holds its own cue and every token is looked at once.
 */
function introducedAnew(t: TokenTable, tags: Uint8Array, before: TokenSpan, span: TokenSpan): boolean {
  const sentence = t.sentence[span.first]!;
  if (t.sentence[before.last] === sentence) return false;
  return framedWithin(tags, span.first - 1, before.last, -1, (i) => t.sentence[i] === sentence) ||
    framedWithin(tags, span.last + 1, tags.length, 1, (i) => t.sentence[i] === t.sentence[span.last] && (tags[i]! < BC || tags[i]! > KC));
}

/** Whether a source and a cue are both tagged from `from` towards `stop` (exclusive) while `within` holds. */
function framedWithin(tags: Uint8Array, from: number, stop: number, step: 1 | -1, within: (i: number) => boolean): boolean {
  let source = false;
  let cue = false;
  for (let i = from; i !== stop && within(i); i += step) {
    if (tags[i] === BS || tags[i] === IS) source = true;
    else if (tags[i] === BQ || tags[i] === IQ) cue = true;
  }
  return source && cue;
}

/** The first of the spans (in text order) whose sentence is `sentence` or later. */
function firstInSentence(t: TokenTable, spans: readonly TokenSpan[], sentence: number): number {
  return firstNotBefore(spans.length, (i) => t.sentence[spans[i]!.first]! < sentence);
}

/** The index of the first span (in text order) that starts at token `token` or later. */
function firstFrom(spans: readonly TokenSpan[], token: number): number {
  return firstNotBefore(spans.length, (i) => spans[i]!.first < token);
}

/**
 * The cues no attribution has taken yet, found from any index in either direction in near-constant time
 * (two skip lists with path compression), so that choosing a cue never walks over the taken ones.
 */
class FreeCues {
  private readonly below: Int32Array;
  private readonly above: Int32Array;
  constructor(n: number) {
    // below[i + 1] leads to the free cue at or before i (0 stands for none); above[i] to the one at or after i.
    this.below = Int32Array.from({ length: n + 1 }, (_, i) => i);
    this.above = Int32Array.from({ length: n + 1 }, (_, i) => i);
  }
  take(k: number): void {
    this.below[k + 1] = k;
    this.above[k] = k + 1;
  }
  /** The free cue at or before k, or -1. */
  atOrBefore(k: number): number {
    return find(this.below, k + 1) - 1;
  }
  /** The free cue at or after k, or the number of cues. */
  atOrAfter(k: number): number {
    return find(this.above, k);
  }
}

function find(links: Int32Array, i: number): number {
  let root = i;
  while (links[root] !== root) root = links[root]!;
  while (links[i] !== root) {
    const next = links[i]!;
    links[i] = root;
    i = next;
  }
  return root;
}

/** The spans lying between the segments of a content, each with its distance to the nearer segment. */
function* between(spans: readonly TokenSpan[], content: readonly TokenSpan[]): Generator<[number, number]> {
  const end = firstFrom(spans, content[content.length - 1]!.last + 1);
  let seg = 0;
  for (let k = firstFrom(spans, content[0]!.first); k < end; k++) {
    const s = spans[k]!;
    while (content[seg + 1]!.first < s.first) seg++;
    yield [k, Math.min(s.first - content[seg]!.last, content[seg + 1]!.first - s.last)];
  }
}

/**
 * Groups tagged spans into attributions: a content segment starts one (a resumed segment, K-C, joins the one
 * before); its cue is the nearest cue in the sentences it spans or next to them, preferring one no other content
 * took; its source is the source nearest that cue in the cue's sentence, else the nearest to the content.
 *
 * Linear in the number of tokens, whatever the sentences' length: a score grows with the distance and each
 * penalty (sentence, taken cue) is the same across a run of candidates, so on each side of a content only the
 * nearest span and the nearest free cue can win, and the spans between its segments are seen by it alone.
 */
export function assemble(t: TokenTable, tags: Uint8Array): TaggedAttribution[] {
  const contents = spansOf(tags, [BC, KC], IC);
  const cues = spansOf(tags, [BQ], IQ).map((x) => x.span);
  const sources = spansOf(tags, [BS], IS).map((x) => x.span);
  const out: TaggedAttribution[] = [];
  for (const { span, tag } of contents) {
    const last = out[out.length - 1];
    const lastSeg = last?.content[last.content.length - 1];
    if (lastSeg && bridges(t, tags, lastSeg, span)) lastSeg.last = span.last;
    else if (tag === KC && last && lastSeg && t.paragraph[span.first]! - t.paragraph[lastSeg.last]! <= 1 && !introducedAnew(t, tags, lastSeg, span)) last.content.push(span);
    else out.push({ content: [span], cue: null, source: null });
  }
  const free = new FreeCues(cues.length);
  const taken = new Uint8Array(cues.length);
  for (const a of out) {
    const first = a.content[0]!;
    const lastSeg = a.content[a.content.length - 1]!;
    const s0 = t.sentence[first.first]! - 1;
    const s1 = t.sentence[lastSeg.last]! + 1;
    // The lowest score wins, the earliest span on a tie (as a scan in text order would choose).
    let best = -1;
    let bestScore = Infinity;
    const consider = (k: number, d: number): void => {
      if (k < 0 || k >= cues.length) return;
      const s = t.sentence[cues[k]!.first]!;
      if (s < s0 || s > s1) return;
      const score = d + (s > s0 && s < s1 ? 0 : 1000) + (taken[k] ? 500 : 0);
      if (score < bestScore || (score === bestScore && k < best)) {
        bestScore = score;
        best = k;
      }
    };
    const left = firstFrom(cues, first.first) - 1;
    const right = firstFrom(cues, lastSeg.last + 1);
    for (const k of [left, free.atOrBefore(left)]) if (k >= 0) consider(k, first.first - cues[k]!.last);
    for (const k of [right, free.atOrAfter(right)]) if (k < cues.length) consider(k, cues[k]!.first - lastSeg.last);
    if (a.content.length > 1) for (const [k, d] of between(cues, a.content)) consider(k, d);
    if (best >= 0) {
      a.cue = cues[best]!;
      taken[best] = 1;
      free.take(best);
    }
    a.source = sourceOf(t, sources, a, s0, s1);
  }
  return out;
}

/**
 * The source nearest the cue in the cue's sentence, scored by that distance; else, 1000 further, the source
 * nearest the content in the sentences it spans.
 */
function sourceOf(t: TokenTable, sources: readonly TokenSpan[], a: TaggedAttribution, s0: number, s1: number): TokenSpan | null {
  const first = a.content[0]!;
  const lastSeg = a.content[a.content.length - 1]!;
  const cueSentence = a.cue ? t.sentence[a.cue.first]! : -1;
  let best = -1;
  let bestScore = Infinity;
  const consider = (k: number, score: number): void => {
    if (score < bestScore || (score === bestScore && k < best)) {
      bestScore = score;
      best = k;
    }
  };
  const sentenceOf = (k: number): number => t.sentence[sources[k]!.first]!;
  if (a.cue) {
    const before = firstFrom(sources, a.cue.first) - 1;
    const after = before + 1;
    if (before >= 0 && sentenceOf(before) === cueSentence) consider(before, a.cue.first - sources[before]!.last);
    if (after < sources.length && sentenceOf(after) === cueSentence) consider(after, sources[after]!.first - a.cue.last);
  }
  const inner = (k: number): boolean => {
    const s = sentenceOf(k);
    return s > s0 && s < s1 && s !== cueSentence;
  };
  let left = firstFrom(sources, first.first) - 1;
  if (left >= 0 && sentenceOf(left) === cueSentence) left = firstInSentence(t, sources, cueSentence) - 1;
  if (left >= 0 && inner(left)) consider(left, 1000 + first.first - sources[left]!.last);
  let right = firstFrom(sources, lastSeg.last + 1);
  if (right < sources.length && sentenceOf(right) === cueSentence) right = firstInSentence(t, sources, cueSentence + 1);
  if (right < sources.length && inner(right)) consider(right, 1000 + sources[right]!.first - lastSeg.last);
  if (a.content.length > 1) for (const [k, d] of between(sources, a.content)) if (inner(k)) consider(k, 1000 + d);
  return best >= 0 ? sources[best]! : null;
}
