import { blocksOf, repairTags, type DomNode, type TextBlock } from '../../repair/index.js';
import { isCaption, noiseReason, type NoiseReason } from './noise.js';
import { focusOnArticle } from './focus.js';
import { parseDocument } from './parseDocument.js';
import { focusMarkup } from './focusMarkup.js';
import { pruneMarkup } from './prune.js';
import { readabilityContent } from './readability.js';
import { slimMarkup } from './slim.js';
import { dropUnlikely } from './unlikely.js';
import { readMetadata, toIsoDate, type PageMetadata } from './metadata.js';
import type { Fix } from '../schema.js';
import { textOfUtf8Bytes } from '../bytes.js';

export const EXTRACTOR = 'readability+linkedom';
/** When Readability finds nothing on a page that has paragraphs, its body is read directly. */
export const FALLBACK_EXTRACTOR = 'linkedom-body';

export interface RemovedBlock {
  reason: NoiseReason;
  text: string;
  /** Number of kept blocks before it. */
  index: number;
}

export interface HtmlExtraction {
  metadata: PageMetadata;
  blocks: TextBlock[];
  removed: RemovedBlock[];
  markupFixes: Fix[];
  /** Readability found no article (the body is empty). */
  noArticle: boolean;
  extractor: string;
}

/**
 * A page to its main content as text blocks, plus metadata. Broken tags are repaired first so that
 * the parser sees the structure the author wrote; the markup is then cut to the article container
 * and slimmed, so that linkedom and Readability handle a fraction of the page; Readability picks
 * the main content; its result is then walked block by block, skipping the furniture it let through.
 */
export function extractFromHtml(html: string, utf8Bytes = false): HtmlExtraction {
  // Markup given as UTF-8 bytes (see `readPage`) is cut as it is; what is kept is decoded.
  const textOf = utf8Bytes ? textOfUtf8Bytes : (s: string) => s;
  const metadata = readMetadata(html, textOf);
  // Pruning first spares the tag repair the scripts, which are most of a page's `<` signs.
  const tags = repairTags(pruneMarkup(html));
  const markupFixes: Fix[] = tags.repairs.map((r) => ({ fixer: 'markup', before: textOf(r.before), after: textOf(r.after), note: 'tag repaired' }));
  const focused = focusMarkup(tags.html);
  const markup = textOf(slimMarkup(focused ?? tags.html));
  // Readability's first pass may run on the markup without what that pass removes; a retry gets all
  // of it. Unfocused pages are narrowed on the DOM by shares of their text, which the cut would change.
  let firstPass: string | null = focused ? dropUnlikely(markup) : null;
  const parsed = readabilityContent(() => {
    const document = parseDocument(firstPass ?? markup);
    firstPass = null;
    if (!focused) focusOnArticle(document as never);
    return document;
  });
  const root = parsed?.content;
  let collected = root ? collectBlocks(root) : { blocks: [], removed: [] };
  let extractor = EXTRACTOR;
  if (collected.blocks.length === 0) {
    // Readability found nothing (or gave up on a pathological tree). A page that still has real
    // paragraphs gets them from its body, cleaned the same way; one without stays empty.
    const body = parseDocument(markup).body as unknown as DomNode | null;
    const fromBody = body ? collectBlocks(body) : collected;
    const prose = fromBody.blocks.filter((b) => b.text.length >= 80).reduce((n, b) => n + b.text.length, 0);
    if (prose >= 500) {
      collected = fromBody;
      extractor = FALLBACK_EXTRACTOR;
    }
  }
  const { blocks, removed } = collected;
  const fallback: PageMetadata = {
    title: metadata.title ?? clean(parsed?.title),
    description: metadata.description,
    byline: metadata.byline ?? clean(parsed?.byline),
    published: metadata.published ?? (parsed?.publishedTime ? toIsoDate(parsed.publishedTime) : null),
    siteName: metadata.siteName ?? clean(parsed?.siteName),
    url: metadata.url,
    lang: metadata.lang ?? clean(parsed?.lang),
  };
  return { metadata: fallback, blocks, removed, markupFixes, noArticle: blocks.length === 0, extractor };
}

/** The text blocks under `root`, without the furniture Readability let through (which is reported). */
function collectBlocks(root: DomNode): { blocks: TextBlock[]; removed: RemovedBlock[] } {
  const removed: RemovedBlock[] = [];
  const blocks: TextBlock[] = [];
  const total = (root.textContent ?? '').length;
  const skip = (el: DomNode): boolean => {
    if (el === root) return false;
    if (isCaption(el)) return true;
    const reason = noiseReason(el);
    if (!reason) return false;
    const raw = el.textContent ?? '';
    // A container holding most of the article is the article, whatever its class names say.
    if (raw.length > total * 0.4 && raw.length > 400) return false;
    // Laid out rather than `textContent`: the markup has no white space between blocks to rely on.
    const text = blocksOf(el)
      .map((b) => b.text)
      .join(' ')
      .replace(/\s+/g, ' ')
      .trim();
    if (text !== '') removed.push({ reason, text, index: blocks.length });
    return true;
  };
  for (const b of blocksOf(root, skip)) {
    // `<br><br>` inside one element separates paragraphs just like two elements do.
    for (const piece of b.text.split(/\n[ \t]*\n+/)) {
      const text = piece.trim();
      if (text !== '') blocks.push({ ...b, text });
    }
    fixRemovedIndices(removed, blocks.length);
  }
  return { blocks, removed };
}

/** Removed blocks are recorded while their parent block is open; they belong before the next one. */
function fixRemovedIndices(removed: RemovedBlock[], count: number): void {
  for (const r of removed) if (r.index > count) r.index = count;
}

function clean(value: string | null | undefined): string | null {
  const v = value?.replace(/\s+/g, ' ').trim();
  return v ? v : null;
}
