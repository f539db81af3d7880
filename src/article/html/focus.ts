import type { DomNode } from '../../repair/index.js';

interface QueryableDocument {
  body: DomNode & { querySelectorAll(selector: string): ArrayLike<DomNode>; replaceChildren(...nodes: DomNode[]): void };
}

/** Share of the page's paragraph text a container must hold to be taken as the article. */
const DOMINANT = 0.75;

/**
 * Narrows the document to the one container that the page marks as its article (`<article>`,
 * `itemprop=articleBody`, `<main>`) when that container holds nearly all of the page's paragraph
 * text. Readability then scores a few hundred nodes instead of thousands (it serialises and
 * re-walks the whole body on each of its passes), and cannot stray into teasers around it.
 */
export function focusOnArticle(document: QueryableDocument): boolean {
  const body = document.body;
  const paragraphs = body.querySelectorAll('p');
  let total = 0;
  const lengths = new Map<DomNode, number>();
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i]!;
    const n = (p.textContent ?? '').length;
    total += n;
    lengths.set(p, n);
  }
  if (total < 500) return false;
  const candidates = body.querySelectorAll('article, [itemprop="articleBody"], main, [role="main"]');
  let best: DomNode | null = null;
  let bestShare = 0;
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i]!;
    let inside = 0;
    const ps = (c as unknown as QueryableDocument['body']).querySelectorAll('p');
    for (let j = 0; j < ps.length; j++) inside += lengths.get(ps[j]!) ?? 0;
    const share = inside / total;
    // The innermost container that still holds the text: a `<main>` around an `<article>` loses.
    if (share >= DOMINANT && (best === null || share >= bestShare - 0.02)) {
      best = c;
      bestShare = share;
    }
  }
  if (!best) return false;
  body.replaceChildren(best);
  return true;
}
