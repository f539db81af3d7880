import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../support/tempDir.js';

/** A fresh temporary directory (removed at exit) and a helper that writes a file into it and returns its path. */
export function scratch(prefix: string): { dir: string; file: (name: string, content: string | Buffer) => string } {
  const dir = tempDir(prefix);
  return {
    dir,
    file: (name, content) => {
      const path = join(dir, name);
      writeFileSync(path, content);
      return path;
    },
  };
}

export interface OutRecord {
  id?: number;
  text: string;
  unmangle: { source: string; line?: number; offset?: number; fixes: Record<string, number>; damage: number };
  [key: string]: unknown;
}

export function parseJsonl(text: string): OutRecord[] {
  return text
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as OutRecord);
}

const DAMAGE = ['a & nbsp; b', 'x & mdash; y', 'wait & hellip;', 'clean text', '“quoted” & amp; fine'];

/** `n` JSON lines records with ids, of varied length, some damaged. */
export function jsonlRecords(n: number, withIds = true): string {
  let out = '';
  for (let i = 0; i < n; i++) {
    const text = `${DAMAGE[i % DAMAGE.length]} ${'word '.repeat(i % 37)}#${i}`;
    out += JSON.stringify(withIds ? { id: i, text } : { text }) + '\n';
  }
  return out;
}
