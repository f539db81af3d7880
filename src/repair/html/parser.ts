import { createRequire } from 'node:module';

type Linkedom = typeof import('linkedom');

let linkedom: Linkedom | null = null;

/**
 * linkedom's `parseHTML`, loaded on first use. Loading it takes longer than starting the rest of the
 * repair layer (about 140 ms), and most callers (plain-text repair, every batch worker in fix mode)
 * never parse markup; `require` keeps the first call synchronous, as `fixText` is.
 */
export function parseHTML(markup: string): ReturnType<Linkedom['parseHTML']> {
  linkedom ??= createRequire(import.meta.url)('linkedom') as Linkedom;
  return linkedom.parseHTML(markup);
}
