import type { parseHTML } from 'linkedom';
import { linkedom } from '../../repair/html/parser.js';

type LinkedomDocument = ReturnType<typeof parseHTML>['document'];

/**
 * The document of the markup. Parsed with the DOMParser directly: `parseHTML` also builds a window
 * proxy for each page, which nothing here uses.
 *
 * linkedom builds no root element for markup without any element (empty, blank, a lone doctype), and
 * its `head`/`body` getters then throw; such a page is parsed as the empty document it stands for.
 */
export function parseDocument(markup: string): LinkedomDocument {
  const { DOMParser } = linkedom();
  const document = new DOMParser().parseFromString(markup, 'text/html') as unknown as LinkedomDocument;
  if (document.documentElement) return document;
  return new DOMParser().parseFromString('<!doctype html><html><head></head><body></body></html>', 'text/html') as unknown as LinkedomDocument;
}
