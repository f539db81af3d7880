export * from './repair/index.js';
export * from './article/index.js';
export * from './attribution/index.js';
