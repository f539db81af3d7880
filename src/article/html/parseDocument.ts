import { parseHTML } from '../../repair/html/parser.js';

/**
 * linkedom builds no root element for markup without any element (empty, blank, a lone doctype), and
 * its `head`/`body` getters then throw; such a page is parsed as the empty document it stands for.
 */
export function parseDocument(markup: string): ReturnType<typeof parseHTML>['document'] {
  const { document } = parseHTML(markup);
  if (document.documentElement) return document;
  return parseHTML('<!doctype html><html><head></head><body></body></html>').document;
}
