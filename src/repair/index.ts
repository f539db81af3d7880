export { applyPlan, fixAndExplain, fixText, PIPELINE } from './pipeline.js';
export { FIXER_NAMES } from './types.js';
export type { ExplainResult, FixOptions, FixerName, HtmlEntitiesMode, Step } from './types.js';
