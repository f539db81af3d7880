export { attribute } from './attribute.js';
export { attributeArticle, AttributedArticleSchema, EntitySchema, formatAttribution, QuoteSchema, type AttributedArticle } from './article.js';
export type { AttributeOptions, AttributionResult, Entity, EntityType, Quote, QuoteKind, Span, Speaker } from './types.js';
