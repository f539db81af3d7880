import nlp from 'compromise';
import { cueLemma, learnedCuesVersion } from './cueWords.js';
import type { TokenTable } from './tokens.js';

/** What the model sees of each token, computed once per text and shared by training and tagging. */
export interface TokenView {
  lower: string[];
  pos: string[];
  shape: string[];
  /** Cue lemma of the token outside quotations, or ''. */
  cue: string[];
}

let lexicon: Record<string, string | string[]> | null = null;
function lexiconTag(lower: string): string | undefined {
  lexicon ??= (nlp.model() as { one: { lexicon: Record<string, string | string[]> } }).one.lexicon;
  const v = lexicon[lower];
  if (v === undefined) return undefined;
  const tags = typeof v === 'string' ? [v] : v;
  return tags.find((t) => t !== 'PhrasalVerb' && t !== 'ProperNoun') ?? tags[0];
}

const NAME_TAGS = new Set(['FemaleName', 'MaleName', 'LastName', 'FirstName', 'Person', 'City', 'Country', 'Place', 'Region', 'Organization', 'SportsTeam']);

/**
 * Part of speech from compromise's lexicon, with capitalisation and suffixes for words it does not list: the
 * lexicon lookup costs nothing, where compromise's full tagger would cost ten times the rest of the model.
 */
function posOf(word: string, lower: string, sentenceStart: boolean, tag: string | undefined): string {
  if (!/[\p{L}\p{N}]/u.test(word)) return word.length <= 2 ? word : 'P';
  if (/^[\p{N}.,]+$/u.test(word)) return 'Num';
  const cap = /^\p{Lu}/u.test(word);
  if (tag) return NAME_TAGS.has(tag) ? 'Name' : tag;
  if (cap && !sentenceStart) return 'Cap';
  if (lower.endsWith('ly')) return 'Adverb';
  if (lower.endsWith('ing')) return 'Gerund';
  if (lower.endsWith('ed')) return 'PastTense';
  if (lower.endsWith('s')) return 'Plural';
  return cap ? 'Cap?' : 'Noun?';
}

function shapeOf(word: string): string {
  if (/^\p{Lu}+$/u.test(word)) return word.length > 1 ? 'XX' : 'X';
  if (/^\p{Lu}/u.test(word)) return 'Xx';
  if (/^\p{Ll}/u.test(word)) return 'x';
  if (/^\p{N}/u.test(word)) return 'd';
  return 'p';
}

// Every double quotation mark looks the same to the model: the quote state says whether it opens or closes.
const DOUBLE_MARKS = new Set(['"', '“', '”', '„', '«', '»', "''", '``']);

/** What the model reads of a word as written, the same wherever it occurs. */
interface WordInfo {
  lower: string;
  shape: string;
  /** Part of speech at a sentence's start and elsewhere (capitals mean less at the start). */
  posAtStart: string;
  pos: string;
  cue: string;
}

// Words repeat: each distinct word is looked at once (the cache is dropped when it grows large).
const wordInfo = new Map<string, WordInfo>();
let wordInfoCues = -1;
function infoOf(word: string): WordInfo {
  let info = wordInfo.get(word);
  if (info === undefined) {
    if (wordInfo.size > 200_000) wordInfo.clear();
    const lower = DOUBLE_MARKS.has(word) ? '"' : word.toLowerCase();
    const tag = lexiconTag(lower);
    info = {
      lower,
      shape: shapeOf(word),
      posAtStart: posOf(word, lower, true, tag),
      pos: posOf(word, lower, false, tag),
      cue: cueLemma(lower) ?? (lower === ':' ? ':' : ''),
    };
    wordInfo.set(word, info);
  }
  return info;
}


export function viewOf(t: TokenTable): TokenView {
  if (wordInfoCues !== learnedCuesVersion()) {
    wordInfo.clear();
    wordInfoCues = learnedCuesVersion();
  }
  const n = t.length;
  const lower: string[] = new Array(n);
  const pos: string[] = new Array(n);
  const shape: string[] = new Array(n);
  const cue: string[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const info = infoOf(t.word[i]!);
    const sentenceStart = i === 0 || t.sentence[i - 1] !== t.sentence[i];
    lower[i] = info.lower;
    pos[i] = sentenceStart ? info.posAtStart : info.pos;
    shape[i] = info.shape;
    cue[i] = t.quote[i] === 1 ? '' : info.cue;
  }
  return { lower, pos, shape, cue };
}

function bucket(d: number): number {
  return d <= 3 ? d : d <= 5 ? 4 : d <= 8 ? 5 : d <= 15 ? 6 : d <= 30 ? 7 : 8;
}
const NONE = 9;

/** FNV-1a over UTF-16 units. */
export function stringHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * A feature is a template number and up to two values, hashed to 30 bits: no feature strings are built, which
 * would cost more than the rest of the model. Distinct features rarely collide (a few in the shipped model).
 */
function key(template: number, a: number, b: number): number {
  let h = Math.imul(template + 0x9e3779b9, 0x85ebca6b);
  h = Math.imul(h ^ a, 0xc2b2ae35);
  h ^= h >>> 15;
  h = Math.imul(h ^ b, 0x27d4eb2f);
  h ^= h >>> 13;
  return h & 0x3fffffff;
}

/** Feature keys of every token, flat: token i owns keys[offsets[i] .. offsets[i + 1]). */
export interface FeatureKeys {
  keys: Int32Array;
  offsets: Int32Array;
}

/** Feature templates per token (each `add` below is one). */
const TEMPLATES = 51;

const BOS = stringHash('<s>');
const EOS = stringHash('</s>');

/**
 * The features of every token. Context reaches across the sentence: the nearest cue word on either side
 * (outside quotations) and how far it is, whether a "that" or a comma stands between or ahead, the quotation
 * state, and the position in the sentence and paragraph.
 */
export function tokenFeatures(t: TokenTable, v: TokenView): FeatureKeys {
  const n = t.length;
  const leftCue = new Int32Array(n).fill(-1);
  const rightCue = new Int32Array(n).fill(-1);
  const thatSince = new Uint8Array(n);
  const commasSince = new Int32Array(n);
  const sentStart = new Int32Array(n);
  const sentEnd = new Int32Array(n);
  const sentHasCue = new Uint8Array(n);
  const sentHasQuote = new Uint8Array(n);
  const W = new Int32Array(n);
  const P = new Int32Array(n);
  const S = new Int32Array(n);
  const C = new Int32Array(n);
  const SUF = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    W[i] = stringHash(v.lower[i]!);
    P[i] = stringHash(v.pos[i]!);
    S[i] = stringHash(v.shape[i]!);
    C[i] = v.cue[i] ? stringHash(v.cue[i]!) : 0;
    SUF[i] = stringHash(v.lower[i]!.slice(-3));
  }
  for (let i = 0, s = 0; i < n; i++) {
    if (i > 0 && t.sentence[i] !== t.sentence[i - 1]) s = i;
    sentStart[i] = s;
    const prev = i > s ? i - 1 : -1;
    leftCue[i] = prev >= 0 ? (v.cue[prev] ? prev : leftCue[prev]!) : -1;
    thatSince[i] = prev >= 0 && !v.cue[prev] ? thatSince[prev]! | (v.lower[prev] === 'that' ? 1 : 0) : 0;
    commasSince[i] = prev >= 0 && !v.cue[prev] ? commasSince[prev]! + (v.lower[prev] === ',' ? 1 : 0) : 0;
  }
  // Ahead in the sentence: the next "that", comma and quotation mark.
  const thatAhead = new Int32Array(n).fill(-1);
  const commaAhead = new Int32Array(n).fill(-1);
  const markAhead = new Int32Array(n).fill(-1);
  for (let i = n - 1, e = n - 1; i >= 0; i--) {
    if (i < n - 1 && t.sentence[i] !== t.sentence[i + 1]) e = i;
    sentEnd[i] = e;
    const next = i < e ? i + 1 : -1;
    rightCue[i] = next >= 0 ? (v.cue[next] ? next : rightCue[next]!) : -1;
    thatAhead[i] = next >= 0 ? (v.lower[next] === 'that' ? next : thatAhead[next]!) : -1;
    commaAhead[i] = next >= 0 ? (v.lower[next] === ',' ? next : commaAhead[next]!) : -1;
    markAhead[i] = next >= 0 ? (t.quote[next]! >= 2 ? next : markAhead[next]!) : -1;
  }
  for (let i = 0; i < n; ) {
    let j = i;
    let cue = 0;
    let quote = 0;
    while (j < n && t.sentence[j] === t.sentence[i]) {
      if (v.cue[j]) cue = 1;
      if (t.quote[j]! >= 2) quote = 1;
      j++;
    }
    sentHasCue.fill(cue, i, j);
    sentHasQuote.fill(quote, i, j);
    i = j;
  }
  // Whether the token's paragraph opens with a quotation mark (a quotation paragraph, or its continuation).
  const paraOpensWithMark = new Uint8Array(n);
  for (let i = 0, opens = 0; i < n; i++) {
    if (i === 0 || t.paragraph[i] !== t.paragraph[i - 1]) opens = t.quote[i] === 2 ? 1 : 0;
    paraOpensWithMark[i] = opens;
  }
  const w = (i: number): number => (i < 0 ? BOS : i >= n ? EOS : W[i]!);
  const p = (i: number): number => (i < 0 ? BOS : i >= n ? EOS : P[i]!);
  const quote = (i: number): number => (i < 0 || i >= n ? 4 : t.quote[i]!);
  const keys = new Int32Array(n * TEMPLATES);
  const offsets = new Int32Array(n + 1);
  let at = 0;
  let k = 0;
  const add = (a: number, b = 0): void => {
    keys[at++] = key(k++, a, b);
  };
  for (let i = 0; i < n; i++) {
    offsets[i] = at;
    k = 0;
    const q = t.quote[i]!;
    add(0);
    add(W[i]!);
    add(w(i - 1));
    add(w(i + 1));
    add(w(i - 2));
    add(w(i + 2));
    add(w(i - 1), W[i]!);
    add(W[i]!, w(i + 1));
    add(P[i]!);
    add(p(i - 1));
    add(p(i + 1));
    add(p(i - 1), P[i]!);
    add(P[i]!, p(i + 1));
    add(S[i]!);
    add(SUF[i]!);
    add(q);
    add(quote(i - 1));
    add(quote(i + 1));
    add(C[i]!);
    add(i > 0 ? C[i - 1]! : 1);
    add(i + 1 < n ? C[i + 1]! : 1);
    add(sentHasCue[i]! * 2 + sentHasQuote[i]!, q);
    const first = sentStart[i] === i;
    add(first ? 1 : 0);
    add(first ? W[i]! : 0);
    add(sentEnd[i] === i ? 1 : 0);
    const para = i === 0 || t.paragraph[i - 1] !== t.paragraph[i];
    add(para ? 1 : 0, q);
    add(bucket(i - sentStart[i]!));
    add(bucket(sentEnd[i]! - i));
    const lc = leftCue[i]!;
    const ld = lc >= 0 ? bucket(i - lc) : NONE;
    add(lc >= 0 ? C[lc]! : 0);
    add(ld);
    add(lc >= 0 ? C[lc]! : 0, ld);
    add(lc >= 0 ? thatSince[i]! * 16 + bucket(commasSince[i]!) : -1);
    add(q, ld);
    add(ld, P[i]!);
    add(lc >= 0 ? w(lc + 1) : 0);
    add(ld, W[i]!);
    add(lc >= 0 && !thatSince[i] ? (thatAhead[i]! >= 0 ? bucket(thatAhead[i]! - i) : NONE) : -1, i - lc <= 8 ? 1 : 0);
    const rc = rightCue[i]!;
    const rd = rc >= 0 ? bucket(rc - i) : NONE;
    add(commaAhead[i]! >= 0 ? bucket(commaAhead[i]! - i) : NONE, rd);
    add(markAhead[i]! >= 0 ? bucket(markAhead[i]! - i) : NONE, q);
    add(rc >= 0 ? C[rc]! : 0);
    add(rd);
    add(rc >= 0 ? C[rc]! : 0, rd);
    add(q, rd);
    add(rd, P[i]!);
    // What follows the cue on the left ("told reporters", "said that") and precedes the cue on the right (a
    // name or pronoun before "said": the trailing source of "…, Smith said").
    add(lc >= 0 ? C[lc]! : 0, lc >= 0 ? w(lc + 1) : 0);
    add(rc >= 0 ? C[rc]! : 0, rc >= 0 ? p(rc - 1) : 0);
    add(paraOpensWithMark[i]!, q);
  }
  offsets[n] = at;
  return { keys: keys.subarray(0, at), offsets };
}

const STACK_TEMPLATES = 24;

/**
 * Features from a first tagging pass, for the second: the tags around the token, where the first pass's content
 * run it sits in starts and ends, and how far the nearest cue and source it found lie. The second pass corrects
 * what a first-order chain cannot see: a clause whose cue comes after it, a run broken off too early.
 */
export function stackedFeatures(t: TokenTable, v: TokenView, base: FeatureKeys, tags: Uint8Array): FeatureKeys {
  const n = t.length;
  const isContent = (x: number): boolean => x >= 1 && x <= 3;
  const runStart = new Int32Array(n).fill(-1);
  const runEnd = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) runStart[i] = isContent(tags[i]!) ? (i > 0 && isContent(tags[i - 1]!) && tags[i] !== 1 ? runStart[i - 1]! : i) : -1;
  for (let i = n - 1; i >= 0; i--) runEnd[i] = isContent(tags[i]!) ? (i + 1 < n && isContent(tags[i + 1]!) && tags[i + 1] !== 1 ? runEnd[i + 1]! : i) : -1;
  const leftCue = new Int32Array(n).fill(-1);
  const leftSource = new Int32Array(n).fill(-1);
  const rightCue = new Int32Array(n).fill(-1);
  const rightSource = new Int32Array(n).fill(-1);
  for (let i = 1; i < n; i++) {
    if (t.sentence[i] !== t.sentence[i - 1]) continue;
    const p = tags[i - 1]!;
    leftCue[i] = p === 6 || p === 7 ? i - 1 : leftCue[i - 1]!;
    leftSource[i] = p === 4 || p === 5 ? i - 1 : leftSource[i - 1]!;
  }
  for (let i = n - 2; i >= 0; i--) {
    if (t.sentence[i] !== t.sentence[i + 1]) continue;
    const x = tags[i + 1]!;
    rightCue[i] = x === 6 || x === 7 ? i + 1 : rightCue[i + 1]!;
    rightSource[i] = x === 4 || x === 5 ? i + 1 : rightSource[i + 1]!;
  }
  const tag = (i: number): number => (i < 0 ? 20 : i >= n ? 21 : tags[i]!);
  const dist = (from: number, to: number): number => (to < 0 ? NONE : bucket(Math.abs(to - from)));
  const keys = new Int32Array(base.keys.length + n * STACK_TEMPLATES);
  const offsets = new Int32Array(n + 1);
  let at = 0;
  let k = 0;
  const add = (a: number, b = 0): void => {
    keys[at++] = key(k++, a, b);
  };
  for (let i = 0; i < n; i++) {
    offsets[i] = at;
    for (let j = base.offsets[i]!; j < base.offsets[i + 1]!; j++) keys[at++] = base.keys[j]!;
    k = 100;
    const w = stringHash(v.lower[i]!);
    add(tag(i));
    add(tag(i - 1));
    add(tag(i + 1));
    add(tag(i - 2));
    add(tag(i + 2));
    add(tag(i - 1), tag(i));
    add(tag(i), tag(i + 1));
    add(tag(i), w);
    add(tag(i), t.quote[i]!);
    add(runStart[i]! >= 0 ? bucket(i - runStart[i]!) : NONE, runEnd[i]! >= 0 ? bucket(runEnd[i]! - i) : NONE);
    add(dist(i, leftCue[i]!), dist(i, rightCue[i]!));
    add(dist(i, leftSource[i]!), dist(i, rightSource[i]!));
    add(dist(i, leftCue[i]!), tag(i));
    add(dist(i, rightCue[i]!), tag(i));
    add(dist(i, leftSource[i]!), dist(i, leftCue[i]!));
    add(dist(i, rightSource[i]!), dist(i, rightCue[i]!));
    add(tag(i - 1), w);
    add(tag(i + 1), w);
  }
  offsets[n] = at;
  return { keys: keys.subarray(0, at), offsets };
}
