export { byteScreen, passesScreen, type ByteScreen } from './screen.js';
export { applyPlan, counterFor, fixAndCount, fixAndExplain, fixText, PIPELINE } from './pipeline.js';
export { FIXER_NAMES, NORMALIZATION_FORMS, PROFILES } from './types.js';
export type { ExplainResult, FixCounts, FixOptions, FixerName, HtmlEntitiesMode, InputKind, NormalizationForm, Profile, Step } from './types.js';
export { htmlFragmentToText, repairTags, blocksOf, blocksToText, markupToText } from './html/index.js';
export type { TextBlock, BlockKind, TagRepair, DomNode } from './html/index.js';
