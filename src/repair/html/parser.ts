import { createRequire } from 'node:module';
import { capNesting } from './depth.js';

type Linkedom = typeof import('linkedom');

let loaded: Linkedom | null = null;

/**
 * linkedom, loaded on first use. Loading it takes longer than starting the rest of the repair layer
 * (about 140 ms), and most callers (plain-text repair, every batch worker in fix mode) never parse
 * markup; `require` keeps the first call synchronous, as `fixText` is.
 */
export function linkedom(): Linkedom {
  loaded ??= createRequire(import.meta.url)('linkedom') as Linkedom;
  return loaded;
}

/** Markup as a DOM, never nested deeper than a browser would (see `capNesting`). */
export function parseHTML(markup: string): ReturnType<Linkedom['parseHTML']> {
  return linkedom().parseHTML(capNesting(markup));
}
