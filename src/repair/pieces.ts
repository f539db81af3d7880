/**
 * Large documents are repaired in pieces so that the work per piece stays in the young generation
 * of the garbage collector and cost grows linearly with size. Every fixer works within a line (no
 * reference, gap or quote pair crosses a line break), so cutting after a line break changes nothing;
 * a single line longer than a piece is cut at a space well away from any `&`, `;` or quote mark.
 */
export const PIECE_SIZE = 1 << 16;
const SAFE_DISTANCE = 64;

export function splitIntoPieces(text: string, size = PIECE_SIZE): string[] {
  if (text.length <= size) return [text];
  const pieces: string[] = [];
  let start = 0;
  while (text.length - start > size) {
    const cut = cutPoint(text, start, start + size);
    pieces.push(text.slice(start, cut));
    start = cut;
  }
  pieces.push(text.slice(start));
  return pieces;
}

function cutPoint(text: string, from: number, limit: number): number {
  // Only the last three quarters of the piece are searched for a line break: `lastIndexOf` would run
  // back to the start of the text on a line without one, once per piece.
  const low = from + (limit - from) / 4;
  for (let i = limit - 1; i >= low; i--) if (text.charCodeAt(i) === 0x0a) return i + 1;
  // One backward pass: `unsafe` is the nearest `&` or quote mark at or after `p`, so a candidate
  // space at i = p + SAFE_DISTANCE is clear when the window [i - SAFE, i + SAFE) ends before it.
  // Every character is read once, where a window slice and regex per candidate read each 128 times.
  let unsafe = Infinity;
  for (let p = Math.min(text.length, limit - 1 + SAFE_DISTANCE) - 1; p > from; p--) {
    if (isUnsafe(text.charCodeAt(p))) unsafe = p;
    const i = p + SAFE_DISTANCE;
    if (i > limit - 1 || unsafe < i + SAFE_DISTANCE) continue;
    if (text.charCodeAt(i) !== 0x20 || text.charCodeAt(i - 1) === 0x20 || text.charCodeAt(i + 1) === 0x20) continue;
    return i + 1;
  }
  // Nowhere safe to cut: take the next line break even if the piece grows large.
  const next = text.indexOf('\n', limit);
  return next < 0 ? text.length : next + 1;
}

/** `&`, `;` (a name that lost its `&` ends in one) and the quote marks a fixer pairs or reads across spaces. */
function isUnsafe(c: number): boolean {
  return c === 0x26 || c === 0x3b || c === 0x22 || c === 0x27 || c === 0x60 || c === 0xab || c === 0xbb || c === 0x201c || c === 0x201d || c === 0x201e;
}
