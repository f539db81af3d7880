import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Every file below `dir` with its bytes; bookkeeping names that start with a dot (journals, parts) are left out. */
export function fileTree(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const name of readdirSync(dir, { recursive: true }) as string[]) {
    const path = join(dir, name);
    if (name.split(/[\\/]/).some((part) => part.startsWith('.')) || !statSync(path).isFile()) continue;
    files.set(relative(dir, path), readFileSync(path));
  }
  return files;
}
