export { applyPlan, fixAndExplain, fixText, PIPELINE } from './pipeline.js';
export { FIXER_NAMES, NORMALIZATION_FORMS, PROFILES } from './types.js';
export type { ExplainResult, FixOptions, FixerName, HtmlEntitiesMode, NormalizationForm, Profile, Step } from './types.js';
