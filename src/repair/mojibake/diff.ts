import type { FixerEdit } from '../types.js';

/**
 * Turns a repair of the whole text into small edits. Encoding repair never touches ASCII letters and
 * digits (they are the same bytes in every code page here), so the words made of them anchor the two
 * texts; what differs between two anchors is one edit. If the anchors do not line up, one edit covers
 * the changed middle.
 */
export function diffByAnchors(before: string, after: string): Array<Omit<FixerEdit, 'note'>> {
  const a = anchors(before);
  const b = anchors(after);
  if (!sameWords(before, a, after, b)) return [trimmed(before, after)];
  const edits: Array<Omit<FixerEdit, 'note'>> = [];
  let pa = 0;
  let pb = 0;
  const count = a.length / 2;
  for (let k = 0; k <= count; k++) {
    const ea = k < count ? a[2 * k]! : before.length;
    const eb = k < count ? b[2 * k]! : after.length;
    const gapBefore = before.slice(pa, ea);
    const gapAfter = after.slice(pb, eb);
    if (gapBefore !== gapAfter) {
      const t = trimmed(gapBefore, gapAfter);
      edits.push({ start: pa + t.start, end: pa + t.end, after: t.after });
    }
    if (k < count) {
      pa = a[2 * k + 1]!;
      pb = b[2 * k + 1]!;
    }
  }
  return edits;
}

const isAlnum = (c: number): boolean => (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);

/** The runs of ASCII letters and digits of `text`, as start and end offsets one after the other. */
function anchors(text: string): number[] {
  const out: number[] = [];
  let i = 0;
  while (i < text.length) {
    if (!isAlnum(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < text.length && isAlnum(text.charCodeAt(i))) i++;
    out.push(start, i);
  }
  return out;
}

/** Whether the two texts' anchors spell the same words in the same order. */
function sameWords(before: string, a: readonly number[], after: string, b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k += 2) {
    const length = a[k + 1]! - a[k]!;
    if (b[k + 1]! - b[k]! !== length) return false;
    for (let j = 0; j < length; j++) if (before.charCodeAt(a[k]! + j) !== after.charCodeAt(b[k]! + j)) return false;
  }
  return true;
}

function trimmed(before: string, after: string): { start: number; end: number; after: string } {
  let p = 0;
  const max = Math.min(before.length, after.length);
  while (p < max && before.charCodeAt(p) === after.charCodeAt(p)) p++;
  // Never split a surrogate pair.
  if (p > 0 && isHighSurrogate(before.charCodeAt(p - 1))) p--;
  let s = 0;
  while (s < max - p && before.charCodeAt(before.length - 1 - s) === after.charCodeAt(after.length - 1 - s)) s++;
  if (s > 0 && isLowSurrogate(before.charCodeAt(before.length - s))) s--;
  return { start: p, end: before.length - s, after: after.slice(p, after.length - s) };
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
