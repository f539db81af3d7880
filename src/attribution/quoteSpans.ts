import type { Span } from './types.js';

export interface QuoteSpan extends Span {
  /** Offset of the opening mark; the content starts after it. */
  open: number;
  /** Offset just past the closing mark (equal to `end` when the quote was left open). */
  close: number;
}

// Web text often closes a curly quote with a straight one and vice versa (“…," and "…”), so both close either.
const CLOSERS: Record<string, string> = { '“': '”"', '«': '»', '„': '“”', '"': '"”', '‹': '›', '”': '”' };

/**
 * Quoted spans in any style: “…”, «…», „…“, "…". A quote left open at the end of a paragraph continues
 * when the next paragraph opens with a quotation mark (the news convention for multi-paragraph quotes);
 * otherwise it ends with its paragraph.
 */
export function findQuoteSpans(text: string): QuoteSpan[] {
  const out: QuoteSpan[] = [];
  let open = -1;
  let closers = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n' && open >= 0) {
      let j = i;
      while (j < text.length && /\s/.test(text[j]!)) j++;
      const next = text[j];
      if (next !== undefined && next in CLOSERS && CLOSERS[next]!.includes(closers[0]!)) {
        i = j; // continuation paragraph: the quote goes on after the new opening mark
        continue;
      }
      pushSpan(out, text, open, trimEnd(text, i), i);
      open = -1;
      continue;
    }
    if (open < 0) {
      if (c in CLOSERS && c !== '”' && isOpening(text, i)) {
        open = i;
        closers = CLOSERS[c]!;
      }
    } else if (closers.includes(c) && (c !== '"' || isClosingStraight(text, i))) {
      pushSpan(out, text, open, i, i + 1);
      open = -1;
    }
  }
  if (open >= 0) pushSpan(out, text, open, trimEnd(text, text.length), text.length);
  return out;
}

function pushSpan(out: QuoteSpan[], text: string, open: number, end: number, close: number): void {
  let start = open + 1;
  while (start < end && /\s/.test(text[start]!)) start++;
  let e = end;
  while (e > start && /\s/.test(text[e - 1]!)) e--;
  if (e > start) out.push({ start, end: e, open, close });
}

function trimEnd(text: string, end: number): number {
  let e = end;
  while (e > 0 && /\s/.test(text[e - 1]!)) e--;
  return e;
}

function isOpening(text: string, i: number): boolean {
  if (text[i] !== '"') return true;
  const next = text[i + 1];
  return next !== undefined && !/\s/.test(next);
}

function isClosingStraight(text: string, i: number): boolean {
  const prev = text[i - 1];
  return prev !== undefined && !/\s/.test(prev);
}

/** A copy of the text with quotation contents blanked, so that words inside quotes are not taken as cues. */
export function maskQuotes(text: string, spans: readonly QuoteSpan[]): string {
  if (spans.length === 0) return text;
  let out = '';
  let last = 0;
  for (const s of spans) {
    out += text.slice(last, s.start) + text.slice(s.start, s.end).replace(/[^\n]/g, '_');
    last = s.end;
  }
  return out + text.slice(last);
}
