export * from './repair/index.js';
export * from './article/index.js';
