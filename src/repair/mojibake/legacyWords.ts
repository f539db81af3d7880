import { codecByName, encodeBytes, type ByteCodec } from './codecs.js';
import type { Repair } from './chain.js';
import { mixesScripts, oddCapitals, plausibleLanguages, scoreWord } from './letterModel.js';
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
  /** Read character → written character, for single-byte kinds. */
  map: Map<string, string> | null;
}

function singleByte(read: string, written: string): Kind {
  const r = codecByName(read);
  const w = codecByName(written);
  const map = new Map<string, string>();
  for (let b = 0x80; b <= 0xff; b++) {
    const from = r.decode[b]!;
    const to = w.decode[b]!;
    if (from !== '\ufffd' && to !== '\ufffd' && !map.has(from)) map.set(from, to);
  }
  return { read: r, written: w, map };
}

const utf8 = (read: string): Kind => ({ read: codecByName(read), written: null, map: null });

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
  singleByte('windows-1251', 'koi8-r'),
  singleByte('koi8-r', 'windows-1251'),
  utf8('windows-1252'),
  utf8('latin-1'),
  utf8('iso-8859-2'),
  utf8('windows-1250'),
  utf8('windows-1251'),
  utf8('macroman'),
];

/** A repair must save this many bits: a word has to go from unspelled to ordinary, not from rare to less rare. */
const MARGIN = 10;
const MAX_ROUNDS = 3;

/**
 * Words: anything between spaces, ASCII punctuation (which no code page here makes of a high byte),
 * apostrophes, dashes and ellipses (which correct words contain far more often than damaged ones: `don’t`,
 * `film—familiar`, `so…so`, Tongan `faka‘uhinga`).
 */
const TOKEN = /[^\s!-/:-@[-`{-~‘’ʼʻ´–—…•]+/g;
/**
 * Punctuation and signs at a word's edges that correct text puts there (`«`, `Smith™`, `m²`, `†`) are
 * not part of its spelling. Others stay: `‚`, `‹`, `Š` never end a correct word but are letters of
 * another code page.
 */
const EDGE_START = /^[«»“”„‘¿¡•·–—…\u00a0]+/;
const EDGE_END = /[»«”“‘’…™®©°¹²³ª*†‡§¶•·–—\u00a0]+$/;
const NON_ASCII = /[^\u0000-\u007f]/;
const MARK_OR_LETTER = /[\p{L}\p{M}]/u;
const LETTERS = /^[\p{L}\p{M}]+$/u;
const HIGH_LATIN_LETTERS = /^[\u00c0-\u00ff]{4,}$/;
const TWO_LETTERS = /\p{L}[^]*\p{L}/u;
const SIGN_BY_LETTER = /\p{L}[^\p{L}\p{M}\p{N}\u0000-\u007f¡¿]|[^\p{L}\p{M}\p{N}\u0000-\u007f¡¿]\p{L}/u;
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
}

interface Candidate {
  suspect: Suspect;
  text: string;
  gain: number;
  /** Evidence of its own, not only agreement with other words of the text. */
  hard: boolean;
}

export function fixLegacyWords(text: string): Repair | null {
  const votes: number[] = [];
  let suspects = findSuspects(text, votes);
  if (suspects.length === 0) return null;
  const languages = textLanguages(votes);
  const replacements: Array<{ start: number; end: number; text: string }> = [];
  const chain: string[] = [];
  for (let round = 0; round < MAX_ROUNDS && suspects.length > 0; round++) {
    let best: { kind: Kind; candidates: Candidate[]; gain: number } | null = null;
    for (const kind of KINDS) {
      const candidates: Candidate[] = [];
      let gain = 0;
      let hard = false;
      for (const s of suspects) {
        const c = candidateFor(s, kind, languages);
        if (c) {
          candidates.push(c);
          gain += c.gain;
          hard ||= c.hard;
        }
      }
      // A word made of letters only is repaired when words with harder evidence in the same text show
      // the same confusion.
      if (!hard || (best && best.gain >= gain)) continue;
      // UTF-8 mojibake with this little evidence is believed only when all of the text is consistent
      // with it: a correct character elsewhere that is not part of a sequence says otherwise.
      if (!kind.written && decodeUtf8Variants(encodeBytes(text, kind.read, false) ?? new Uint8Array([0xff])) === null) continue;
      best = { kind, candidates, gain };
    }
    if (!best) break;
    for (const c of best.candidates) replacements.push({ start: c.suspect.start, end: c.suspect.end, text: c.text });
    chain.push(`encode ${best.kind.read.name}`, `decode ${best.kind.written?.name ?? 'utf-8'}`);
    const done = new Set(best.candidates.map((c) => c.suspect));
    suspects = suspects.filter((s) => !done.has(s));
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

/** Words with a character outside ASCII that no language of the model spells. */
/**
 * The languages of the text: those where nearly as many of its words are plausible as in the best one.
 * As bits (see MASKS); none when no word outside ASCII is plausible anywhere.
 */
function textLanguages(votes: readonly number[]): [number, number] {
  const most = Math.max(0, ...votes.filter((v) => v !== undefined));
  const out: [number, number] = [0, 0];
  if (most === 0) return out;
  votes.forEach((v, k) => {
    if (v === undefined || v < most * 0.8) return;
    if (k < 32) out[0] |= 1 << k;
    else out[1] |= 1 << (k - 32);
  });
  return out;
}

/** Words that no language spells; `votes[k]` counts the other words that are plausible in language k. */
function findSuspects(text: string, votes: number[]): Suspect[] {
  const out: Suspect[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    let word = m[0];
    if (!NON_ASCII.test(word)) continue;
    let start = m.index;
    const lead = EDGE_START.exec(word);
    if (lead) {
      start += lead[0].length;
      word = word.slice(lead[0].length);
    }
    const tail = EDGE_END.exec(word);
    if (tail) word = word.slice(0, word.length - tail[0].length);
    if (!NON_ASCII.test(word)) continue;
    const [lo, hi] = plausibleLanguages(word);
    if ((lo | hi) !== 0) {
      for (let k = 0; k < 64; k++) {
        if (k < 32 ? lo & (1 << k) : hi & (1 << (k - 32))) votes[k] = (votes[k] ?? 0) + 1;
      }
      continue;
    }
    const score = scoreWord(word);
    if (score.plausible) continue;
    if (!TWO_LETTERS.test(word)) continue;
    // `¡` and `¿` are letters in some orthographies (`jushaka¡n`), so they do not count as signs.
    const hard = SIGN_BY_LETTER.test(word) || oddCapitals(word) || mixesScripts(word);
    out.push({ start, end: start + word.length, word, cost: score.cost, hard, allHigh: HIGH_LATIN_LETTERS.test(word) });
  }
  return out;
}

/**
 * The repair of one word under one confusion, if it is a much better word. `languages` are those the
 * text's correct words are plausible in: when there are any, the repaired word must be one of theirs
 * (an Icelandic typo `frjálstræÞi` is not cp850 damage, since `è` is not Icelandic).
 */
function candidateFor(s: Suspect, kind: Kind, languages: [number, number]): Candidate | null {
  let repaired: string | null;
  if (kind.map) {
    repaired = '';
    for (const ch of s.word) {
      if (ch.charCodeAt(0) < 0x80) {
        repaired += ch;
        continue;
      }
      const to = kind.map.get(ch);
      if (to === undefined) return null;
      // The damage turned letters into other characters, never the other way round.
      if (to !== ch && !MARK_OR_LETTER.test(to)) return null;
      repaired += to;
    }
  } else {
    const bytes = encodeBytes(s.word, kind.read, false);
    repaired = bytes && decodeUtf8Variants(bytes);
    if (repaired === null) return null;
    repaired = repaired.normalize('NFC');
    for (const ch of repaired) if (ch.charCodeAt(0) >= 0x80 && !MARK_OR_LETTER.test(ch)) return null;
  }
  if (repaired === s.word || mixesScripts(repaired)) return null;
  // KOI8 swaps the case of what it is read as: a word of small letters that becomes capitals is more
  // likely a word of another language than an acronym.
  if (CAPITALS.test(lettersOf(repaired)) && !CAPITALS.test(lettersOf(s.word))) return null;
  const score = scoreWord(repaired);
  if (!score.plausible || score.cost + MARGIN > s.cost) return null;
  if ((languages[0] | languages[1]) !== 0) {
    const [lo, hi] = plausibleLanguages(repaired);
    if (((lo & languages[0]) | (hi & languages[1])) === 0) return null;
  }
  const hard = sharesScript(s.word, repaired) ? s.hard : s.allHigh;
  return { suspect: s, text: repaired, gain: s.cost - score.cost, hard };
}

const SCRIPT_TESTS = [/\p{Script=Latin}/u, /\p{Script=Cyrillic}/u, /\p{Script=Greek}/u, /\p{Script=Arabic}/u, /\p{Script=Hebrew}/u];

/** Whether the repaired word keeps letters of the original's script (ASCII letters count as Latin). */
function sharesScript(original: string, repaired: string): boolean {
  return SCRIPT_TESTS.some((re) => re.test(original) && re.test(repaired));
}

const NOT_LETTER = /[^\p{L}]/gu;

function lettersOf(word: string): string {
  return word.replace(NOT_LETTER, '');
}
