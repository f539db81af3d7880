import { LOST_BYTE, sequenceLength } from './utf8.js';

/**
 * Repairs on the bytes recovered from mojibake, before they are decoded as UTF-8. Each returns null
 * when it has nothing to do, so that the explanation only names repairs that happened.
 */

const SPACE = 0x20;
const NBSP_BYTE = 0xa0;
const QUESTION = 0x3f;

/** Lead bytes whose sequence with A0 is a common character: à, no-break space, Š, Π, Р, Arabic-Indic zero. */
const A0_LEADS = new Set([0xc2, 0xc3, 0xc5, 0xce, 0xd0, 0xd9]);

/** Lead bytes of three-byte sequences that end or continue in A0 in common text (Indic, Thai, punctuation, CJK symbols). */
const A0_LEADS_3 = new Set([0xe0, 0xe2, 0xe3]);

/** Portuguese contractions of `a` + article (`às`, `àquele`): the space after `à` was the lost A0 itself. */
const JOINED_AFTER_A_GRAVE = /^(?:s(?=[\s,.;:!?]|$)|quel[ae]s?(?![a-z])|quilo(?![a-z]))/;
/** Words that end in `à`, so that a space after them is real (`voilà le`, `déjà vu`). */
const ENDS_IN_A_GRAVE = /(?:^|[^A-Za-z\x80-\xff])(?:voil|d\xc3\xa9j|d\xe9j|l|hol|del|\xc3\xa7|\xe7)$/i;

/**
 * Some process read byte A0 in the mojibake as "a no-break space, basically a space" and wrote 0x20.
 * Puts A0 back where that makes a UTF-8 sequence whole. When `Ã` and one space stood for `à`, the space
 * that followed `à` may have been swallowed as well: `Ã` alone or at the end of a French word that ends
 * in `à` was the word `à` (`Ã perturber`, `voilÃ le`), except in the Portuguese contractions (`Ã s`
 * → `às`); inside a word it was just the letter (Vietnamese `hĂ i` → `hài`). `following` is the text
 * after these bytes when they are a segment of a longer text, `preceding` the text before them.
 */
export function restoreByteA0(bytes: Uint8Array, preceding = '', following = ''): Uint8Array | null {
  if (!hasLeadBeforeSpace(bytes)) return null;
  const out: number[] = [];
  let changed = false;
  const n = bytes.length;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    const len = sequenceLength(b);
    if (len === 2 && bytes[i + 1] === SPACE && A0_LEADS.has(b)) {
      out.push(b, NBSP_BYTE);
      if (b === 0xc3 && aGraveWordEndsHere(bytes, i, preceding, following)) out.push(SPACE);
      i += 1;
      changed = true;
      continue;
    }
    if (len === 3 && A0_LEADS_3.has(b) && i + len <= n) {
      const tail = bytes.subarray(i + 1, i + len);
      const spaces = tail.filter((x) => x === SPACE).length;
      if (spaces === 1 && tail.every((x) => x === SPACE || isCont(x))) {
        out.push(b, ...Array.from(tail, (x) => (x === SPACE ? NBSP_BYTE : x)));
        i += len - 1;
        changed = true;
        continue;
      }
    }
    out.push(b);
  }
  return changed ? Uint8Array.from(out) : null;
}

/** At `i` stand C3 20; true when the space after the `à` they encode was lost too. */
function aGraveWordEndsHere(bytes: Uint8Array, i: number, preceding: string, following: string): boolean {
  const after = latin1(bytes.subarray(i + 2, i + 12)) + (i + 12 >= bytes.length ? following.slice(0, 10) : '');
  if (after === '' || after.startsWith(' ') || JOINED_AFTER_A_GRAVE.test(after)) return false;
  const before = preceding.slice(-8) + latin1(bytes.subarray(Math.max(0, i - 8), i));
  const standalone = before === '' || !/[A-Za-z\x80-\xff]$/.test(before);
  return standalone || ENDS_IN_A_GRAVE.test(before);
}

function latin1(bytes: Uint8Array): string {
  return String.fromCharCode(...bytes);
}

/**
 * A byte lost before we saw the text shows up as `?` (a failed conversion) or as U+FFFD (encoded as
 * 0x1A here). A UTF-8 sequence with such a hole cannot be recovered, but it can become one U+FFFD instead
 * of making the whole decode fail. A lone 0x1A stood for U+FFFD, when `lostIsReplacement` says the text
 * had U+FFFD in it.
 */
export function replaceLossySequences(bytes: Uint8Array, lostIsReplacement: boolean, guessLost = false): Uint8Array | null {
  if (bytes.indexOf(QUESTION) < 0 && (!lostIsReplacement || bytes.indexOf(LOST_BYTE) < 0)) return null;
  // Untouched runs of the input are copied only once the first replacement is found, into one growing
  // buffer: a text with many `?` and nothing to replace costs one pass and no copy, and one with many
  // replacements allocates no object per replacement (a byte array grown per byte cost seconds per MB).
  let out: ByteWriter | null = null;
  let copiedUpTo = 0;
  const replace = (from: number, to: number, replacement: Uint8Array): void => {
    out ??= new ByteWriter(bytes.length + 16);
    out.write(bytes, copiedUpTo, from);
    out.write(replacement, 0, replacement.length);
    copiedUpTo = to;
  };
  const n = bytes.length;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    const len = sequenceLength(b);
    if (len >= 2) {
      let j = i + 1;
      let holes = 0;
      while (j < i + len && j < n) {
        const x = bytes[j]!;
        if (isCont(x)) {
          j++;
          continue;
        }
        if (x === QUESTION || (x === LOST_BYTE && lostIsReplacement)) {
          holes++;
          j++;
          continue;
        }
        break;
      }
      if (holes > 0 && j === i + len) {
        const guess = guessLost && lostIsReplacement ? guessLostByte(bytes, i) : null;
        replace(i, j, guess ?? REPLACEMENT_BYTES);
        i = j - 1;
        continue;
      }
    }
    if (b === LOST_BYTE && lostIsReplacement) replace(i, i + 1, REPLACEMENT_BYTES);
  }
  if (out === null) return null;
  const writer: ByteWriter = out;
  writer.write(bytes, copiedUpTo, n);
  return writer.bytes();
}

const REPLACEMENT_BYTES = Uint8Array.of(0xef, 0xbf, 0xbd);

/** Bytes appended to a buffer that doubles when full, so that appending n bytes costs O(n) in all. */
class ByteWriter {
  private buffer: Uint8Array;
  private length = 0;

  constructor(capacity: number) {
    this.buffer = new Uint8Array(capacity);
  }

  write(source: Uint8Array, from: number, to: number): void {
    const size = to - from;
    if (size <= 0) return;
    if (this.length + size > this.buffer.length) {
      const grown = new Uint8Array(Math.max(this.buffer.length * 2, this.length + size));
      grown.set(this.buffer.subarray(0, this.length));
      this.buffer = grown;
    }
    if (size <= 4) for (let k = 0; k < size; k++) this.buffer[this.length + k] = source[from + k]!;
    else this.buffer.set(source.subarray(from, to), this.length);
    this.length += size;
  }

  bytes(): Uint8Array {
    return this.buffer.subarray(0, this.length);
  }
}

/**
 * `â€` and a lost byte (`â€�`) is E2 80 and a byte windows-1252 leaves undefined, which a decoder turned
 * into U+FFFD: 81, 8D, 8F, 90 or 9D. Between two emoji that is 8D, the zero-width joiner of an emoji
 * sequence; anywhere else it is 9D, the closing quotation mark `”` (the others are a space of em width,
 * a right-to-left mark and a hyphen, all rare in text). Returns the bytes to use, or null for no guess.
 */
function guessLostByte(bytes: Uint8Array, i: number): Uint8Array | null {
  if (bytes[i] !== 0xe2 || bytes[i + 1] !== 0x80 || bytes[i + 2] !== LOST_BYTE) return null;
  const emojiBefore = i >= 4 && bytes[i - 4] === 0xf0;
  const emojiAfter = bytes[i + 3] === 0xf0;
  return emojiBefore && emojiAfter ? ZERO_WIDTH_JOINER_BYTES : RIGHT_DOUBLE_QUOTE_BYTES;
}

const ZERO_WIDTH_JOINER_BYTES = Uint8Array.of(0xe2, 0x80, 0x8d);
const RIGHT_DOUBLE_QUOTE_BYTES = Uint8Array.of(0xe2, 0x80, 0x9d);

/** Whether any space follows a non-ASCII byte: without one there is nothing to restore. */
function hasLeadBeforeSpace(bytes: Uint8Array): boolean {
  for (let i = bytes.indexOf(SPACE, 1); i > 0; i = bytes.indexOf(SPACE, i + 1)) {
    if (bytes[i - 1]! >= 0x80 || (i >= 2 && bytes[i - 2]! >= 0xe0)) return true;
  }
  return false;
}

function isCont(b: number): boolean {
  return b >= 0x80 && b <= 0xbf;
}

