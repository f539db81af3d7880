import type { parseHTML } from 'linkedom';
import { capNesting } from '../../repair/html/depth.js';
import { linkedom } from '../../repair/html/parser.js';

type LinkedomDocument = ReturnType<typeof parseHTML>['document'];

/**
 * Nesting is capped as browsers cap it, but lower than a browser's 512: Readability's conditional
 * cleaning measures the text of every descendant of every container, which is cubic in depth (a chain
 * of 500 `<div>` took 9 s). 128 is more than twice the deepest of 88 news pages measured (51).
 */
export const ARTICLE_MAX_NESTING = 128;

/**
 * The document of the markup. Parsed with the DOMParser directly: `parseHTML` also builds a window
 * proxy for each page, which nothing here uses.
 *
 * linkedom builds no root element for markup without any element (empty, blank, a lone doctype), and
 * its `head`/`body` getters then throw; such a page is parsed as the empty document it stands for.
 */
export function parseDocument(markup: string): LinkedomDocument {
  const { DOMParser } = linkedom();
  const document = new DOMParser().parseFromString(capNesting(markup, ARTICLE_MAX_NESTING), 'text/html') as unknown as LinkedomDocument;
  if (document.documentElement) return document;
  return new DOMParser().parseFromString('<!doctype html><html><head></head><body></body></html>', 'text/html') as unknown as LinkedomDocument;
}
