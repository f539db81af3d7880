import type { Mode } from './chunk.js';
import type { Processor } from './modeTypes.js';

/**
 * Each mode is one function. The article layer (an HTML parser and language data) is loaded only by
 * workers that run it, so that repair-only runs start fast and stay small.
 */
export const PROCESSORS: Record<Mode, () => Promise<Processor>> = {
  fix: async () => (await import('./fixMode.js')).fix,
  article: async () => (await import('./articleMode.js')).article,
};
