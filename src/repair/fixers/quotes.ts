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
    const pairs = mixedPairs(text).filter(([open, close]) => damaged || GUILLEMETS.test(open.glyph + close.glyph));
    if (pairs.length === 0) return [];
    const style = quoteStyleFor(ctx.options.lang ?? guessLanguage(text));
    const edits: FixerEdit[] = [];
    for (const [open, close] of pairs) {
      edits.push(...rewritePair(text, open, close, style));
    }
    return edits.sort((a, b) => a.start - b.start);
  },
};

function mixedPairs(text: string): Array<[Mark, Mark]> {
  const pairs: Array<[Mark, Mark]> = [];
  let stack: Mark[] = [];
  let lineStart = 0;
  MARK.lastIndex = 0;
  for (let m = MARK.exec(text); m; m = MARK.exec(text)) {
    const mark: Mark = { start: m.index, end: m.index + m[0].length, glyph: m[0] };
    if (text.lastIndexOf('\n', mark.start) >= lineStart) {
      stack = [];
      lineStart = text.lastIndexOf('\n', mark.start) + 1;
    }
    const role = roleOf(text, mark, stack.length > 0);
    if (role === 'open') {
      stack.push(mark);
      continue;
    }
    const open = stack.pop();
    if (!open) continue;
    if (!CONSISTENT.has(open.glyph + mark.glyph)) pairs.push([open, mark]);
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
