import type { Span } from './types.js';

const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'st', 'sen', 'rep', 'gov', 'gen', 'lt', 'col', 'sgt', 'capt', 'jr', 'sr', 'inc',
  'corp', 'co', 'ltd', 'vs', 'no', 'jan', 'feb', 'mar', 'apr', 'aug', 'sept', 'sep', 'oct', 'nov', 'dec',
  'prof', 'rev', 'gov', 'fig', 'approx', 'est', 'u.s', 'u.k', 'e.g', 'i.e', 'a.m', 'p.m', 'mt', 'ft', 'st',
]);

/** Paragraphs are separated by line breaks; news text keeps one paragraph per line. */
export function paragraphs(text: string): Span[] {
  const out: Span[] = [];
  const re = /[^\n]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].trim()) out.push({ start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** Sentence spans inside one paragraph, ends after the final punctuation and any closing quote. */
export function sentencesOf(text: string, para: Span): Span[] {
  const out: Span[] = [];
  const re = /[.!?…]+["”»’)]*(?=\s+["“«„‘(\p{Lu}\p{N}—–-])/gu;
  re.lastIndex = para.start;
  let start = para.start;
  for (let m = re.exec(text); m && m.index < para.end; m = re.exec(text)) {
    const end = m.index + m[0].length;
    if (m[0].startsWith('.') && m[0].length === 1 && isAbbreviation(text, m.index)) continue;
    out.push({ start, end });
    start = end;
    while (start < para.end && /\s/.test(text[start]!)) start++;
  }
  if (start < para.end) out.push({ start, end: para.end });
  return out;
}

function isAbbreviation(text: string, dot: number): boolean {
  let i = dot;
  while (i > 0 && /[\p{L}.]/u.test(text[i - 1]!)) i--;
  const word = text.slice(i, dot).toLowerCase();
  if (ABBREVIATIONS.has(word)) return true;
  // Initials: "J. K. Rowling", "U.S."
  return /^\p{L}$/u.test(word) || /^(\p{L}\.)+\p{L}$/u.test(word);
}

export function sentences(text: string): Span[] {
  return paragraphs(text).flatMap((p) => sentencesOf(text, p));
}

export function wordCount(s: string): number {
  return (s.match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu) ?? []).length;
}

/** Index of the span containing `pos`, by binary search over sorted disjoint spans. */
export function spanIndexAt(spans: readonly Span[], pos: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = spans[mid]!;
    if (pos < s.start) hi = mid - 1;
    else if (pos >= s.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}
