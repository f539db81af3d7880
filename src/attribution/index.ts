export { attribute } from './attribute.js';
export type { AttributeOptions, AttributionResult, Entity, EntityType, Quote, QuoteKind, Span, Speaker } from './types.js';
