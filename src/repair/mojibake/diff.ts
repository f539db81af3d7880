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
  if (a.length !== b.length || a.some((x, k) => x.word !== b[k]!.word)) return [trimmed(before, after)];
  const edits: Array<Omit<FixerEdit, 'note'>> = [];
  let pa = 0;
  let pb = 0;
  for (let k = 0; k <= a.length; k++) {
    const ea = k < a.length ? a[k]!.start : before.length;
    const eb = k < b.length ? b[k]!.start : after.length;
    const gapBefore = before.slice(pa, ea);
    const gapAfter = after.slice(pb, eb);
    if (gapBefore !== gapAfter) {
      const t = trimmed(gapBefore, gapAfter);
      edits.push({ start: pa + t.start, end: pa + t.end, after: t.after });
    }
    if (k < a.length) {
      pa = ea + a[k]!.word.length;
      pb = eb + b[k]!.word.length;
    }
  }
  return edits;
}

interface Anchor {
  start: number;
  word: string;
}

function anchors(text: string): Anchor[] {
  const out: Anchor[] = [];
  const re = /[A-Za-z0-9]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push({ start: m.index, word: m[0] });
  return out;
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
