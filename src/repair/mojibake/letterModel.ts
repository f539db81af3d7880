import { FREQUENT_WORDS, LETTER_PAIRS, MAX_COST } from './letterModel.data.js';

/**
 * How plausible a word is in the languages that single-byte code pages serve, from how often its pairs
 * of letters occur there (the table is built by scripts/build-letter-model.mjs). Only pairs with a
 * character outside ASCII count: every repair here keeps ASCII as it is, so those pairs are the same on
 * both sides of a comparison.
 */

const LANGUAGES = Object.keys(LETTER_PAIRS);
const N = LANGUAGES.length;
/** A pair a language's corpus never showed costs more than its rarest pair. */
const UNSEEN = MAX_COST + 6;
/** A word is plausible in a language when none of its pairs is rarer than this there. */
const PLAUSIBLE_PAIR = 17;
/** A capital after a small letter, one of them outside ASCII (`CafŽ`, `NoÍl`): not how words are spelled. */
const CASE_PENALTY = 16;

const ALL_UNSEEN = new Uint8Array(N).fill(UNSEEN);
/**
 * Pairs are looked up by number (two UTF-16 code units), not by a two-character string: correct text in
 * any alphabet outside ASCII has every word looked up, and a string per pair was most of the cost.
 */
const pairKey = (a: number, b: number): number => a * 0x10000 + b;
const TABLE = new Map<number, Uint8Array>();
LANGUAGES.forEach((tag, k) => {
  const entries = LETTER_PAIRS[tag]!;
  for (let i = 0; i + 2 < entries.length + 1; i += 3) {
    const pair = pairKey(entries.charCodeAt(i), entries.charCodeAt(i + 1));
    let row = TABLE.get(pair);
    if (!row) {
      row = new Uint8Array(N).fill(UNSEEN);
      TABLE.set(pair, row);
    }
    row[k] = entries.charCodeAt(i + 2) - 65;
  }
});

/** Per pair, the languages where it is plausible, as bits: languages 0–31 and 32 on. */
const MASKS = new Map<number, [number, number]>();
for (const [pair, row] of TABLE) {
  let lo = 0;
  let hi = 0;
  row.forEach((c, k) => {
    if (c > PLAUSIBLE_PAIR) return;
    if (k < 32) lo |= 1 << k;
    else hi |= 1 << (k - 32);
  });
  MASKS.set(pair, [lo, hi]);
}

/**
 * The cheap form of `scoreWord(word).plausible`, for the many correct words: some language has all of
 * the word's pairs, and its capitals stand where capitals do.
 */
export function plausibleSomewhere(word: string): boolean {
  const [lo, hi] = plausibleLanguages(word);
  return (lo | hi) !== 0;
}

const NONE: readonly [number, number] = [0, 0];
/**
 * Answers for words seen lately: running text repeats its words, so most lookups are of a word met
 * before. Bounded, and emptied when full, so memory stays flat on any input.
 */
const SEEN = new Map<string, readonly [number, number]>();
const SEEN_LIMIT = 50_000;

/** The languages where `word` is plausible, as bits (see MASKS); none for a word no language spells. */
export function plausibleLanguages(word: string): readonly [number, number] {
  const seen = SEEN.get(word);
  if (seen) return seen;
  const answer = lookUpLanguages(word);
  if (SEEN.size >= SEEN_LIMIT) SEEN.clear();
  SEEN.set(word, answer);
  return answer;
}

/** The characters of a word as the model spells it: in small letters, between two spaces. */
function padded(word: string): string {
  const lower = word.toLowerCase();
  // toLowerCase may change the length (İ); then pairs are taken from the word as it is.
  return ` ${lower.length === word.length ? lower : word} `;
}

function lookUpLanguages(word: string): readonly [number, number] {
  if (oddCapitalCount(word) !== 0) return NONE;
  const text = padded(word);
  let lo = -1;
  let hi = -1;
  let a = text.charCodeAt(0);
  for (let i = 1; i < text.length && (lo | hi) !== 0; i++) {
    const b = text.charCodeAt(i);
    if (a >= 0x80 || b >= 0x80) {
      const mask = MASKS.get(pairKey(a, b));
      if (!mask) return NONE;
      lo &= mask[0];
      hi &= mask[1];
    }
    a = b;
  }
  return (lo | hi) === 0 ? NONE : [lo, hi];
}

/** Frequent word → the languages it is frequent in, as bits like MASKS. */
const FREQUENT = new Map<string, [number, number]>();
LANGUAGES.forEach((tag, k) => {
  for (const word of FREQUENT_WORDS[tag]!.split(' ')) {
    const mask = FREQUENT.get(word) ?? [0, 0];
    if (k < 32) mask[0] |= 1 << k;
    else mask[1] |= 1 << (k - 32);
    FREQUENT.set(word, mask);
  }
});

/** The languages whose most frequent words include `word` (lowercase), if any. */
export function frequentWordLanguages(word: string): readonly [number, number] | undefined {
  return FREQUENT.get(word);
}

export interface WordScore {
  /** Bits under the language that explains the word best, plus penalties. */
  cost: number;
  /** Some language has every pair of the word, and its capitals stand where capitals do. */
  plausible: boolean;
}

const LETTER = /\p{L}/u;
const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;

export function scoreWord(word: string): WordScore {
  return scoreWordIn(word, ALL);
}

const ALL: readonly [number, number] = [-1, -1];

/** `scoreWord` under the languages of `mask` only (bits as in MASKS). */
/** Scratch rows for scoreWordIn, reused: it runs for every suspect word and every candidate repair. */
const SUMS = new Float64Array(N);
const WORST = new Uint8Array(N);

export function scoreWordIn(word: string, mask: readonly [number, number]): WordScore {
  const text = padded(word);
  const sums = SUMS.fill(0);
  const worst = WORST.fill(0);
  let a = text.charCodeAt(0);
  for (let i = 1; i < text.length; i++) {
    const b = text.charCodeAt(i);
    if (a >= 0x80 || b >= 0x80) {
      const row = TABLE.get(pairKey(a, b)) ?? ALL_UNSEEN;
      for (let k = 0; k < N; k++) {
        const c = row[k]!;
        sums[k] = sums[k]! + c;
        if (c > worst[k]!) worst[k] = c;
      }
    }
    a = b;
  }
  let cost = Infinity;
  let plausible = false;
  for (let k = 0; k < N; k++) {
    if (((k < 32 ? mask[0] >>> k : mask[1] >>> (k - 32)) & 1) === 0) continue;
    if (sums[k]! < cost) cost = sums[k]!;
    if (worst[k]! <= PLAUSIBLE_PAIR) plausible = true;
  }
  const oddCapitals = oddCapitalCount(word);
  return { cost: cost + oddCapitals * CASE_PENALTY, plausible: plausible && oddCapitals === 0 };
}

/** Whether a capital follows a small letter, one of them outside ASCII. */
export function oddCapitals(word: string): boolean {
  return oddCapitalCount(word) > 0;
}

function oddCapitalCount(word: string): number {
  let n = 0;
  for (let i = 1; i < word.length; i++) {
    const a = word[i - 1]!;
    const b = word[i]!;
    if ((a.charCodeAt(0) >= 0x80 || b.charCodeAt(0) >= 0x80) && LOWER.test(a) && UPPER.test(b)) n++;
  }
  return n;
}

/** Scripts that never meet inside one word; letters of any other script (Han, kana, Hangul with Latin) may. */
const SCRIPTS: Array<[string, RegExp]> = [
  ['Latin', /\p{Script=Latin}/u],
  ['Greek', /\p{Script=Greek}/u],
  ['Cyrillic', /\p{Script=Cyrillic}/u],
  ['Arabic', /\p{Script=Arabic}/u],
  ['Hebrew', /\p{Script=Hebrew}/u],
  ['Armenian', /\p{Script=Armenian}/u],
  ['Georgian', /\p{Script=Georgian}/u],
  ['Thai', /\p{Script=Thai}/u],
];
const EAST_ASIAN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const WORD = /[\p{L}\p{M}]+/gu;
const BEYOND_LATIN = /[\u0370-\u1fff\u2100-\u214f\u2c00-\uffff]/;

function scriptOf(ch: string): string | null {
  if (ch.charCodeAt(0) < 0x80) return 'Latin';
  for (const [name, re] of SCRIPTS) if (re.test(ch)) return name;
  return EAST_ASIAN.test(ch) ? 'EastAsian' : null;
}

/**
 * Whether a word of `text` mixes letters of scripts that never meet in one word. `strict` counts every
 * two alphabets (a word of the model's languages is in one); otherwise Latin may meet Greek and
 * Cyrillic (`IL2RγcKO`, `10μs`, a Latin `C` typed into a Cyrillic word), but Hangul, kana and Han meet
 * no alphabet but Latin, and no two other scripts meet: such a word is a wrong decode.
 */
export function mixesScripts(text: string, strict = true): boolean {
  // Letters below U+0370 are Latin (or of no script); so are those of the punctuation and symbol blocks
  // but the letterlike ones (Ω is Greek). Most text that is checked has no others and needs no scan.
  if (!BEYOND_LATIN.test(text)) return false;
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    let first: string | null = null;
    for (const ch of m[0]) {
      if (!LETTER.test(ch)) continue;
      const s = scriptOf(ch);
      if (s === null) continue;
      if (first === null) first = s;
      else if (s !== first && !canMeet(first, s, strict)) return true;
    }
  }
  return false;
}

/** Cyrillic and Greek letters beyond the basic alphabets: Khanty `Ӈ`, polytonic `ἀ`. */
const RARE_NON_LATIN = /[\u0460-\u052f\u1f00-\u1fff]/;
const LATIN_LETTER = /[A-Za-z\u00c0-\u024f]/;

/**
 * How many words of `text` put a Latin letter beside a rare Cyrillic or Greek one. Latin words that
 * borrow a letter of another alphabet borrow a common one (`10μs`, `IL2RγcKO`, `SENSЕ`); `GrӇe` is
 * the wrong decode of `Gr”áe`.
 */
export function oddlyMixedWords(text: string): number {
  if (!RARE_NON_LATIN.test(text)) return 0;
  let n = 0;
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    if (RARE_NON_LATIN.test(m[0]) && LATIN_LETTER.test(m[0])) n++;
  }
  return n;
}

function canMeet(a: string, b: string, strict: boolean): boolean {
  if (a === 'EastAsian' || b === 'EastAsian') return a === 'Latin' || b === 'Latin';
  if (strict) return false;
  const other = a === 'Latin' ? b : b === 'Latin' ? a : null;
  return other === 'Greek' || other === 'Cyrillic';
}
