/**
 * The string-level twin of `focusOnArticle`: finds, before parsing, the one container the page marks
 * as its article (`<article>`, `<main>`, `itemprop="articleBody"`) that holds nearly all of the
 * page's paragraph text, and returns just that markup. A page that marks none gets the innermost
 * `<div>` or `<section>` that holds all but a sliver of that text, which leaves out the page's
 * header, menus and footer. Parsing then builds a few hundred nodes instead of thousands. Null when
 * no container clearly dominates; the caller then parses the page.
 */

/** Share of the paragraph text a container the page marks as its article must hold. */
const DOMINANT = 0.75;
/** An unmarked container must hold more: Readability would look beyond it for the rest. */
const UNMARKED = 0.9;
const CONTAINER = /<(\/?)(article|main|div|section)\b([^>]*)>/gi;
/** A paragraph runs to the next `<p>` or `</p>`: old pages leave paragraphs unclosed. */
const PARAGRAPH = /<p\b[^>]*>((?:[^<]+|<(?!\/?p[\s>]))*)/gi;
const TAGS = /<[^>]*>/g;

interface Container {
  start: number;
  end: number;
  marked: boolean;
}

export function focusMarkup(html: string): string | null {
  const starts: number[] = [];
  const ends: number[] = [];
  const sums: number[] = [0];
  let total = 0;
  PARAGRAPH.lastIndex = 0;
  for (let m = PARAGRAPH.exec(html); m; m = PARAGRAPH.exec(html)) {
    total += m[1]!.replace(TAGS, '').trim().length;
    starts.push(m.index);
    ends.push(m.index + m[0].length);
    sums.push(total);
  }
  if (total < 500) return null;
  // Paragraphs neither nest nor overlap, so their starts and ends both ascend: the ones inside a
  // container are a run found by two binary searches, their text a difference of running sums.
  const inside = (c: Container) => {
    const first = lowerBound(starts, c.start);
    const last = lowerBound(ends, c.end + 1);
    return last > first ? sums[last]! - sums[first]! : 0;
  };
  let best: { c: Container; share: number } | null = null;
  let bestUnmarked: { c: Container; share: number } | null = null;
  for (const c of containers(html)) {
    const share = inside(c) / total;
    if (c.marked) {
      // Later (inner) candidates win when they hold as much: a `<main>` around an `<article>` loses.
      if (share >= DOMINANT && (best === null || share >= best.share - 0.02)) best = { c, share };
    } else if (share >= UNMARKED && (bestUnmarked === null || c.end - c.start < bestUnmarked.c.end - bestUnmarked.c.start)) {
      // Containers holding most of the text nest in one another: the shortest is the innermost.
      bestUnmarked = { c, share };
    }
  }
  const chosen = best ?? bestUnmarked;
  if (!chosen) return null;
  const title = /<title\b[^>]*>[\s\S]*?<\/title\s*>/i.exec(html)?.[0] ?? '';
  return `<!DOCTYPE html><html><head>${title}</head><body>${html.slice(chosen.c.start, chosen.c.end)}</body></html>`;
}

/**
 * Every article, main, div and section element with its extent, in the order they open. An end tag
 * closes the latest open element of its name, as a parser does; an element never closed is left out.
 */
function containers(html: string): Container[] {
  const found: Container[] = [];
  const open = new Map<string, Container[]>();
  CONTAINER.lastIndex = 0;
  for (let m = CONTAINER.exec(html); m; m = CONTAINER.exec(html)) {
    const tag = m[2]!.toLowerCase();
    let stack = open.get(tag);
    if (!stack) open.set(tag, (stack = []));
    if (m[1] === '') {
      const attrs = m[3]!;
      const marked = tag === 'article' || tag === 'main' || /\bitemprop\s*=\s*["']?articleBody\b/i.test(attrs) || /\brole\s*=\s*["']?main\b/i.test(attrs);
      const c = { start: m.index, end: -1, marked };
      stack.push(c);
      found.push(c);
    } else {
      const c = stack.pop();
      if (c) c.end = m.index + m[0].length;
    }
  }
  return found.filter((c) => c.end >= 0);
}

function lowerBound(sorted: number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
