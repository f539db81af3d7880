export { applyPlan, fixAndCount, fixAndExplain, fixText, PIPELINE } from './pipeline.js';
export { FIXER_NAMES, NORMALIZATION_FORMS, PROFILES } from './types.js';
export type { ExplainResult, FixCounts, FixOptions, FixerName, HtmlEntitiesMode, NormalizationForm, Profile, Step } from './types.js';
