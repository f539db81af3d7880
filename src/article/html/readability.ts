import { Readability } from '@mozilla/readability';
import type { DomNode } from '../../repair/index.js';

/** What Readability found: its content as a DOM node, and what it read of the page's metadata. */
export interface ReadabilityResult {
  content: DomNode | null;
  title: string | null;
  byline: string | null;
  publishedTime: string | null;
  siteName: string | null;
  lang: string | null;
}

interface ElementLike {
  className: string;
  textContent: string | null;
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
}

/**
 * Readability's private members this module replaces or calls. Replacements are set on the
 * instance, so nothing else that uses Readability is affected; the tests check that Readability
 * still has these members, so an upgrade that renames one is noticed.
 */
export const READABILITY_INTERNALS = [
  '_isProbablyVisible',
  '_isValidByline',
  '_fixRelativeUris',
  '_grabArticle',
  '_unwrapNoscriptImages',
  '_removeScripts',
  '_prepDocument',
  '_getAllNodesWithTag',
] as const;

// Readability's internals are untyped; each is called with what Readability itself passes it.
type Internals = Record<(typeof READABILITY_INTERNALS)[number], (...args: any[]) => unknown>;

/**
 * A Readability release (the dependency allows newer patch versions) without one of these members
 * is used as it comes: slower, but never broken by a replacement that no longer fits.
 */
const TUNABLE = READABILITY_INTERNALS.every((name) => typeof (Readability.prototype as unknown as Partial<Internals>)[name] === 'function');

interface LoadedDocument {
  body: (DomNode & { replaceChildren(...nodes: unknown[]): void; innerHTML: string }) | null;
}

/**
 * Readability's main content of a (linkedom) document, or null when it finds none. `load` parses
 * the page afresh; it is called once, and again only if Readability retries. Readability mutates
 * the document. The content is returned as the DOM node itself, not serialised. `tune: false` runs
 * Readability without the replacements.
 */
export function readabilityContent(load: () => unknown, tune = TUNABLE): ReadabilityResult | null {
  const document = load() as LoadedDocument;
  const reader = new Readability<DomNode>(document as never, { keepClasses: true, serializer: (node) => node as unknown as DomNode });
  if (!tune) return resultOf(() => reader.parse());
  const internals = reader as unknown as Internals;
  internals._isProbablyVisible = isProbablyVisible;
  internals._isValidByline = isValidByline;
  internals._fixRelativeUris = unwrapScriptLinks;
  internals._getAllNodesWithTag = elementsNamed;
  const restoreBody = rebuildBodyOnRetry(internals, document, load);
  let grabbed: { innerHTML: string } | null = null;
  const original = Readability.prototype as unknown as Internals;
  internals._grabArticle = function (this: unknown, ...args: unknown[]) {
    grabbed = original._grabArticle.apply(this, args) as typeof grabbed;
    // Readability logs the article's markup whether or not it is debugging: a serialisation of the
    // whole article for nothing. The article serialises to nothing while Readability runs.
    if (grabbed) Object.defineProperty(grabbed, 'innerHTML', { configurable: true, get: () => '' });
    return grabbed;
  };
  try {
    return resultOf(() => reader.parse());
  } finally {
    restoreBody();
    if (grabbed) delete (grabbed as { innerHTML?: string }).innerHTML;
  }
}

type Parsed = ReturnType<Readability<DomNode>['parse']>;

function resultOf(parse: () => Parsed): ReadabilityResult | null {
  let parsed: Parsed;
  try {
    parsed = parse();
  } catch {
    return null; // linkedom and Readability disagree on some malformed trees; treat as no article
  }
  if (!parsed) return null;
  return {
    content: parsed.content ?? null,
    title: parsed.title ?? null,
    byline: parsed.byline ?? null,
    publishedTime: parsed.publishedTime ?? null,
    siteName: parsed.siteName ?? null,
    lang: parsed.lang ?? null,
  };
}

/** What the body's `innerHTML` reads as while Readability runs: a token, not markup. */
const FIRST_SEEN = '\u0000the body as Readability first saw it';

/**
 * Readability serialises the whole body before its first pass, only to restore it for a retry
 * with looser rules (when the first result is under 500 characters: about one page in thirty).
 * Instead the body reads as a token, and when a retry restores the token the body is parsed
 * afresh and prepared as Readability prepared it before that first pass. Returns the undo.
 */
function rebuildBodyOnRetry(reader: Internals, document: LoadedDocument, load: () => unknown): () => void {
  const body = document.body;
  if (!body) return () => {}; // Readability gives up on a page without a body
  const setInnerHtml = innerHtmlSetter(body);
  Object.defineProperty(body, 'innerHTML', {
    configurable: true,
    get: () => FIRST_SEEN,
    set: (value: string) => {
      if (value !== FIRST_SEEN) return setInnerHtml.call(body, value);
      const fresh = (load() as LoadedDocument).body;
      body.replaceChildren(...Array.from(fresh?.childNodes ?? []));
      reader._unwrapNoscriptImages(document);
      reader._removeScripts(document);
      reader._prepDocument();
    },
  });
  return () => {
    delete (body as { innerHTML?: string }).innerHTML;
  };
}

function innerHtmlSetter(node: object): (this: unknown, value: string) => void {
  for (let proto = Object.getPrototypeOf(node); proto; proto = Object.getPrototypeOf(proto)) {
    const setter = Object.getOwnPropertyDescriptor(proto, 'innerHTML')?.set;
    if (setter) return setter;
  }
  throw new Error('the DOM has no innerHTML setter');
}

interface Searchable {
  getElementsByTagName(name: string): ArrayLike<{ localName: string }>;
  querySelectorAll(selector: string): ArrayLike<{ localName: string }>;
}

/**
 * Readability finds elements by name with `querySelectorAll`, which linkedom answers by compiling
 * the selector anew on every call, and Readability makes such calls for every candidate element.
 * The same elements, in document order and whatever the case of their names (Readability creates
 * upper-case ones), without the selector:
 */
function elementsNamed(root: Searchable, names: readonly string[]): ArrayLike<unknown> {
  // linkedom compares a name given in upper case with every element's name in upper case.
  if (names.length === 1) return root.getElementsByTagName(names[0]!.toUpperCase());
  const wanted = new Set(names.map((n) => n.toLowerCase()));
  return Array.prototype.filter.call(root.querySelectorAll('*'), (el: { localName: string }) => wanted.has(el.localName) || wanted.has(el.localName.toLowerCase()));
}

/**
 * Readability reads `node.style.display`; linkedom builds a style object (a proxy over a map, parsed
 * from the attribute) for every element it is asked about. Reading the attribute the way linkedom
 * parses it gives the same answer without that.
 */
function isProbablyVisible(node: ElementLike): boolean {
  const style = node.getAttribute('style');
  if (style !== null && hidesElement(style)) return false;
  if (node.hasAttribute('hidden')) return false;
  // Readability keeps `aria-hidden` Wikimedia math images, recognised by their class.
  return node.getAttribute('aria-hidden') !== 'true' || (typeof node.className === 'string' && node.className.includes('fallback-image'));
}

/** Whether a style attribute hides its element, as Readability reads it over linkedom. */
export function hidesElement(style: string): boolean {
  return styleProperty(style, 'display') === 'none' || styleProperty(style, 'visibility') === 'hidden';
}

/** A declaration's value as linkedom's `style` gives it: the last non-empty one, '' when absent. */
function styleProperty(style: string, property: string): string {
  let value = '';
  for (const rule of style.split(/\s*;\s*/)) {
    const colon = rule.indexOf(':');
    if (colon < 0) continue;
    const v = rule.slice(colon + 1).trim();
    if (v !== '' && rule.slice(0, colon).trim() === property) value = v;
  }
  return value;
}

/**
 * Readability measures the text of every element it visits while it looks for a byline, before it
 * checks whether the element could be one; the cheap tests come first here, the answer is the same.
 */
function isValidByline(this: { REGEXPS: { byline: RegExp } }, node: ElementLike, matchString: string): boolean {
  const itemprop = node.getAttribute('itemprop');
  if (!(node.getAttribute('rel') === 'author' || itemprop?.includes('author') || this.REGEXPS.byline.test(matchString))) return false;
  const length = (node.textContent ?? '').trim().length;
  return length > 0 && length < 100;
}

interface LinkNode {
  childNodes: ArrayLike<{ nodeType: number }>;
  firstChild: unknown;
  textContent: string | null;
  parentNode: { replaceChild(a: unknown, b: unknown): void };
  getAttribute(name: string): string | null;
}

/**
 * Readability makes every link and image address absolute (one URL parse each) and unwraps
 * `javascript:` links. Only text is read from its result, so only the unwrapping is kept: it turns
 * link text into plain text, which the link-only filter sees.
 */
function unwrapScriptLinks(
  this: { _doc: { createTextNode(text: string): unknown; createElement(tag: string): { appendChild(n: unknown): void } } },
  content: { querySelectorAll(selector: string): ArrayLike<LinkNode> },
): void {
  const links = Array.from(content.querySelectorAll('a'));
  for (const link of links) {
    if (!link.getAttribute('href')?.startsWith('javascript:')) continue;
    if (link.childNodes.length === 1 && link.childNodes[0]!.nodeType === 3) {
      link.parentNode.replaceChild(this._doc.createTextNode(link.textContent ?? ''), link);
    } else {
      const span = this._doc.createElement('span');
      while (link.firstChild) span.appendChild(link.firstChild);
      link.parentNode.replaceChild(span, link);
    }
  }
}

