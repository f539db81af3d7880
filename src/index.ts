export * from './repair/index.js';
export * from './attribution/index.js';
