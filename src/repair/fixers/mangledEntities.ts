import { isAndWord, isUnspacedScript, LONGEST_AND_WORD, TRANSLITERATED_NAMES } from '../andWords.js';
import { isSpaceValue, isUnambiguousName, namedEntity, numericEntity, semicolonOptional } from '../entityTable.js';
import type { FixContext, Fixer, FixerEdit } from '../types.js';
import { describe } from './htmlEntities.js';

const SP = '[ \\t\\u00a0]*';
/**
 * `&`, spaces a translator inserted, any number of `amp;` left by escaping twice or more, then a
 * numeric reference or a name, then the semicolon (perhaps after a space, perhaps lost).
 */
const CANDIDATE = new RegExp(
  `&(${SP})((?:[aA][mM][pP]${SP};${SP})*)(?:#(${SP})(?:[xX](${SP})([0-9a-fA-F]{1,6})|([0-9]{1,7}))|([A-Za-z][A-Za-z0-9]{1,31}))(${SP};)?`,
  'g',
);

const SPACE = /[ \t\u00a0]/;

/** Quote marks whose side is the same in every language that uses them. */
const OPENING_QUOTES = new Set(['«', '‹', '„']);
const CLOSING_QUOTES = new Set(['»', '›']);

interface Candidate {
  start: number;
  end: number;
  raw: string;
  value: string;
  canonical: string;
  /** Damage beyond doubt: a typographic name or a number, mangled, with its semicolon or spaced. */
  decisive: boolean;
  /** Repaired when the text shows decisive damage elsewhere: a word-like name, a lost semicolon. */
  plausible: boolean;
  /** A name without its `&` (`nbsp;`, `y mdash;`). */
  bare?: boolean;
}

/**
 * Repairs character references broken by machine translation or escaped twice: `& nbsp;`,
 * `& nbsp ;`, `& # 8212;`, `& NBSP;`, `&amp;amp;quot;`, `& amp; nbsp;`, `&nbsp NATO`.
 * `AT&T`, `fish & chips;` and `&&` never match a known reference. Names that are also words
 * (`& not;`, `& part;`) are repaired only when the same text shows unambiguous damage elsewhere.
 */
export const mangledEntities: Fixer = {
  name: 'mangledEntities',
  // a reference starts with `&`; one whose `&` a translator translated or dropped still ends in `;`
  triggers: { ascii: [0x26, 0x3b], nonAscii: false },
  apply(text: string, ctx: FixContext): FixerEdit[] {
    const hasAmpersand = text.indexOf('&') >= 0;
    // Without `&`, only bare names (`nbsp;`) can be there, and each ends in a semicolon.
    if (!hasAmpersand && text.indexOf(';') < 0) return [];
    const referenced = hasAmpersand ? findCandidates(text) : [];
    const candidates = mergeCandidates(referenced, findBareNames(text, referenced));
    if (candidates.length === 0) return [];
    // Bare names are damage beyond doubt only with a stand-in for `&`; two of them are the same damage twice.
    const evidence = candidates.some((c) => c.decisive) || candidates.filter((c) => c.bare).length >= 2;
    const mode = ctx.options.htmlEntities;
    const decode = mode === 'always' || (mode === 'auto' && !ctx.isMarkup);
    const edits: FixerEdit[] = [];
    for (const c of candidates) {
      if (!c.decisive && !(evidence && c.plausible)) continue;
      let after = decode ? c.value : c.canonical;
      if (decode && after === '\u00a0' && !ctx.options.keepNbsp) after = ' ';
      const tag = !decode ? 'mangled' : isSpaceValue(c.value) ? 'space-mangled' : OPENING_QUOTES.has(c.value) ? 'mangled-open' : CLOSING_QUOTES.has(c.value) ? 'mangled-close' : 'mangled';
      edits.push({ start: c.start, end: c.end, after, tag, note: ctx.explain ? `${c.raw} → ${decode ? describe(after) : after}` : undefined });
    }
    return edits;
  },
};

function findCandidates(text: string): Candidate[] {
  const found: Candidate[] = [];
  CANDIDATE.lastIndex = 0;
  for (let m = CANDIDATE.exec(text); m; m = CANDIDATE.exec(text)) {
    const [raw, lead, ampChain, hashSpace, xSpace, hex, dec, name, semi] = m;
    const start = m.index;
    const end = start + raw.length;
    const escapes = ampChain ? (ampChain.match(/;/g) ?? []).length : 0;
    // Each of these groups is empty or matched spaces, except the chain and the semicolon, which may hold them.
    const spaced = lead!.length > 0 || !!hashSpace || !!xSpace || (semi !== undefined && semi.length > 1) || (!!ampChain && SPACE.test(ampChain));
    const hasSemicolon = semi !== undefined;
    // Read past the end, charAt/charCodeAt deoptimise the whole loop; -1 stands for the end of the text.
    const next = end < text.length ? text.charCodeAt(end) : -1;
    let value: string | null;
    let canonical: string;
    let typographic: boolean;
    let caseChanged = false;
    if (name === undefined) {
      const digits = (hex ?? dec)!;
      value = numericEntity(digits, hex !== undefined);
      canonical = `&#${hex !== undefined ? 'x' : ''}${digits};`;
      // Without its semicolon a spaced number is too often just a number (`& #2 pencil`).
      if (!hasSemicolon && (spaced || continuesReference(next, false))) value = null;
      typographic = true;
    } else {
      let resolved = name;
      value = namedEntity(name);
      if (value === null) {
        resolved = name.toLowerCase();
        value = resolved === name ? null : namedEntity(resolved);
        caseChanged = value !== null;
      }
      canonical = `&${resolved};`;
      // `?a=1&nbsp=2` is a URL parameter, not a reference.
      if (!hasSemicolon && !(semicolonOptional(resolved) && !continuesReference(next, true))) value = null;
      // An escaped-twice reference without spaces (`&amp;copy;`) is damage whatever its name.
      typographic = isUnambiguousName(resolved) || (escapes > 0 && !spaced);
    }
    if (value === null) {
      // `& amp; usb_char`: what follows the escaped ampersand is not a reference, the ampersand is.
      const amp = escapes > 0 ? escapedAmpersand(text, start, lead!, ampChain!) : undefined;
      if (amp) {
        found.push(amp);
        CANDIDATE.lastIndex = amp.end;
      }
      continue;
    }
    const mangled = spaced || escapes > 0 || caseChanged || !hasSemicolon;
    if (!mangled) continue;
    // `& nbsp NATO` is damage; `&amp is` may be prose about HTML until the text shows other damage.
    // A punctuation mark where the semicolon belongs (`&nbsp.`) took the semicolon's place.
    const decisive = typographic && (hasSemicolon || spaced || (name !== undefined && isPunctuation(next)));
    const plausible = hasSemicolon ? spaced : typographic;
    found.push({ start, end, raw, value, canonical, decisive, plausible });
  }
  return found;
}

/** Whether a reference without its semicolon runs on into this character: `&copy2024`, `&nbsp=2`. */
function continuesReference(c: number, semicolon: boolean): boolean {
  return (
    (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x3d || (semicolon && c === 0x3b)
  );
}

/** The ampersand an `&` + `amp;` chain stands for, when nothing after the chain is a reference. */
function escapedAmpersand(text: string, start: number, lead: string, ampChain: string): Candidate | undefined {
  const chain = (lead + ampChain).replace(/[ \t\u00a0]+$/, '');
  const end = start + 1 + chain.length;
  const raw = text.slice(start, end);
  const spaced = /[ \t\u00a0]/.test(chain);
  const decisive = spaced || (chain.match(/;/g) ?? []).length > 1;
  return { start, end, raw, value: '&', canonical: '&amp;', decisive, plausible: decisive };
}

function isPunctuation(c: number): boolean {
  return c === 0x2e || c === 0x2c || c === 0x3a || c === 0x21 || c === 0x3f;
}

/**
 * Names that are no word of any language, so that `nbsp;` standing alone is a reference that lost its
 * `&` (dropped, or translated into an "and" word or `+`); transliterated ones are looked up.
 */
const BARE_NAMES = 'nbsp|mdash|ndash|hellip|laquo|raquo|ldquo|rdquo|lsquo|rsquo|bdquo|quot|thinsp|ensp|emsp|нбсп|мдаш|ндаш|хеллип';
/** A name at the end of a window (case-insensitive as Unicode folds case: `NBSP`, `nbſp`). No name ends another. */
const BARE_NAME_AT_END = new RegExp(`(${BARE_NAMES})$`, 'iu');
/** The longest name, in UTF-16 units; case folding keeps lengths (every folded character is one unit). */
const LONGEST_BARE_NAME = 6;

interface BareMatch {
  /** Where the name starts. */
  index: number;
  /** The name, its spaces and the semicolon. */
  raw: string;
  name: string;
}

/**
 * The matches of `/(NAMES)[ \t\u00a0]*;/giu`, found from the semicolons: each ends at one, after the
 * spaces before it and a name right before those. That regex tried its list of names at every
 * position of every text with a semicolon (9% of the time on damaged documents); here a text without
 * `;` costs one search and each semicolon a look back over its spaces and one short window, so the
 * cost stays linear (a run of spaces is read back from the semicolon after it only). A semicolon inside
 * one of the `covered` spans (sorted: the references the `&` scan found, which win over a bare name
 * in them) is skipped: on damaged text most semicolons end an `& nbsp;` already found.
 */
export function bareNameMatches(text: string, covered: readonly { start: number; end: number }[] = []): BareMatch[] {
  const found: BareMatch[] = [];
  let k = 0;
  for (let semicolon = text.indexOf(';'); semicolon >= 0; semicolon = text.indexOf(';', semicolon + 1)) {
    while (k < covered.length && covered[k]!.end <= semicolon) k++;
    if (k < covered.length && covered[k]!.start <= semicolon) continue;
    let end = semicolon;
    while (end > 0 && isBareSpace(text.charCodeAt(end - 1))) end--;
    if (end === 0 || !endsBareName(text.charCodeAt(end - 1))) continue;
    const m = BARE_NAME_AT_END.exec(text.slice(Math.max(0, end - LONGEST_BARE_NAME), end));
    if (m === null) continue;
    const index = end - m[1]!.length;
    found.push({ index, raw: text.slice(index, semicolon + 1), name: m[1]! });
  }
  return found;
}

/** The last letters of the names, in both cases (no other character folds to one of them). */
function endsBareName(c: number): boolean {
  const lower = c | 0x20;
  return c < 0x80 ? lower === 0x70 || lower === 0x68 || lower === 0x6f || lower === 0x74 : c === 0x43f || c === 0x41f || c === 0x448 || c === 0x428;
}

function isBareSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0xa0;
}
const WORD_BEFORE = /[\p{L}\p{N}_]/u;

/**
 * Names without their `&`. The look back for a stand-in is bounded (a few spaces and one short word),
 * and the regex is a list of literals, so the scan is linear.
 */
function findBareNames(text: string, referenced: readonly Candidate[]): Candidate[] {
  const found: Candidate[] = [];
  for (const m of bareNameMatches(text, referenced)) {
    const nameStart = m.index;
    const prev = nameStart > 0 ? text[nameStart - 1]! : '';
    let start = nameStart;
    let standIn = false;
    let spacesBefore = 0;
    if (prev === '+') {
      start = nameStart - 1;
      standIn = true;
    } else if (prev !== '' && WORD_BEFORE.test(prev) && !isUnspacedScript(prev)) {
      continue; // part of a longer word or identifier: `xnbsp;`
    } else {
      let i = nameStart;
      while (i > 0 && nameStart - i < 4 && SPACE.test(text[i - 1]!)) i--;
      spacesBefore = nameStart - i;
      if (i > 0 && (text[i - 1] === '&' || text[i - 1] === '#')) continue; // `& nbsp;`: the other scan's
      const w = andWordEndingAt(text, i, spacesBefore > 0);
      if (w >= 0) {
        start = w;
        standIn = true;
      } else if (spacesBefore === 0 && prev !== '') {
        if (!isUnspacedScript(prev) && !/[\s(\[{«"“—–-]/u.test(prev)) continue; // `a.nbsp;`, code
      }
    }
    const raw = m.raw;
    const lower = m.name.toLowerCase();
    const name = TRANSLITERATED_NAMES[lower] ?? lower;
    const value = namedEntity(name);
    if (value === null) continue;
    // A dropped `&` leaves its space behind: two spaces before the name.
    const decisive = standIn || spacesBefore >= 2;
    found.push({ start, end: nameStart + raw.length, raw: text.slice(start, nameStart + raw.length), value, canonical: `&${name};`, decisive, plausible: true, bare: true });
  }
  return found;
}

/**
 * Where an "and" word ending at `end` starts, or -1. A spaced one must be a whole word; in scripts
 * written without spaces the word touches the name and whatever precedes it (`上涨和nbsp;`).
 */
function andWordEndingAt(text: string, end: number, spaced: boolean): number {
  for (let length = 1; length <= LONGEST_AND_WORD && length <= end; length++) {
    const start = end - length;
    if (!isAndWord(text.slice(start, end))) continue;
    if (isUnspacedScript(text[start]!)) return start;
    if (spaced && (start === 0 || !WORD_BEFORE.test(text[start - 1]!))) return start;
  }
  return -1;
}

/** Both lists sorted; a bare name inside a reference the other scan found is that reference. */
function mergeCandidates(a: Candidate[], b: Candidate[]): Candidate[] {
  if (b.length === 0) return a;
  const out: Candidate[] = [];
  let i = 0;
  let lastEnd = 0;
  for (const c of b) {
    while (i < a.length && a[i]!.start <= c.start) {
      out.push(a[i]!);
      lastEnd = Math.max(lastEnd, a[i]!.end);
      i++;
    }
    if (c.start < lastEnd || (i < a.length && a[i]!.start < c.end)) continue;
    out.push(c);
    lastEnd = c.end;
  }
  while (i < a.length) out.push(a[i++]!);
  return out;
}
