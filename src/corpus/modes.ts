import type { Mode } from './chunk.js';
import type { ModeFactory } from './modeTypes.js';

/**
 * Each mode is one function. The article layer (an HTML parser and language data) is loaded only by
 * workers that run it, so that repair-only runs start fast and stay small.
 */
export const PROCESSORS: Record<Mode, () => Promise<ModeFactory>> = {
  fix: async () => (await import('./fixMode.js')).fix,
  article: async () => (await import('./articleMode.js')).article,
};
