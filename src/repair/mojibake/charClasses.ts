import { HAS_CANDIDATE } from './candidates.js';

/**
 * What the characters outside ASCII of a text allow, from one forward scan: each screen of the mojibake
 * fixer (lost bytes only, UTF-16 zeros, pairs of odd characters, code-page characters, ideographs,
 * letters beyond punctuation) is a bit. Correct text fails most screens; scanning once, with no match
 * objects, replaces a global regex per screen that stopped at every character outside ASCII.
 */

/** Some character is outside ASCII. */
export const NON_ASCII = 1;
/** A NUL: UTF-16 read byte by byte may have left it. */
export const NUL = 2;
/** A `0` right after a character outside ASCII (kana of UTF-16LE read as Latin-1: `Ç0ü0`). */
export const ZERO_AFTER_HIGH = 4;
/** A character outside ASCII other than U+FFFD. */
export const NOT_ONLY_REPLACEMENT = 8;
/** Two adjacent characters outside ASCII, a C1 control, or a trigger character (`maybeBad`). */
export const MAYBE_BAD = 16;
/** A character that some code page reads a high byte as, or U+FFFD (`HAS_CANDIDATE`). */
export const CANDIDATE = 32;
/** A CJK unified ideograph (U+4E00–U+9FFF). */
export const IDEOGRAPH = 64;
/** A character outside ASCII other than spaces and common punctuation (`beyondPunctuation`). */
export const BEYOND_PUNCTUATION = 128;

/** Per code unit, the bits a character sets on its own. */
const OWN = new Uint8Array(0x10000);
/** Punctuation of correct text that legacy damage never needs to be told by: no-break space, quotes, dashes, ellipsis. */
const COMMON_PUNCTUATION = [0xa0, 0xab, 0xbb, 0x2013, 0x2014, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2026];
/** The characters besides C1 controls that a badness pattern can start from alone: Ã Â Ă Г Œ œ. */
const TRIGGERS = [0xc3, 0xc2, 0x102, 0x413, 0x152, 0x153];
for (let c = 0x80; c < 0x10000; c++) {
  let bits = NON_ASCII;
  if (c !== 0xfffd) bits |= NOT_ONLY_REPLACEMENT;
  if (c < 0xa0) bits |= MAYBE_BAD;
  if (HAS_CANDIDATE.test(String.fromCharCode(c))) bits |= CANDIDATE;
  if (c >= 0x4e00 && c <= 0x9fff) bits |= IDEOGRAPH;
  if (!(c >= 0x2000 && c <= 0x200f)) bits |= BEYOND_PUNCTUATION;
  OWN[c] = bits;
}
for (const c of TRIGGERS) OWN[c] = OWN[c]! | MAYBE_BAD;
for (const c of COMMON_PUNCTUATION) OWN[c] = OWN[c]! & ~BEYOND_PUNCTUATION;

/** The next NUL or character outside ASCII. */
const NEXT_CHARACTER = /[^\u0001-\u007f]/g;

let lastText: string | undefined;
let lastClasses = 0;

/**
 * The screens `text` passes, as bits. The fixer asks about the same string several times in a row (and
 * the pipeline hands it the same text again in a second round), so the last answer is kept.
 */
export function charClasses(text: string): number {
  if (text === lastText) return lastClasses;
  let bits = 0;
  const n = text.length;
  let i = 0;
  for (;;) {
    // Most text is ASCII between a few characters outside it: the regex engine skips those runs far
    // faster than a loop over code units, and test (unlike exec) makes no match object.
    NEXT_CHARACTER.lastIndex = i;
    if (!NEXT_CHARACTER.test(text)) break;
    i = NEXT_CHARACTER.lastIndex - 1;
    let c = text.charCodeAt(i);
    if (c === 0) {
      bits |= NUL;
      i++;
      continue;
    }
    // A run of characters outside ASCII, to the first ASCII one after it.
    for (;;) {
      bits |= OWN[c]!;
      const next = i + 1 < n ? text.charCodeAt(i + 1) : -1;
      i++;
      if (next < 0x80) {
        if (next === 0x30) bits |= ZERO_AFTER_HIGH;
        break;
      }
      bits |= MAYBE_BAD;
      c = next;
    }
  }
  lastText = text;
  lastClasses = bits;
  return bits;
}
