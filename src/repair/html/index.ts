export { repairTags, type TagRepair, type TagRepairResult } from './tags.js';
export { blocksOf, blocksToText, markupToText, type BlockKind, type TextBlock } from './text.js';
export type { DomNode } from './dom.js';
export { ELEMENT_NODE, TEXT_NODE } from './dom.js';

import { expectString } from '../arguments.js';
import { repairTags } from './tags.js';
import { markupToText } from './text.js';

/**
 * Markup in, plain text out: broken tags repaired, then the text laid out by blocks. Entities are
 * decoded by the parser; mangled ones (`& nbsp;`) stay as text for the repair pipeline to fix.
 */
export function htmlFragmentToText(html: string): string {
  expectString(html, 'htmlFragmentToText', 'html');
  return markupToText(repairTags(html).html);
}
