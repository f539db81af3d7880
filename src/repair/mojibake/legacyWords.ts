import { codecByName, encodeBytes, type ByteCodec } from './codecs.js';
import type { Repair } from './chain.js';
import { frequentWordLanguages, mixesScripts, oddCapitals, plausibleLanguages, scoreWord, scoreWordIn } from './letterModel.js';
import { decodeUtf8Variants } from './utf8.js';

/**
 * Text whose damage leaves one odd character per word: legacy 8-bit text read in another single-byte
 * code page (`Jo‹o` is MacRoman `João` read as windows-1252, `╔TAT` Latin-1 `ÉTAT` read as cp437,
 * `Ìîñêâà` windows-1251 `Москва` read as windows-1252), and short UTF-8 mojibake that the pair
 * patterns do not flag (`Ã¥ret`, `Le cafĂŠ`). The evidence is a word that no language spells, and a
 * candidate that a language does spell and that costs far fewer bits under the letter model.
 */

interface Kind {
  /** The code page the text was read in: its characters are encoded back in it. */
  read: ByteCodec;
  /** The code page the bytes were written in, or null for UTF-8. */
  written: ByteCodec | null;
  /**
   * Read character → written character, for single-byte kinds; only where the written one is a letter
   * or mark or the same character: the damage turned letters into other characters, never the other
   * way round, so a word with any other character has no repair under the kind.
   */
  map: Map<string, string> | null;
  /** The same as a table by code unit, 0 where the map has nothing. */
  table: Uint16Array | null;
}

function singleByte(read: string, written: string): Kind {
  const r = codecByName(read);
  const w = codecByName(written);
  const map = new Map<string, string>();
  const seen = new Set<string>();
  for (let b = 0x80; b <= 0xff; b++) {
    const from = r.decode[b]!;
    const to = w.decode[b]!;
    if (from === '\ufffd' || to === '\ufffd' || seen.has(from)) continue;
    seen.add(from);
    if (to === from || /[\p{L}\p{M}]/u.test(to)) map.set(from, to);
  }
  const table = new Uint16Array(0x10000);
  for (const [from, to] of map) table[from.charCodeAt(0)] = to.charCodeAt(0);
  return { read: r, written: w, map, table };
}

const utf8 = (read: string): Kind => ({ read: codecByName(read), written: null, map: null, table: null });

/** The confusions seen in practice, both ways where both happen. */
const KINDS: readonly Kind[] = [
  singleByte('windows-1252', 'macroman'),
  singleByte('macroman', 'windows-1252'),
  singleByte('cp437', 'windows-1252'),
  singleByte('windows-1252', 'cp437'),
  singleByte('cp850', 'windows-1252'),
  singleByte('windows-1252', 'cp850'),
  singleByte('windows-1252', 'windows-1250'),
  singleByte('windows-1250', 'windows-1252'),
  singleByte('latin-1', 'iso-8859-2'),
  singleByte('iso-8859-2', 'latin-1'),
  singleByte('iso-8859-7', 'latin-1'),
  singleByte('latin-1', 'iso-8859-7'),
  singleByte('windows-1252', 'windows-1253'),
  singleByte('windows-1252', 'windows-1251'),
  singleByte('windows-1252', 'koi8-r'),
  singleByte('windows-1252', 'koi8-u'),
  singleByte('windows-1251', 'koi8-r'),
  singleByte('koi8-r', 'windows-1251'),
  utf8('windows-1252'),
  utf8('latin-1'),
  utf8('iso-8859-2'),
  utf8('windows-1250'),
  utf8('windows-1251'),
  utf8('macroman'),
];

/**
 * Characters that some code page of KINDS reads a high byte as. A word with any other character outside
 * ASCII (a run of Han characters, a Vietnamese `ạ`) has no candidate under any kind: it is never scored.
 */
const READABLE = new Uint8Array(0x10000);
for (const kind of KINDS) {
  for (let b = 0x80; b <= 0xff; b++) {
    const ch = kind.read.decode[b]!;
    if (ch.length === 1 && ch !== '\ufffd') READABLE[ch.charCodeAt(0)] = 1;
  }
}

function readable(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 0x80 && READABLE[c] === 0) return false;
  }
  return true;
}

/** A repair must save this many bits: a word has to go from unspelled to ordinary, not from rare to less rare. */
const MARGIN = 10;
/**
 * For a word of another language in a text of known language (`schšn` in German, `sobì` in Czech)
 * the language is the evidence: the repair has to be a word of it and cheaper, by less.
 */
const KNOWN_MARGIN = 3;
const MAX_ROUNDS = 3;
/** Bits within which two confusions' repairs of a text are as good as each other. */
const TIE = 2;

/**
 * Words are what lies between spaces, ASCII punctuation (which no code page here makes of a high byte),
 * apostrophes, dashes and ellipses (which correct words contain far more often than damaged ones: `don’t`,
 * `film—familiar`, `so…so`, Tongan `faka‘uhinga`).
 */
const SEPARATOR_CLASS = /[\s!-/:-@[-`{-~‘’ʼʻ´–—…•]/;
/**
 * Punctuation and signs at a word's edges that correct text puts there (`«`, `Smith™`, `m²`, `†`) are
 * not part of its spelling. Others stay: `‚`, `‹`, `Š` never end a correct word but are letters of
 * another code page.
 */
const EDGE_START = charSet('«»“”„‘¿¡•·–—…\u00a0');
const EDGE_END = charSet('»«”“‘’…™®©°¹²³ª*†§¶•·–—\u00a0');
const NON_ASCII_CHAR = /[^\u0000-\u007f]/g;
/** SEPARATOR_CLASS as a table: every character of a word is looked up. No separator lies above U+3000 but U+FEFF. */
const SEPARATOR = new Uint8Array(0x10000);
for (let c = 0; c < 0x3001; c++) if (SEPARATOR_CLASS.test(String.fromCharCode(c))) SEPARATOR[c] = 1;
SEPARATOR[0xfeff] = 1;

/** The word at `start` follows a `?` or U+FFFD that stands inside a word (a letter right before it). */
function afterLostByte(text: string, start: number): boolean {
  if (start < 2) return false;
  const mark = text.charCodeAt(start - 1);
  return (mark === 0x3f || mark === 0xfffd) && MARK_OR_LETTER.test(text.charAt(start - 2));
}

function hasNonAscii(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (text.charCodeAt(i) >= 0x80) return true;
  return false;
}

function charSet(chars: string): Uint8Array {
  const set = new Uint8Array(0x10000);
  for (let i = 0; i < chars.length; i++) set[chars.charCodeAt(i)] = 1;
  return set;
}

/** Where the word holding position `i` starts; words are short, so the walk back is bounded by one word. */
function wordStart(text: string, i: number): number {
  let j = i;
  while (j > 0 && SEPARATOR[text.charCodeAt(j - 1)] === 0) j--;
  return j;
}

function wordEnd(text: string, i: number): number {
  let j = i;
  while (j < text.length && SEPARATOR[text.charCodeAt(j)] === 0) j++;
  return j;
}
const MARK_OR_LETTER = /[\p{L}\p{M}]/u;
const LETTERS = /^[\p{L}\p{M}]+$/u;
const HIGH_LATIN_LETTERS = /^[\u00c0-\u00ff]{4,}$/;
const TWO_LETTERS = /\p{L}[^]*\p{L}/u;
const SIGN_BY_LETTER = /\p{L}[^\p{L}\p{M}\u0000-\u007f¡¿]|[^\p{L}\p{M}\u0000-\u007f¡¿]\p{L}/u;
const CAPITALS = /^\p{Lu}{2,}$/u;

interface Suspect {
  start: number;
  end: number;
  word: string;
  cost: number;
  /**
   * The word carries damage that correct text never shows: a sign among letters, a capital after a
   * small letter, letters of two scripts. Otherwise it is made of letters of one script that no language
   * of the model spells, which a language outside the model may well spell (Sami `vuođđo`).
   */
  hard: boolean;
  /**
   * Four or more characters of Latin-1's upper half, nothing else: Cyrillic or Greek read in a Latin
   * code page (`Ìîñêâà`), the only evidence for a repair into another script.
   */
  allHigh: boolean;
  /** Bits a repair must save: MARGIN unless set. */
  margin?: number;
  /**
   * The word with the signs stripped from its edges put back, when there were any: under some kinds
   * they are letters (`гідност³` is `гідності` in windows-1251 read as windows-1252).
   */
  token?: { start: number; end: number; word: string };
  /** Its repair under each kind (by index in KINDS) once worked out: null for none, undefined for not yet. */
  repairs?: Array<WordRepair | null | undefined>;
}

/** A word's repair under one kind, before the text's languages are taken into account. */
interface WordRepair {
  /** The span repaired: the word, or its token with the edges. */
  start: number;
  end: number;
  text: string;
  cost: number;
  /** Bits saved. */
  gain: number;
  /** The languages that spell it, as bits (see MASKS in letterModel.ts). */
  languages: readonly [number, number];
  /** It is in another script than the damaged word (`Ìîñêâà` → `Москва`). */
  intoOtherScript: boolean;
}

interface Candidate {
  suspect: Suspect;
  start: number;
  end: number;
  text: string;
  gain: number;
  /** Evidence of its own, not only agreement with other words of the text. */
  hard: boolean;
}

export function fixLegacyWords(text: string): Repair | null {
  const votes: number[] = [];
  const words = findWords(text, votes);
  // Clean text, or damage too well disguised: every word is plausible in some language.
  if (words.suspects.length === 0) return null;
  // Most suspects of correct text (names, foreign words) have no candidate at all: only when one has
  // is the text's language worth finding out.
  if (!words.suspects.some((s) => KINDS.some((kind, k) => repairOf(s, kind, k) !== null))) return null;
  const frequent: number[] = [];
  const wordCount = voteByFrequentWords(text, frequent);
  // Frequent words vote for the language, plausible words outside ASCII too, but only the frequent
  // words can make it known: words a language outside the model spells are plausible in some language
  // of it by chance (Sami `já`).
  const minFrequent = Math.max(MIN_FREQUENT_VOTES, wordCount * FREQUENT_SHARE);
  const known = textLanguages(frequent, minFrequent);
  const languages = textLanguages(votes.map((v, k) => v + (frequent[k] ?? 0)), MIN_VOTES);
  // In a text of known language, a word no language of the text spells is suspect too (`piů` is Czech
  // to the model, but this text is Italian).
  let suspects = words.suspects;
  if ((known[0] | known[1]) !== 0) {
    for (const w of words.plausible) {
      if (((w.mask[0] & known[0]) | (w.mask[1] & known[1])) !== 0) continue;
      // What it costs in the text's language, which does not spell it.
      w.suspect.cost = scoreWordIn(w.suspect.word, known).cost;
      w.suspect.margin = KNOWN_MARGIN;
      suspects.push(w.suspect);
    }
    suspects.sort((a, b) => a.start - b.start);
  }
  if (suspects.length === 0) return null;
  const replacements: Array<{ start: number; end: number; text: string }> = [];
  const replaced = new Set<Suspect>();
  const followed = new Set<number>();
  const chain: string[] = [];
  for (let round = 0; round < MAX_ROUNDS && suspects.length > 0; round++) {
    let best: { kind: Kind; k: number; candidates: Candidate[]; gain: number } | null = null;
    for (let k = 0; k < KINDS.length; k++) {
      const kind = KINDS[k]!;
      const candidates: Candidate[] = [];
      let gain = 0;
      let hard = false;
      for (const s of suspects) {
        const c = candidateFor(s, kind, k, languages, known);
        if (c) {
          candidates.push(c);
          gain += c.gain;
          hard ||= c.hard;
        }
      }
      // A word made of letters only is repaired when words with harder evidence in the same text show
      // the same confusion, or when the confusion makes the text's language known: the words it
      // repairs are frequent words of the one language that the text's other frequent words are of
      // (`pĺ` is Swedish `på` in windows-1252 read as windows-1250, beside `är` and `och`).
      // Kinds come in order of how common the confusion is: a later one must save clearly more
      // (`¾udia` is `ľudia` in windows-1250 and `žudia` in ISO-8859-2, which the letter model cannot
      // tell apart).
      if (!hard && (known[0] | known[1]) === 0 && candidates.length > 0) hard = makesLanguageKnown(candidates, frequent, minFrequent);
      if (!hard || (best && best.gain + TIE >= gain)) continue;
      // UTF-8 mojibake with this little evidence is believed only when all of the text is consistent
      // with it: a correct character elsewhere that is not part of a sequence says otherwise.
      if (!kind.written && decodeUtf8Variants(encodeBytes(text, kind.read, false) ?? new Uint8Array([0xff])) === null) continue;
      best = { kind, k, candidates, gain };
    }
    if (!best) break;
    const done = new Set(best.candidates.map((c) => c.suspect));
    // Words some language spells that the confusion found makes far cheaper words of the text's
    // language: KOI8-R and windows-1251 swap case, so `во` read in the other one is `БН`, a
    // plausible spelling in capitals.
    if (best.kind.table) {
      for (const w of words.plausible) {
        if (done.has(w.suspect) || replaced.has(w.suspect)) continue;
        if (Number.isNaN(w.suspect.cost)) w.suspect.cost = scoreWord(w.suspect.word).cost;
        const c = candidateFor(w.suspect, best.kind, best.k, languages, known) ?? frequentWordFor(w.suspect, best.kind, known);
        if (c) best.candidates.push(c);
      }
    }
    // Unspelled words that the confusion found makes words of the text's language at a smaller
    // saving (`portuguęs` → `português`): the other words are the evidence.
    for (const s of suspects) {
      if (done.has(s) || replaced.has(s)) continue;
      const c = followerFor(s, best.kind, known);
      if (c) best.candidates.push(c);
    }
    for (const c of best.candidates) {
      replaced.add(c.suspect);
      replacements.push({ start: c.start, end: c.end, text: c.text });
    }
    rideAlong(words.lone, best, known, replacements, replaced);
    lettersForSeparators(text, words.loneSeparators, best, known, replacements, followed);
    joinSplitWords(text, best, known, replacements);
    chain.push(`encode ${best.kind.read.name}`, `decode ${best.kind.written?.name ?? 'utf-8'}`);
    suspects = suspects.filter((s) => !replaced.has(s));
  }
  if (replacements.length === 0) return null;
  replacements.sort((a, b) => a.start - b.start);
  let out = '';
  let last = 0;
  for (const r of replacements) {
    out += text.slice(last, r.start) + r.text;
    last = r.end;
  }
  return { text: out + text.slice(last), chain };
}

/**
 * The languages of the text: those where nearly as many of its words are plausible as in the best one.
 * As bits (see MASKS); none when no word outside ASCII is plausible anywhere.
 */
function textLanguages(votes: readonly number[], min: number): [number, number] {
  const most = Math.max(0, ...votes.filter((v) => v !== undefined));
  const out: [number, number] = [0, 0];
  if (most < min) return out;
  votes.forEach((v, k) => {
    if (v === undefined || v < most * 0.8) return;
    if (k < 32) out[0] |= 1 << k;
    else out[1] |= 1 << (k - 32);
  });
  return out;
}

/** Fewer words than this say nothing about the language of a text. */
const MIN_VOTES = 2;
/** Frequent words it takes to know the language of a text. */
const MIN_FREQUENT_VOTES = 3;
/** In a text of a language, a fifth of the words or more are among its most frequent ones. */
const FREQUENT_SHARE = 0.2;

/** Adds a vote for each language a word of `text` is among the most frequent words of. */
function voteByFrequentWords(text: string, votes: number[]): number {
  let words = 0;
  let i = 0;
  while (i < text.length) {
    if (SEPARATOR[text.charCodeAt(i)] === 1) {
      i++;
      continue;
    }
    const end = wordEnd(text, i);
    words++;
    const langs = frequentWordLanguages(text.slice(i, end).toLowerCase());
    if (langs) addVotes(votes, langs);
    i = end;
  }
  return words;
}

function addVotes(votes: number[], [lo, hi]: readonly [number, number]): void {
  for (let k = 0; k < 64; k++) {
    if (k < 32 ? lo & (1 << k) : hi & (1 << (k - 32))) votes[k] = (votes[k] ?? 0) + 1;
  }
}

interface Words {
  /** Words that no language spells. */
  suspects: Suspect[];
  /** Words some language spells, with those languages. */
  plausible: Array<{ suspect: Suspect; mask: [number, number] }>;
  /** The languages that spell all plausible words. */
  common: [number, number];
  /** Words of one character outside ASCII: no evidence either way, repaired along with their text. */
  lone: Suspect[];
  /** Where a separator outside ASCII stands alone between spaces (`…` in `délicieuse … Noël`). */
  loneSeparators: number[];
}

/** The words of `text` with a character outside ASCII; `votes[k]` counts those plausible in language k. */
function findWords(text: string, votes: number[]): Words {
  const out: Suspect[] = [];
  const plausible: Words['plausible'] = [];
  const lone: Suspect[] = [];
  const loneSeparators: number[] = [];
  const common: [number, number] = [-1, -1];
  // Only words with a character outside ASCII matter: find those characters, then their word (test
  // and lastIndex, not exec: no match object per character).
  NON_ASCII_CHAR.lastIndex = 0;
  while (NON_ASCII_CHAR.test(text)) {
    const at = NON_ASCII_CHAR.lastIndex - 1;
    // A separator outside ASCII (`’`) belongs to no word; one between spaces may be a word's letter.
    if (SEPARATOR[text.charCodeAt(at)] === 1) {
      if ((at === 0 || SPACE[text.charCodeAt(at - 1)] === 1) && (at + 1 === text.length || SPACE[text.charCodeAt(at + 1)] === 1)) loneSeparators.push(at);
      continue;
    }
    const tokenStart = wordStart(text, at);
    const tokenEnd = wordEnd(text, at);
    let start = tokenStart;
    let end = tokenEnd;
    NON_ASCII_CHAR.lastIndex = end;
    // `Tha?±kful`: a UTF-8 character whose first byte was lost to `?` left its second byte read as
    // Latin-1. What follows the mark is the rest of a broken character, not a word of another code page.
    if (afterLostByte(text, tokenStart)) continue;
    while (start < end && EDGE_START[text.charCodeAt(start)] === 1) start++;
    while (end > start && EDGE_END[text.charCodeAt(end - 1)] === 1) end--;
    const stripped = start !== tokenStart || end !== tokenEnd;
    if (!hasNonAscii(text, start, end)) {
      // Only its edges are outside ASCII (`¿e`, Polish `że` in windows-1250 read as windows-1252):
      // evidence of nothing, but it may follow its text's repair.
      if (stripped) lone.push({ start: tokenStart, end: tokenEnd, word: text.slice(tokenStart, tokenEnd), cost: 0, hard: false, allHigh: false });
      continue;
    }
    const word = text.slice(start, end);
    if (word.length === 1) {
      lone.push({ start, end: start + 1, word, cost: 0, hard: false, allHigh: false });
      continue;
    }
    const [lo, hi] = plausibleLanguages(word);
    if ((lo | hi) !== 0) {
      addVotes(votes, [lo, hi]);
      common[0] &= lo;
      common[1] &= hi;
      // Its cost is needed only if the text's language turns out not to spell it: see fixLegacyWords.
      plausible.push({ suspect: { start, end: start + word.length, word, cost: NaN, hard: false, allHigh: false }, mask: [lo, hi] });
      continue;
    }
    if (!readable(word)) continue;
    const score = scoreWord(word);
    if (score.plausible) continue;
    // `¡` and `¿` are letters in some orthographies (`jushaka¡n`), so they do not count as signs. A
    // single character (`‡` for `à`) is evidence of nothing on its own.
    const hard = TWO_LETTERS.test(word) && (SIGN_BY_LETTER.test(word) || oddCapitals(word) || mixesScripts(word));
    const token = stripped ? { start: tokenStart, end: tokenEnd, word: text.slice(tokenStart, tokenEnd) } : undefined;
    out.push({ start, end: start + word.length, word, cost: score.cost, hard, allHigh: HIGH_LATIN_LETTERS.test(word), token });
  }
  return { suspects: out, plausible, common, lone, loneSeparators };
}

/**
 * One-character words under the confusion just found for the text's other words (`‡` is `à` in a
 * French text read as MacRoman, `Ç` is `Η` in Greek read as Latin-1), and words outside ASCII only at
 * their edges (`¿e` is Polish `że`), when what changes becomes letters of the script the repaired
 * words are in, the word was not already one of the text's language, and a longer word becomes one.
 */
function rideAlong(lone: readonly Suspect[], best: { kind: Kind; candidates: Candidate[] }, known: [number, number], out: Array<{ start: number; end: number; text: string }>, replaced: Set<Suspect>): void {
  const table = best.kind.table;
  if (!table) return;
  const script = SCRIPT_TESTS.find((re) => best.candidates.some((c) => re.test(c.text)));
  if (!script) return;
  for (const s of lone) {
    if (replaced.has(s)) continue;
    const to = intoLettersOf(s.word, table, script);
    if (to === null || to === s.word) continue;
    const [lo, hi] = plausibleLanguages(s.word);
    if (((lo & known[0]) | (hi & known[1])) !== 0) continue;
    if (s.word.length > 1) {
      const [tlo, thi] = plausibleLanguages(to);
      const languages = (known[0] | known[1]) !== 0 ? known : ([-1, -1] as const);
      if (((tlo & languages[0]) | (thi & languages[1])) === 0) continue;
    }
    replaced.add(s);
    out.push({ start: s.start, end: s.end, text: to });
  }
}

const SPACE = charSet(' \t\n\r');

/**
 * Separators standing alone between spaces that the confusion found makes a letter which is on its own
 * one of the most frequent words of the text's language: French and Portuguese `à` is byte 85 in cp437
 * and cp850, which windows-1252 reads as `…` (`délicieuse … Noël`). Where the text is of another
 * language, or the letter is no word of it, the ellipsis or dash stays.
 */
function lettersForSeparators(text: string, positions: readonly number[], best: { kind: Kind; candidates: Candidate[] }, known: [number, number], out: Array<{ start: number; end: number; text: string }>, followed: Set<number>): void {
  const table = best.kind.table;
  if (!table || positions.length === 0 || (known[0] | known[1]) === 0) return;
  const script = SCRIPT_TESTS.find((re) => best.candidates.some((c) => re.test(c.text)));
  if (!script) return;
  for (const at of positions) {
    if (followed.has(at)) continue;
    const to = table[text.charCodeAt(at)]!;
    if (to === 0) continue;
    const letter = String.fromCharCode(to);
    if (!LETTER.test(letter) || !script.test(letter)) continue;
    const langs = frequentWordLanguages(letter.toLowerCase());
    if (!langs || ((langs[0] & known[0]) | (langs[1] & known[1])) === 0) continue;
    followed.add(at);
    out.push({ start: at, end: at + 1, text: letter });
  }
}

/**
 * A short word that becomes one of the most frequent words of the text's language under the confusion
 * found (`БН` → `во`, `ВРН` → `что`), when it is not one itself: too short for the letter model to
 * tell apart, but a text of that language is full of such words.
 */
function frequentWordFor(s: Suspect, kind: Kind, known: [number, number]): Candidate | null {
  if (!kind.table || (known[0] | known[1]) === 0) return null;
  const isFrequent = (word: string): boolean => {
    const langs = frequentWordLanguages(word.toLowerCase());
    return langs !== undefined && ((langs[0] & known[0]) | (langs[1] & known[1])) !== 0;
  };
  if (isFrequent(s.word)) return null;
  let to = '';
  for (let i = 0; i < s.word.length; i++) {
    const c = s.word.charCodeAt(i);
    const mapped = c < 0x80 ? c : kind.table[c]!;
    if (mapped === 0) return null;
    to += String.fromCharCode(mapped);
  }
  if (to === s.word || !isFrequent(to) || mixesScripts(to)) return null;
  return { suspect: s, start: s.start, end: s.end, text: to, gain: 0, hard: false };
}

/**
 * Whether the candidates of one confusion are frequent words of a language that, with the text's own
 * frequent words, makes the text's language known, and all are words of that language.
 */
function makesLanguageKnown(candidates: readonly Candidate[], frequent: readonly number[], min: number): boolean {
  const added: number[] = [];
  for (const c of candidates) {
    const langs = frequentWordLanguages(c.text.toLowerCase());
    if (langs) addVotes(added, langs);
  }
  for (let k = 0; k < added.length; k++) {
    const votes = added[k];
    if (votes === undefined || (frequent[k] ?? 0) + votes < min) continue;
    const bit: [number, number] = k < 32 ? [1 << k, 0] : [0, 1 << (k - 32)];
    if (candidates.every((c) => {
      const [lo, hi] = plausibleLanguages(c.text);
      return ((lo & bit[0]) | (hi & bit[1])) !== 0;
    })) return true;
  }
  return false;
}

/**
 * A suspect's repair under the confusion found, into a word of the text's known language, saving
 * KNOWN_MARGIN: the known language, not the languages its words are plausible in, decides, since
 * those are mostly the damaged words' (`Ètait` is Catalan to the model).
 */
function followerFor(s: Suspect, kind: Kind, known: [number, number]): Candidate | null {
  if ((known[0] | known[1]) === 0) return null;
  const fromToken = s.token && computeRepair(s.token.word, scoreWord(s.token.word).cost, KNOWN_MARGIN, kind);
  const span = fromToken ? s.token! : s;
  const r = fromToken || computeRepair(s.word, s.cost, KNOWN_MARGIN, kind);
  if (!r || r.intoOtherScript || ((r.languages[0] & known[0]) | (r.languages[1] & known[1])) === 0) return null;
  return { suspect: s, start: span.start, end: span.end, text: r.text, gain: r.gain, hard: false };
}

/** Separators outside ASCII that some code page of KINDS makes of a letter's byte (`’` is MacRoman `í`). */
const SPLITTING = charSet('‘’ʼʻ´–—…•');
const LETTER_CODE = (c: number): boolean => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0x80 && LETTER.test(String.fromCharCode(c)));

/**
 * Words the damage split in two, or cut short, by turning a letter into a separator (`jard’n` is
 * `jardín` and `comi—` is `comió`: MacRoman read as windows-1252), under the confusion found for the
 * text's other words: the separator must stand right after a letter and the whole become a word of the
 * text's language (`l’homme` does not: `líhomme`). Nothing already repaired is touched.
 */
function joinSplitWords(text: string, best: { kind: Kind }, known: [number, number], out: Array<{ start: number; end: number; text: string }>): void {
  const table = best.kind.table;
  if (!table || (known[0] | known[1]) === 0) return;
  const taken = [...out].sort((a, b) => a.start - b.start);
  /** Replacements inside [start, end), or null when one reaches across its edges. */
  const inside = (start: number, end: number): typeof out | null => {
    // Binary search: the first replacement that ends after `start`.
    let lo = 0;
    let hi = taken.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (taken[mid]!.end <= start) lo = mid + 1;
      else hi = mid;
    }
    const found: typeof out = [];
    for (let k = lo; k < taken.length && taken[k]!.start < end; k++) {
      if (taken[k]!.start < start || taken[k]!.end > end) return null;
      found.push(taken[k]!);
    }
    return found;
  };
  const dropped = new Set<(typeof out)[number]>();
  const inKnown = (word: string): boolean => {
    const [lo, hi] = plausibleLanguages(word);
    return ((lo & known[0]) | (hi & known[1])) !== 0;
  };
  let lastEnd = 0;
  for (let i = 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (SPLITTING[c] === 0 || table[c] === 0 || !LETTER_CODE(text.charCodeAt(i - 1))) continue;
    const start = Math.max(lastEnd, wordStart(text, i));
    const after = LETTER_CODE(text.charCodeAt(i + 1)) ? wordEnd(text, i + 1) : i + 1;
    const within = inside(start, after);
    if (!within) continue;
    const word = text.slice(start, after);
    const script = SCRIPT_TESTS.find((re) => re.test(word));
    const repaired = script && intoLettersOf(word, table, script);
    if (!repaired || repaired === word || mixesScripts(repaired) || !inKnown(repaired)) continue;
    // The pieces of the word repaired on their own give way to the whole.
    for (const r of within) dropped.add(r);
    out.push({ start, end: after, text: repaired.normalize('NFC') });
    lastEnd = after;
    i = after;
  }
  if (dropped.size > 0) out.splice(0, out.length, ...out.filter((r) => !dropped.has(r)));
}

/** `word` through a kind's table, if every character it changes becomes a letter of `script`. */
function intoLettersOf(word: string, table: Uint16Array, script: RegExp): string | null {
  let out = '';
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    const to = c < 0x80 ? c : table[c]!;
    if (to === 0) return null;
    const ch = String.fromCharCode(to);
    if (to !== c && !(LETTER.test(ch) && script.test(ch))) return null;
    out += ch;
  }
  return out;
}

/**
 * The repair of one word under one confusion, if it is a much better word. `languages` are those the
 * text's correct words are plausible in: when there are any, the repaired word must be one of theirs
 * (an Icelandic typo `frjálstræÞi` is not cp850 damage, since `è` is not Icelandic).
 */
function candidateFor(s: Suspect, kind: Kind, k: number, languages: [number, number], knownLanguages: [number, number]): Candidate | null {
  const repair = repairOf(s, kind, k);
  if (!repair) return null;
  // A repair into another script (`Ìîñêâà` → `Москва`) has its own evidence; others must be words
  // of the text's language, and are evidence enough when that language is known.
  let known = false;
  if (!repair.intoOtherScript) {
    const [lo, hi] = repair.languages;
    if ((languages[0] | languages[1]) !== 0 && ((lo & languages[0]) | (hi & languages[1])) === 0) return null;
    known = ((lo & knownLanguages[0]) | (hi & knownLanguages[1])) !== 0;
  }
  // A word of another language (see KNOWN_MARGIN) follows a confusion that other words show; it is
  // evidence of one only when it saves as much as an unspelled word must.
  const hard = repair.intoOtherScript ? s.allHigh : s.hard || (known && repair.gain >= MARGIN);
  return { suspect: s, start: repair.start, end: repair.end, text: repair.text, gain: repair.gain, hard };
}

/**
 * The word under one confusion, if it becomes a word some language spells at far fewer bits. Worked out
 * once per word and kind: the rounds of fixLegacyWords ask again with other languages.
 */
function repairOf(s: Suspect, kind: Kind, k: number): WordRepair | null {
  s.repairs ??= [];
  let repair = s.repairs[k];
  if (repair === undefined) {
    repair = null;
    // The token with its edges first: when they are letters under the kind, they are repaired with it.
    if (s.token) {
      const r = computeRepair(s.token.word, scoreWord(s.token.word).cost, s.margin ?? MARGIN, kind);
      if (r) repair = { ...r, start: s.token.start, end: s.token.end };
    }
    if (!repair) {
      const r = computeRepair(s.word, s.cost, s.margin ?? MARGIN, kind);
      if (r) repair = { ...r, start: s.start, end: s.end };
    }
    s.repairs[k] = repair;
  }
  return repair;
}

function computeRepair(word: string, cost: number, margin: number, kind: Kind): Omit<WordRepair, 'start' | 'end'> | null {
  let repaired: string | null;
  if (kind.table) {
    const codes = new Array<number>(word.length);
    for (let i = 0; i < word.length; i++) {
      const c = word.charCodeAt(i);
      const to = c < 0x80 ? c : kind.table[c]!;
      if (to === 0) return null;
      codes[i] = to;
    }
    repaired = String.fromCharCode(...codes);
  } else {
    const bytes = encodeBytes(word, kind.read, false);
    repaired = bytes && decodeUtf8Variants(bytes);
    if (repaired === null) return null;
    repaired = repaired.normalize('NFC');
    for (const ch of repaired) if (ch.charCodeAt(0) >= 0x80 && !MARK_OR_LETTER.test(ch)) return null;
  }
  if (repaired === word) return null;
  // Most repairs are no word of any language: the cheapest test first.
  const languages = plausibleLanguages(repaired);
  if ((languages[0] | languages[1]) === 0 || mixesScripts(repaired)) return null;
  // KOI8 swaps the case of what it is read as: a word of small letters that becomes capitals is more
  // likely a word of another language than an acronym.
  if (CAPITALS.test(lettersOf(repaired)) && !CAPITALS.test(lettersOf(word))) return null;
  const score = scoreWord(repaired);
  if (!score.plausible || score.cost + margin > cost) return null;
  const intoOtherScript = LETTER.test(word) && !sharesScript(word, repaired);
  return { text: repaired, cost: score.cost, gain: cost - score.cost, languages, intoOtherScript };
}

const SCRIPT_TESTS = [/\p{Script=Latin}/u, /\p{Script=Cyrillic}/u, /\p{Script=Greek}/u, /\p{Script=Arabic}/u, /\p{Script=Hebrew}/u];

/** Whether the repaired word keeps letters of the original's script (ASCII letters count as Latin). */
function sharesScript(original: string, repaired: string): boolean {
  return SCRIPT_TESTS.some((re) => re.test(original) && re.test(repaired));
}

const NOT_LETTER = /[^\p{L}]/gu;
const LETTER = /\p{L}/u;

function lettersOf(word: string): string {
  return word.replace(NOT_LETTER, '');
}
