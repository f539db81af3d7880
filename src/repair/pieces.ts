/**
 * Large documents are repaired in pieces so that the work per piece stays in the young generation
 * of the garbage collector and cost grows linearly with size. Every fixer works within a line (no
 * reference, gap or quote pair crosses a line break), so cutting after a line break changes nothing;
 * a single line longer than a piece is cut at a space well away from any `&`.
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
  const newline = text.lastIndexOf('\n', limit - 1);
  if (newline >= from + (limit - from) / 4) return newline + 1;
  for (let i = limit - 1; i > from + SAFE_DISTANCE; i--) {
    if (text[i] !== ' ' || text[i - 1] === ' ' || text[i + 1] === ' ') continue;
    const around = text.slice(i - SAFE_DISTANCE, i + SAFE_DISTANCE);
    if (around.includes('&') || /["“”„«»'`]/.test(around)) continue;
    return i + 1;
  }
  // Nowhere safe to cut: take the next line break even if the piece grows large.
  const next = text.indexOf('\n', limit);
  return next < 0 ? text.length : next + 1;
}
