import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A path in `../shared/` next to the project root (tests run from `dist/test/article/`). */
export function sharedPath(...parts: string[]): string {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
  return join(root, '..', 'shared', ...parts);
}
