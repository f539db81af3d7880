/**
 * Splitting scraped text into paragraphs. Blank lines separate paragraphs; inside a block, lines
 * are either paragraphs of their own (one line per paragraph, as copied from a page) or the lines of
 * hard-wrapped text, which are joined, with a new paragraph where a short line ends a sentence.
 */

const SENTENCE_END = /[.!?…:»”"')\]]$/u;

export function isHardWrapped(lines: readonly string[]): boolean {
  if (lines.length < 3) return false;
  const lengths = lines.map((l) => l.length);
  const width = Math.max(...lengths);
  if (width < 40 || width > 120) return false;
  const body = lengths.slice(0, -1);
  const full = body.filter((n) => n >= width * 0.7).length;
  // Wrapped lines mostly end mid-sentence; lines copied one per paragraph end with punctuation.
  const open = lines.slice(0, -1).filter((l) => !SENTENCE_END.test(l)).length;
  return full >= body.length * 0.6 && open >= body.length * 0.4;
}

/** Paragraphs of one block of consecutive non-blank lines. */
export function splitBlock(lines: readonly string[]): string[] {
  const trimmed = lines.map((l) => l.trim()).filter((l) => l !== '');
  if (trimmed.length <= 1) return trimmed;
  if (!isHardWrapped(trimmed)) return trimmed;
  const width = Math.max(...trimmed.map((l) => l.length));
  const out: string[] = [];
  let current = '';
  for (const line of trimmed) {
    current = join(current, line);
    if (SENTENCE_END.test(line) && line.length < width * 0.7) {
      out.push(current);
      current = '';
    }
  }
  if (current !== '') out.push(current);
  return out;
}

function join(a: string, b: string): string {
  if (a === '') return b;
  // A line ending in a hyphen continues the word on the next line. The hyphen is kept: dropping it
  // would glue compounds (`well-` + `known`), keeping it only leaves a visible break hyphen.
  if (/\p{L}-$/u.test(a) && /^\p{Ll}/u.test(b)) return a + b;
  return `${a} ${b}`;
}

/** True when a line reads as a headline: a few words, no sentence punctuation at its end. */
export function readsAsHeadline(line: string): boolean {
  const t = line.trim();
  if (t.length < 8 || t.length > 200) return false;
  if (/[.,;:]$/.test(t)) return false;
  const words = t.split(/\s+/);
  if (words.length < 2 || words.length > 30) return false;
  return /^[\p{Lu}\p{N}"“«„']/u.test(t);
}
