import { createRequire } from 'node:module';

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

export function parseHTML(markup: string): ReturnType<Linkedom['parseHTML']> {
  return linkedom().parseHTML(markup);
}
