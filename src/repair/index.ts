export { applyPlan, fixAndCount, fixAndExplain, fixText, PIPELINE } from './pipeline.js';
export { FIXER_NAMES } from './types.js';
export type { ExplainResult, FixCounts, FixOptions, FixerName, HtmlEntitiesMode, Step } from './types.js';
