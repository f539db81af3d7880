/**
 * A check over the bytes of an ASCII JSON line, for the commonest records of a corpus: one flat object
 * whose members are strings, numbers, `true`, `false` or `null`, its keys written without escapes.
 * Such a line that the byte screen passed is written through as it came, so it only has to be known
 * valid and its text field a string; `JSON.parse` did that for every line and was the largest cost
 * of a clean JSON lines corpus after the output (issue #13). Anything else (nesting, escaped keys, a
 * repeated field, invalid JSON) gives null and goes to the parser, which also says what is wrong.
 */

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** What the write-through needs of a flat record. */
export interface FlatRecord {
  /** The text field's length as a string (UTF-16 units): each escape is one. */
  textLength: number;
  /** Whether a member is named `metaKey` (the record brings its own metadata). */
  hasMetaKey: boolean;
}

/**
 * `line[start, end)` as a flat record with a string member `field` (both ASCII); null when it is not
 * one or not that simple. `field` and `metaKey` as bytes.
 */
export function flatRecord(line: Uint8Array, start: number, end: number, field: Uint8Array, metaKey: Uint8Array): FlatRecord | null {
  let i = skipSpace(line, start, end);
  if (i >= end || line[i] !== 0x7b) return null;
  i = skipSpace(line, i + 1, end);
  let textLength = -1;
  let hasMetaKey = false;
  if (i >= end || line[i] === 0x7d) return null; // no members, so no text field
  for (;;) {
    if (i >= end || line[i] !== QUOTE) return null;
    const keyStart = i + 1;
    let k = keyStart;
    while (k < end && line[k] !== QUOTE) {
      const b = line[k]!;
      if (b === BACKSLASH || b < 0x20 || b > 0x7e) return null;
      k++;
    }
    if (k >= end) return null;
    const isField = sameBytes(line, keyStart, k, field);
    if (isField && textLength >= 0) return null; // a repeated field: the parser keeps the last
    if (sameBytes(line, keyStart, k, metaKey)) hasMetaKey = true;
    i = skipSpace(line, k + 1, end);
    if (i >= end || line[i] !== 0x3a) return null;
    i = skipSpace(line, i + 1, end);
    if (i < end && line[i] === QUOTE) {
      const next = skipString(line, i + 1, end);
      if (next < 0) return null;
      if (isField) textLength = stringLength;
      i = next;
    } else {
      if (isField) return null; // the field is not a string
      const next = skipScalar(line, i, end);
      if (next < 0) return null;
      i = next;
    }
    i = skipSpace(line, i, end);
    if (i < end && line[i] === 0x2c) {
      i = skipSpace(line, i + 1, end);
      continue;
    }
    if (i >= end || line[i] !== 0x7d) return null;
    if (skipSpace(line, i + 1, end) !== end) return null;
    return textLength >= 0 ? { textLength, hasMetaKey } : null;
  }
}

function skipSpace(line: Uint8Array, i: number, end: number): number {
  while (i < end) {
    const b = line[i]!;
    if (b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) break;
    i++;
  }
  return i;
}

function sameBytes(line: Uint8Array, start: number, end: number, word: Uint8Array): boolean {
  if (end - start !== word.length) return false;
  for (let k = 0; k < word.length; k++) if (line[start + k] !== word[k]) return false;
  return true;
}

/** The decoded length (UTF-16 units) of the string `skipString` passed last: a result without an object per string. */
let stringLength = 0;

/** After the JSON string whose contents start at `i` (its closing quote included), or -1 when it is not a valid one. */
function skipString(line: Uint8Array, i: number, end: number): number {
  let length = 0;
  while (i < end) {
    const b = line[i]!;
    if (b === QUOTE) {
      stringLength = length;
      return i + 1;
    }
    if (b < 0x20 || b > 0x7e) return -1;
    if (b === BACKSLASH) {
      const e = i + 1 < end ? line[i + 1] : undefined;
      if (e === 0x75) {
        if (i + 6 > end) return -1;
        for (let k = 2; k < 6; k++) if (!isHex(line[i + k])) return -1;
        i += 6;
      } else if (e === QUOTE || e === BACKSLASH || e === 0x2f || e === 0x62 || e === 0x66 || e === 0x6e || e === 0x72 || e === 0x74) {
        i += 2;
      } else {
        return -1;
      }
    } else {
      i++;
    }
    length++;
  }
  return -1;
}

function isHex(h: number | undefined): boolean {
  return h !== undefined && ((h >= 0x30 && h <= 0x39) || (h >= 0x61 && h <= 0x66) || (h >= 0x41 && h <= 0x46));
}

/** After a number, `true`, `false` or `null` starting at `i`; -1 when there is none there. */
function skipScalar(line: Uint8Array, i: number, end: number): number {
  if (i >= end) return -1;
  const b = line[i];
  if (b === 0x74) return literal(line, i, end, TRUE);
  if (b === 0x66) return literal(line, i, end, FALSE);
  if (b === 0x6e) return literal(line, i, end, NULL);
  // -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?
  const digit = (at: number) => at < end && isDigit(line[at]);
  if (b === 0x2d) i++;
  if (i < end && line[i] === 0x30) i++;
  else if (digit(i)) while (digit(i)) i++;
  else return -1;
  if (i < end && line[i] === 0x2e) {
    i++;
    if (!digit(i)) return -1;
    while (digit(i)) i++;
  }
  if (i < end && (line[i] === 0x65 || line[i] === 0x45)) {
    i++;
    if (i < end && (line[i] === 0x2b || line[i] === 0x2d)) i++;
    if (!digit(i)) return -1;
    while (digit(i)) i++;
  }
  return i;
}

const TRUE = Buffer.from('true');
const FALSE = Buffer.from('false');
const NULL = Buffer.from('null');

function literal(line: Uint8Array, i: number, end: number, word: Uint8Array): number {
  return i + word.length <= end && sameBytes(line, i, i + word.length, word) ? i + word.length : -1;
}

function isDigit(b: number | undefined): boolean {
  return b !== undefined && b >= 0x30 && b <= 0x39;
}
