export { repairTags, type TagRepair, type TagRepairResult } from './tags.js';
export { blocksOf, blocksToText, markupToText, type BlockKind, type Layout, type TextBlock } from './text.js';
export type { DomNode } from './dom.js';
export { ELEMENT_NODE, TEXT_NODE } from './dom.js';

import { expectOptions, expectString } from '../arguments.js';
import { escapeNonMarkup, nbspReferencesToSpaces } from './nonMarkup.js';
import { repairTags } from './tags.js';
import { markupToText } from './text.js';

export interface FragmentOptions {
  /** Keep `&nbsp;` as U+00A0 instead of an ordinary space (as the repair option of that name). */
  keepNbsp?: boolean;
}

/**
 * Markup in, plain text out: broken tags repaired, angle brackets that open no HTML element kept as
 * text, then the text laid out by blocks, with its own line breaks. Entities are decoded by the
 * parser (`&nbsp;` as a space unless `keepNbsp`); mangled ones (`& nbsp;`) stay as text for the
 * repair pipeline to fix.
 */
export function htmlFragmentToText(html: string, options: FragmentOptions = {}): string {
  expectString(html, 'htmlFragmentToText', 'html');
  expectOptions(options, 'htmlFragmentToText');
  const markup = escapeNonMarkup(repairTags(html).html);
  return markupToText(options.keepNbsp ? markup : nbspReferencesToSpaces(markup), { keepLineBreaks: true });
}
