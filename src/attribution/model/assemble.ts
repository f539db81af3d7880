import { BC, BQ, BS, IC, IQ, IS, KC } from './sequenceModel.js';
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

function gap(a: TokenSpan, b: TokenSpan): number {
  return a.last < b.first ? b.first - a.last : b.last < a.first ? a.first - b.last : 0;
}

function distanceToContent(s: TokenSpan, content: readonly TokenSpan[]): number {
  let d = Infinity;
  for (const c of content) d = Math.min(d, gap(s, c));
  return d;
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
 * A resumed content whose own sentence gives it a source and a cue before it ("… its borders. Deputy Minister
 * Ryabkov warned that …") is a new attribution, whatever its tag says: the cue between two parts of one
 * quotation ("“A,” he said. “B.”") stands in the sentence of the first part.
 */
function introducedAnew(t: TokenTable, tags: Uint8Array, before: TokenSpan, span: TokenSpan): boolean {
  const sentence = t.sentence[span.first]!;
  if (t.sentence[before.last] === sentence) return false;
  let source = false;
  let cue = false;
  for (let i = span.first - 1; i > before.last && t.sentence[i] === sentence; i--) {
    if (tags[i] === BS || tags[i] === IS) source = true;
    else if (tags[i] === BQ || tags[i] === IQ) cue = true;
  }
  return source && cue;
}

/** The first of the spans (in text order) whose sentence is `sentence` or later. */
function firstInSentence(t: TokenTable, spans: readonly TokenSpan[], sentence: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (t.sentence[spans[mid]!.first]! < sentence) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Groups tagged spans into attributions: a content segment starts one (a resumed segment, K-C, joins the one
 * before); its cue is the nearest cue in the sentences it spans or next to them, preferring one no other content
 * took; its source is the source nearest that cue in the cue's sentence, else the nearest to the content.
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
  const cueUsed = new Uint8Array(cues.length);
  for (const a of out) {
    const s0 = t.sentence[a.content[0]!.first]! - 1;
    const s1 = t.sentence[a.content[a.content.length - 1]!.last]! + 1;
    let best = -1;
    let bestScore = Infinity;
    // Spans are in text order: only those in the sentences s0..s1 are looked at, so the whole is linear.
    for (let k = firstInSentence(t, cues, s0); k < cues.length && t.sentence[cues[k]!.first]! <= s1; k++) {
      const c = cues[k]!;
      const s = t.sentence[c.first]!;
      const d = distanceToContent(c, a.content);
      const inSentence = s > s0 && s < s1 ? 0 : 1000;
      const score = d + inSentence + (cueUsed[k] ? 500 : 0);
      if (score < bestScore) {
        bestScore = score;
        best = k;
      }
    }
    if (best >= 0) {
      a.cue = cues[best]!;
      cueUsed[best] = 1;
    }
    let src = -1;
    let srcScore = Infinity;
    for (let k = firstInSentence(t, sources, s0); k < sources.length && t.sentence[sources[k]!.first]! <= s1; k++) {
      const s = sources[k]!;
      const sent = t.sentence[s.first]!;
      let score: number;
      if (a.cue && sent === t.sentence[a.cue.first]) score = gap(s, a.cue);
      else if (sent > s0 && sent < s1) score = 1000 + distanceToContent(s, a.content);
      else continue;
      if (score < srcScore) {
        srcScore = score;
        src = k;
      }
    }
    if (src >= 0) a.source = sources[src]!;
  }
  return out;
}
