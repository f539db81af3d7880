import { guessLanguage, quoteStyleFor, type QuoteStyle } from '../quoteStyle.js';
import type { FixContext, Fixer, FixerEdit } from '../types.js';

/**
 * Double quotation marks, including the two-apostrophe and two-backtick forms translators emit.
 * `''` and ``` `` ``` count only when they stand alone (not in `'''` or next to another quote), and a
 * `"` after a digit is an inch or second mark.
 */
const MARK = /[“”„«»]|(?<![0-9])"|(?<![`'"(\[=,])''(?![`'"])|(?<![`'"])``(?![`'"])/g;
const ANY_MARK = /[“”„«»"]|''|``/;

const CONSISTENT = new Set(['“”', '„“', '„”', '””', '«»', '»«', '""', "``''", "''''"]);
const GUILLEMETS = /[«»]/;
const OPENS_BY_DEFAULT = new Set(['“', '„', '«', '``']);
const CLOSES_BY_DEFAULT = new Set(['”', '»', "''"]);

interface Mark {
  start: number;
  end: number;
  glyph: string;
  /** On a closing mark: the pair is of one style (`“ … ”`), so only its padding may be damage. */
  consistent?: boolean;
  /** On a closing mark: an opening-style mark after the sentence it closes (`show. “`). */
  misused?: boolean;
}

/**
 * Rewrites quote pairs whose two marks belong to different styles (`“ … »`, `“ … ''`, `" … »`) in
 * the style of the text's language, and removes the spaces the damage put inside such a pair
 * (except in French, where they belong). Consistent pairs and unpaired marks stay as they are.
 * Only a pair with a guillemet is repaired without other damage in the same text.
 */
export const quotes: Fixer = {
  name: 'quotes',
  // ASCII marks are rewritten only next to other damage; alone, only a pair with a guillemet
  triggers: { ascii: [], nonAscii: true },
  apply(text: string, ctx: FixContext): FixerEdit[] {
    if (!ANY_MARK.test(text)) return [];
    // Sloppy but undamaged text mixes `''`, `"` and curly quotes; guillemets next to English marks
    // are translation damage on their own, the others only where the text shows other damage.
    const damaged = ctx.sites.length > 0;
    // A consistent pair only loses the padding a translator put inside it (`" verbose "`), and only
    // where the text shows translation damage (broken entities); an opening mark misused as the
    // closing one is damage itself.
    const translated = damaged && ctx.sites.some((site) => site.fixer === 'mangledEntities');
    const pairs = quotePairs(text, translated).filter(
      ([open, close]) => damaged || close.misused || (!close.consistent && GUILLEMETS.test(open.glyph + close.glyph)),
    );
    if (pairs.length === 0) return [];
    const style = quoteStyleFor(ctx.options.lang ?? guessLanguage(text));
    const edits: FixerEdit[] = [];
    for (const [open, close] of pairs) {
      if (close.consistent) edits.push(...unpadPair(text, open, close, style));
      else edits.push(...rewritePair(text, open, close, style));
    }
    return edits.sort((a, b) => a.start - b.start);
  },
};

/** Pairs of different styles, and (with `padded`) pairs of one style with spaces inside on both sides. */
function quotePairs(text: string, padded: boolean): Array<[Mark, Mark]> {
  const pairs: Array<[Mark, Mark]> = [];
  let stack: Mark[] = [];
  // Linear by construction: the line break ending the current line is looked up once per line, by
  // a forward search from where the previous one stopped, so every character is read once however
  // many marks a line holds (a backward search per mark read a long line once per mark).
  let lineEnd = text.indexOf('\n');
  MARK.lastIndex = 0;
  for (let m = MARK.exec(text); m; m = MARK.exec(text)) {
    const mark: Mark = { start: m.index, end: m.index + m[0].length, glyph: m[0] };
    if (lineEnd >= 0 && lineEnd < mark.start) {
      stack = [];
      lineEnd = text.indexOf('\n', mark.start);
    }
    let role = roleOf(text, mark, stack.length > 0);
    if (role === 'open' && stack.length > 0 && closesAfterSentence(text, mark)) {
      role = 'close';
      mark.misused = true;
    }
    if (role === 'open') {
      stack.push(mark);
      continue;
    }
    const open = stack.pop();
    if (!open) continue;
    if (!CONSISTENT.has(open.glyph + mark.glyph)) pairs.push([open, mark]);
    else if (padded && isPaddedInside(text, open, mark)) {
      mark.consistent = true;
      pairs.push([open, mark]);
    }
  }
  return pairs;
}

function roleOf(text: string, mark: Mark, pending: boolean): 'open' | 'close' {
  const before = text[mark.start - 1];
  const after = text[mark.end];
  const leftIsOpen = before === undefined || /[\s(\[{—–-]/.test(before);
  const rightIsClosed = after === undefined || /[\s.,;:!?)\]}—–-]/.test(after);
  if (leftIsOpen && !rightIsClosed) return 'open';
  if (!leftIsOpen && rightIsClosed) return 'close';
  if (OPENS_BY_DEFAULT.has(mark.glyph)) return 'open';
  if (CLOSES_BY_DEFAULT.has(mark.glyph)) return 'close';
  return pending ? 'close' : 'open';
}

function rewritePair(text: string, open: Mark, close: Mark, style: QuoteStyle): FixerEdit[] {
  let openEnd = open.end;
  let closeStart = close.start;
  if (!style.spaced) {
    while (openEnd < closeStart && /[ \t\u00a0]/.test(text[openEnd]!)) openEnd++;
    while (closeStart > openEnd && /[ \t\u00a0]/.test(text[closeStart - 1]!)) closeStart--;
  }
  if (openEnd >= closeStart) return [];
  const note = `${open.glyph} … ${close.glyph} → ${style.open} … ${style.close}`;
  return [
    { start: open.start, end: openEnd, after: style.open, tag: 'quote', note },
    { start: closeStart, end: close.end, after: style.close, tag: 'quote', note },
  ];
}

/**
 * `“Great show. “ A. Critic`: a mark that opens in every language, after the punctuation that ends a
 * sentence and a space, with no text after it before the next space, closes what is open.
 */
function closesAfterSentence(text: string, mark: Mark): boolean {
  if (mark.glyph !== '“' && mark.glyph !== '„') return false;
  const after = text[mark.end];
  if (after !== undefined && !/[ \t\u00a0\n]/.test(after)) return false;
  let i = mark.start;
  while (i > 0 && /[ \t\u00a0]/.test(text[i - 1]!)) i--;
  return i < mark.start && i > 0 && /[.!?…]/.test(text[i - 1]!);
}

function isPaddedInside(text: string, open: Mark, close: Mark): boolean {
  return close.start - open.end > 2 && /[ \t\u00a0]/.test(text[open.end]!) && /[ \t\u00a0]/.test(text[close.start - 1]!);
}

/** The spaces inside a pair of one style go; French guillemets keep theirs. */
function unpadPair(text: string, open: Mark, close: Mark, style: QuoteStyle): FixerEdit[] {
  if (style.spaced && GUILLEMETS.test(open.glyph)) return [];
  let openEnd = open.end;
  let closeStart = close.start;
  while (openEnd < closeStart && /[ \t\u00a0]/.test(text[openEnd]!)) openEnd++;
  while (closeStart > openEnd && /[ \t\u00a0]/.test(text[closeStart - 1]!)) closeStart--;
  if (openEnd >= closeStart) return [];
  const note = `spaces inside ${open.glyph} … ${close.glyph} removed`;
  return [
    { start: open.end, end: openEnd, after: '', tag: 'quote', note },
    { start: closeStart, end: close.start, after: '', tag: 'quote', note },
  ];
}
