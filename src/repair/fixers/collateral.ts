import { guessLanguage, quoteStyleFor } from '../quoteStyle.js';
import { lazySpacing } from '../spacing.js';
import { sitesWhere } from '../sites.js';
import type { DamageSite, FixContext, Fixer, FixerEdit } from '../types.js';

const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
/**
 * Translators double the short words a no-break space binds (prepositions, conjunctions: `в`, `и`,
 * `на` become `in`, `and`, `on`, `about`); a longer word on both sides is more likely meant (`Choo Choo`).
 */
const WORD_WINDOW = 6;

/**
 * Repairs what machine translation does around the entities it breaks, and only there: the short
 * word it translates twice on both sides of a destroyed no-break space (`in & nbsp; in particular`)
 * and the runs of spaces left where the entity stood. Sites come from the mangled-entity fixer;
 * well-formed entities and text elsewhere are never touched.
 */
export const collateral: Fixer = {
  name: 'collateral',
  // only next to the sites the entity fixers leave
  triggers: { ascii: [], nonAscii: false },
  apply(text: string, ctx: FixContext): FixerEdit[] {
    const sites = sitesWhere(ctx.sites, (s) => s.tag !== undefined && MANGLED_TAGS.has(s.tag));
    if (sites.length === 0) return [];
    // The language is guessed only when a gap's spacing depends on it (a doubled word or a dash does not).
    const spacing = lazySpacing(() => quoteStyleFor(ctx.options.lang ?? guessLanguage(text)));
    const closesOpenPair = pairTracker(text);
    const edits: FixerEdit[] = [];
    let lastEnd = 0;
    for (const gap of gapsAround(text, sites)) {
      if (gap.start < lastEnd) continue;
      const left = gap.spaceOnly ? wordEndingAt(text, gap.start) : '';
      const right = left ? wordStartingAt(text, gap.end) : '';
      if (left && right && left.length === right.length && left.toLowerCase() === right.toLowerCase()) {
        edits.push({ start: gap.start, end: gap.end + right.length, after: '', note: ctx.explain ? `doubled "${right}" removed` : undefined });
        lastEnd = gap.end + right.length;
        continue;
      }
      // Character codes, not one-character strings: indexing deoptimised on every new kind of string.
      const atLineStart = gap.start === 0 || text.charCodeAt(gap.start - 1) === 0x0a;
      const atLineEnd = gap.end === text.length || text.charCodeAt(gap.end) === 0x0a || text.charCodeAt(gap.end) === 0x0d;
      const current = text.slice(gap.start, gap.end);
      // A space that stands only because the damage put it there goes: before a closing mark or
      // punctuation, after an opening mark, whether the mark came out of the entity or stood next to it.
      // A space the entity stood for is text, unless the translator's own spaces stand next to it.
      const padded = gap.start < gap.firstSite || gap.end > gap.lastSite;
      const first = firstNonSpace(current);
      const last = lastNonSpace(current);
      const before = gap.start > 0 ? text.charCodeAt(gap.start - 1) : -1;
      const after = gap.end < text.length ? text.charCodeAt(gap.end) : -1;
      // An opening-style mark that closes a pair opened before it (`“Great show. “ & nbsp; A.`) is a
      // closing mark the quote fixer will turn round: the space after it stays.
      const opensBefore = spacing.tightAfter(before) && !closesOpenPair(gap.start - 1);
      const opensLast = last >= 0 && spacing.tightAfter(last) && !closesOpenPair(gap.start + lastNonSpaceAt(current));
      const collapsed = atLineStart && gap.spaceOnly && !atLineEnd
        ? ' '.repeat(gap.entities) // indentation written with entities (code, verse) keeps its width
        : collapseGap(
            current,
            atLineStart || (first >= 0 ? spacing.tightBefore(first) && !endsClause(before) : padded && (spacing.tightBefore(after) || opensBefore)),
            atLineEnd || (last >= 0 ? opensLast : padded && (spacing.tightBefore(after) || opensBefore)),
          );
      if (collapsed !== current) {
        edits.push({ start: gap.start, end: gap.end, after: collapsed, note: 'spaces collapsed' });
        lastEnd = gap.end;
      }
    }
    return edits;
  },
};

const CLAUSE_END = /[\s.,;:!?…—–-]/;

/** After the end of a clause (or the text's start, -1), a closing mark starts something (`it. …and`): its space stays. */
function endsClause(c: number): boolean {
  return c < 0 || CLAUSE_END.test(String.fromCharCode(c));
}

/** The code of the gap's first character that is not a space, or -1. */
function firstNonSpace(gap: string): number {
  for (let i = 0; i < gap.length; i++) if (!isAnySpace(gap.charCodeAt(i))) return gap.charCodeAt(i);
  return -1;
}

function lastNonSpace(gap: string): number {
  const i = lastNonSpaceAt(gap);
  return i < 0 ? -1 : gap.charCodeAt(i);
}

function lastNonSpaceAt(gap: string): number {
  for (let i = gap.length - 1; i >= 0; i--) if (!isAnySpace(gap.charCodeAt(i))) return i;
  return -1;
}

/**
 * Whether the `“` at a position follows an opening `“` its line has not closed yet: then it closes that
 * pair. Asked about positions in increasing order (the gaps of one text), so it reads each character once.
 */
function pairTracker(text: string): (pos: number) => boolean {
  let scanned = 0;
  let depth = 0;
  return (pos) => {
    if (text.charCodeAt(pos) !== 0x201c) return false;
    if (pos < scanned) {
      scanned = text.lastIndexOf('\n', pos) + 1;
      depth = 0;
    }
    for (; scanned < pos; scanned++) {
      const c = text.charCodeAt(scanned);
      if (c === 0x0a) depth = 0;
      else if (c === 0x201c) depth++;
      else if (c === 0x201d) depth--;
    }
    return depth > 0;
  };
}

function isAnySpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0xa0;
}

interface Gap {
  start: number;
  end: number;
  /** True when the gap holds nothing but spaces (the entity stood for a space). */
  spaceOnly: boolean;
  /** How many destroyed entities the gap holds. */
  entities: number;
  /** Where the first site starts and the last ends: the gap beyond them is spaces the damage left. */
  firstSite: number;
  lastSite: number;
}

const MANGLED_TAGS = new Set(['mangled', 'space-mangled', 'mangled-open', 'mangled-close']);

/**
 * Horizontal whitespace around each site, merged where sites are separated only by spaces. Linear:
 * the scans stop where the previous gap ends, so a run of spaces holding many sites is read once,
 * not once per site (a line of `& nbsp; ` decodes to nothing but spaces).
 */
function gapsAround(text: string, sites: readonly DamageSite[]): Gap[] {
  const gaps: Gap[] = [];
  for (const site of sites) {
    const isSpace = site.end > site.start && onlySpaces(text, site.start, site.end);
    const prev = gaps[gaps.length - 1];
    const floor = prev ? prev.end : 0;
    let start = site.start;
    let end = prev && site.end < prev.end && site.start <= prev.end ? prev.end : site.end;
    while (start > floor && isHSpace(text.charCodeAt(start - 1))) start--;
    while (end < text.length && isHSpace(text.charCodeAt(end))) end++;
    if (prev && start <= prev.end) {
      prev.end = Math.max(prev.end, end);
      prev.spaceOnly = prev.spaceOnly && isSpace;
      prev.entities++;
      prev.lastSite = Math.max(prev.lastSite, site.end);
    } else {
      gaps.push({ start, end, spaceOnly: isSpace, entities: 1, firstSite: site.start, lastSite: site.end });
    }
  }
  return gaps;
}

function isHSpace(c: number): boolean {
  return c === 0x20 || c === 0x09;
}

function onlySpaces(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09 && c !== 0xa0) return false;
  }
  return true;
}

/**
 * A gap becomes its non-space content with single spaces around it; spaces go where the gap meets
 * a line's edge (`dropLeading`/`dropTrailing` also ask for that inside quote marks).
 */
function collapseGap(gap: string, dropLeading: boolean, dropTrailing: boolean): string {
  if (/^[ \t\u00a0]*$/.test(gap)) return dropLeading || dropTrailing ? '' : gap.includes('\u00a0') ? '\u00a0' : ' ';
  // Trimmed by hand: an end-anchored `[ \t]+$` restarts at every space of a run, quadratic in a long one.
  let first = 0;
  while (isHSpace(gap.charCodeAt(first))) first++;
  let last = gap.length;
  while (last > first && isHSpace(gap.charCodeAt(last - 1))) last--;
  const lead = first > 0 && !dropLeading ? ' ' : '';
  const trail = last < gap.length && !dropTrailing ? ' ' : '';
  return lead + gap.slice(first, last).replace(/[ \t]{2,}/g, ' ') + trail;
}

function isWordChar(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39);
  return WORD_CHAR.test(ch);
}

/** The whole word that ends at `end`, or '' when there is none or it is too long to be a double. */
function wordEndingAt(text: string, end: number): string {
  let start = end;
  while (start > 0 && end - start <= WORD_WINDOW && isWordChar(text[start - 1]!)) start--;
  return end - start > WORD_WINDOW ? '' : text.slice(start, end);
}

function wordStartingAt(text: string, start: number): string {
  let end = start;
  while (end < text.length && end - start <= WORD_WINDOW && isWordChar(text[end]!)) end++;
  return end - start > WORD_WINDOW ? '' : text.slice(start, end);
}
